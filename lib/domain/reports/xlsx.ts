// Reports as Excel workbooks (exceljs): numbers stay numbers; in a publication, hidden cells
// read "<5" or "x" as text. One sheet per report.
import ExcelJS from "exceljs";
import { dimensionLabels, measureLabels } from "./definitions";
import type { ReportResult } from "./run-report";
import { publishedCell, suppressSmallCells } from "./small-cells";

/** The table of a report as shown: numbers, or the published text of hidden cells. */
export function displayGrid(r: ReportResult, publication: boolean): (string | number)[][] {
  const grid = r.rows.map((row) => [...r.years.map((y) => row.values[String(y)]!), row.total]);
  if (!publication) return grid;
  const hidden = suppressSmallCells(grid.map((g) => g.slice(0, r.years.length)));
  return grid.map((g, i) => g.map((v, j) => (j < r.years.length ? publishedCell(v as number, hidden[i]![j]!) : v)));
}

export function addReportSheet(wb: ExcelJS.Workbook, name: string, r: ReportResult, opts: { title?: string; publication?: boolean } = {}) {
  const ws = wb.addWorksheet(name.slice(0, 31));
  let rowNo = 1;
  if (opts.title) {
    ws.getCell(rowNo, 1).value = opts.title;
    ws.getCell(rowNo, 1).font = { bold: true };
    rowNo += 2;
  }
  const header = [...r.by.map((d) => dimensionLabels[d]), ...r.years.map(String), "totaal"];
  ws.getRow(rowNo).values = header;
  ws.getRow(rowNo).font = { bold: true };
  rowNo++;
  const grid = displayGrid(r, opts.publication ?? false);
  r.rows.forEach((row, i) => {
    ws.getRow(rowNo++).values = [...row.labels, ...grid[i]!];
  });
  const totalRow = ws.getRow(rowNo);
  totalRow.values = [...r.by.map((_, i) => (i === 0 ? "Totaal" : "")), ...r.years.map((y) => r.totals.values[String(y)]!), r.totals.total];
  totalRow.font = { bold: true };
  ws.getColumn(1).width = 40;
  if (r.by.length > 1) ws.getColumn(2).width = 30;
  for (let c = r.by.length + 1; c <= header.length; c++) ws.getColumn(c).numFmt = r.measure === "fine_amount_eur" ? '#,##0 "€"' : "#,##0";
  return ws;
}

export async function reportWorkbook(r: ReportResult, publication: boolean): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  addReportSheet(wb, measureLabels[r.measure], r, { title: `${measureLabels[r.measure]} per ${r.by.map((d) => dimensionLabels[d]).join(" en ")}, peildatum ${r.asOf}`, publication });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
