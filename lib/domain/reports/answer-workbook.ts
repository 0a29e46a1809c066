// The whole answer (Tables 1–18) as one Excel workbook, a sheet per table; in a publication the
// tables are protected together (one linked publication: they share totals).
import ExcelJS from "exceljs";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locale";
import { translator } from "@/lib/i18n/messages";
import { answerTableTitle, type AnswerTable } from "./answer-tables";
import type { ReportResult } from "./run-report";
import { publicationMasks } from "./disclosure/protect";
import { addReportSheet } from "./xlsx";
import { answerFootnotes, footnoteFigures } from "./answer-texts";
import { measureLabel } from "./definitions";

export async function answerWorkbook(
  parts: { table: AnswerTable; reports: ReportResult[] }[],
  publication: boolean,
  scope: string | null = null,
  locale: Locale = DEFAULT_LOCALE,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const t = translator("reports", locale);
  const masks = await publicationMasks(
    parts.flatMap((p) => p.reports),
    publication,
    scope,
    parts.flatMap((p) => p.reports.map(() => p.table.agencySubtotals === true)),
  );
  const figures = footnoteFigures(
    parts.flatMap((p) => p.reports.map((report) => ({ number: p.table.number, report }))).map((x, i) => ({ ...x, mask: masks[i] })),
  );
  let k = 0;
  for (const { table, reports } of parts) {
    reports.forEach((r, i) => {
      const mask = masks[k++]!;
      const suffix = reports.length > 1 ? ` ${String.fromCharCode(97 + i)}` : "";
      const name = t("answer.table", { number: table.number });
      addReportSheet(wb, `${name}${suffix}`, r, {
        title: `${name}: ${answerTableTitle(table, locale)}${reports.length > 1 ? ` — ${measureLabel(r.measure, locale)}` : ""}`,
        mask,
        locale,
        agencySubtotals: table.agencySubtotals === true,
        footnotes: answerFootnotes(table.number, locale, figures),
      });
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
