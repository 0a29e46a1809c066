// The whole answer (Tables 1–18) as one Excel workbook, a sheet per table; in a publication the
// tables are protected together (one linked publication: they share totals).
import ExcelJS from "exceljs";
import type { AnswerTable } from "./answer-tables";
import type { ReportResult } from "./run-report";
import { publicationMasks } from "./disclosure/protect";
import { addReportSheet } from "./xlsx";
import { measureLabels } from "./definitions";

export async function answerWorkbook(parts: { table: AnswerTable; reports: ReportResult[] }[], publication: boolean, scope: string | null = null): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const masks = await publicationMasks(parts.flatMap((p) => p.reports), publication, scope);
  let k = 0;
  for (const { table, reports } of parts) {
    reports.forEach((r, i) => {
      const mask = masks[k++]!;
      const suffix = reports.length > 1 ? ` ${String.fromCharCode(97 + i)}` : "";
      addReportSheet(wb, `Tabel ${table.number}${suffix}`, r, { title: `Tabel ${table.number}: ${table.title}${reports.length > 1 ? ` — ${measureLabels[r.measure]}` : ""}`, mask });
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
