// The whole answer (Tables 1–18) as one Excel workbook, a sheet per table.
import ExcelJS from "exceljs";
import type { AnswerTable } from "./answer-tables";
import type { ReportResult } from "./run-report";
import { addReportSheet } from "./xlsx";
import { measureLabels } from "./definitions";

export async function answerWorkbook(parts: { table: AnswerTable; reports: ReportResult[] }[], publication: boolean): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const { table, reports } of parts) {
    reports.forEach((r, i) => {
      const suffix = reports.length > 1 ? ` ${String.fromCharCode(97 + i)}` : "";
      addReportSheet(wb, `Tabel ${table.number}${suffix}`, r, { title: `Tabel ${table.number}: ${table.title}${reports.length > 1 ? ` — ${measureLabels[r.measure]}` : ""}`, publication });
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
