// The one table writer of every list export (issue 14: the dossier list, the worklists, the fines
// queue, the reminders, the DVZ advices): a list as columns and rows, written as CSV (csv.ts writeCsv)
// or XLSX (exceljs), both through the same formula guard. Dates are ISO (machine readable: a
// spreadsheet or a script reads them without guessing dd/mm against mm/dd) — in XLSX real date
// cells. When the export stopped at the cap, the file says so in its last line (CSV) or its first
// row (XLSX), besides the page. Pure: no I/O.
import ExcelJS from "exceljs";
import { type CsvField, writeCsv } from "./csv";
import { guardFormula } from "./formula-guard";

/** At most this many rows leave in one export: one transaction, one audit row listing their ids. */
export const EXPORT_ROW_CAP = 10_000;

export type ExportCell = string | number | null;
export interface ExportColumn {
  header: string;
  /** text (guarded), date (an ISO yyyy-mm-dd string), number */
  kind: "text" | "date" | "number";
  /**
   * Who the row is about: for an anonymised dossier the "name" column reads "geanonimiseerd" and the
   * other "who" columns stay empty (issue 15: nothing number-like of the person leaves in a file).
   */
  who?: "name" | "other";
}
export interface ExportTable {
  sheetName: string;
  columns: readonly ExportColumn[];
  rows: readonly (readonly ExportCell[])[];
  /** said in the file when the export was cut at the cap */
  cappedNote: string | null;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The CSV: a header line, one line per row, CRLF line ends (RFC 4180), UTF-8 (writeCsv: quoting and the guard). */
export function tableToCsv(table: ExportTable): string {
  const records: CsvField[][] = [table.columns.map((c) => c.header), ...table.rows.map((row) => table.columns.map((_, i) => row[i] ?? null))];
  if (table.cappedNote) records.push([table.cappedNote]);
  return writeCsv(records);
}

/** A date cell: the ISO day as a UTC midnight Date, so the spreadsheet shows that day whatever its zone. */
const dateCell = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** The XLSX: one sheet, the cap note (if any) above the bold header; text cells are strings (never formulas), guarded. */
export async function tableToXlsx(table: ExportTable): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(table.sheetName.slice(0, 31));
  if (table.cappedNote) {
    ws.addRow([guardFormula(table.cappedNote)]).font = { italic: true };
  }
  ws.addRow(table.columns.map((c) => guardFormula(c.header))).font = { bold: true };
  for (const row of table.rows) {
    ws.addRow(
      table.columns.map((c, i) => {
        const v = row[i] ?? null;
        if (v === null) return null;
        if (c.kind === "number" && typeof v === "number") return v;
        if (c.kind === "date" && typeof v === "string" && ISO_DATE.test(v)) return dateCell(v);
        return guardFormula(String(v));
      }),
    );
  }
  table.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.kind === "text" ? 28 : 14;
    if (c.kind === "date") col.numFmt = "yyyy-mm-dd";
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
