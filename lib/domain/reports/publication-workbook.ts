// A publication as one Excel workbook: a first sheet with what it is (title, question,
// introduction, status, reference date, the instant the figures were taken, scope, the content
// hash), then a sheet per table with exactly the stored figures — the marks as stored, the agency
// subtotals as stored, the footnotes of the answer's tables. Pure: nothing is recomputed.
import ExcelJS from "exceljs";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locale";
import { formatDate } from "@/lib/i18n/format";
import { translator } from "@/lib/i18n/messages";
import { answerTables, answerTableTitle } from "./answer-tables";
import { answerFootnotes, footnoteFigures } from "./answer-texts";
import { dimensionLabel, measureLabel } from "./definitions";
import { type PublishedTable, tableAsReport } from "./publication/figures";
import { addReportSheet } from "./xlsx";

export interface PublicationForWorkbook {
  title: string;
  questionText: string | null;
  introduction: string | null;
  status: "VOORLOPIG" | "DEFINITIEF";
  asOf: string;
  takenAt: Date;
  agencyCode: string | null;
  forPublication: boolean;
  contentHash: string;
  figures: PublishedTable[];
}

export async function publicationWorkbook(p: PublicationForWorkbook, locale: Locale = DEFAULT_LOCALE): Promise<Buffer> {
  const t = translator("publications", locale);
  const tr = translator("reports", locale);
  const wb = new ExcelJS.Workbook();
  const about = wb.addWorksheet(t("detail.params").slice(0, 31));
  const facts: [string, string][] = [
    [t("detail.titleLabel"), p.title],
    [t("detail.questionLabel"), p.questionText ?? ""],
    [t("detail.introLabel"), p.introduction ?? ""],
    [t("detail.statusLabel"), t(`status.${p.status}`)],
    [t("detail.asOf"), formatDate(p.asOf)],
    [t("detail.kennis"), p.takenAt.toISOString()],
    [t("detail.scope"), p.agencyCode ?? t("detail.flanders")],
    ["", p.forPublication ? t("detail.forPublication") : t("detail.notForPublication")],
    [t("detail.hash"), p.contentHash],
  ];
  facts.forEach(([k, v], i) => {
    about.getRow(i + 1).values = [k, v];
    about.getCell(i + 1, 1).font = { bold: true };
  });
  about.getColumn(1).width = 36;
  about.getColumn(2).width = 100;
  about.getColumn(2).alignment = { wrapText: true, vertical: "top" };
  const names = new Set<string>();
  const figures = footnoteFigures(p.figures.map((table) => ({ number: table.spec.table, ...tableAsReport(table, p.asOf) })));
  p.figures.forEach((table, i) => {
    const { report, mask, subtotals } = tableAsReport(table, p.asOf);
    const answerTable = answerTables.find((a) => a.number === table.spec.table);
    const byText = report.by.map((d) => dimensionLabel(d, locale)).join(", ");
    let name = answerTable ? tr("answer.table", { number: answerTable.number }) : `${i + 1} ${measureLabel(report.measure, locale)}`;
    // a table of two measures (Table 12) gives two sheets: the names must differ
    if (names.has(name.slice(0, 28))) name = `${name.slice(0, 28)} ${i + 1}`;
    names.add(name.slice(0, 28));
    addReportSheet(wb, name, report, {
      title: answerTable
        ? `${tr("answer.table", { number: answerTable.number })}: ${answerTableTitle(answerTable, locale)} — ${measureLabel(report.measure, locale)}`
        : `${measureLabel(report.measure, locale)} · ${byText}`,
      mask,
      locale,
      agencySubtotals: subtotals.length > 0,
      subtotals,
      footnotes: answerFootnotes(table.spec.table, locale, figures),
    });
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
