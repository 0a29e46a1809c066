// The one CSV writer of every file the product hands out: the list exports (export-table.ts), the
// DVZ file, the audit export and the reports. csv-stringify does the quoting (RFC 4180); every text
// field passes the formula guard (formula-guard.ts), numbers are written as they are, null is empty.
// CRLF line ends; the caller adds the BOM where a spreadsheet needs it. Pure.
import { stringify } from "csv-stringify/sync";
import { guardFormula } from "./formula-guard";

export type CsvField = string | number | null;

/**
 * `delimiter`: "," (the exchange files) or ";" (the reports, as Excel in nl-BE opens them).
 * A lone line break in a field is quoted too: with a CRLF record delimiter csv-stringify only
 * quotes a field holding the whole "\r\n", and a reader would cut the row at the "\n".
 */
export function writeCsv(records: readonly (readonly CsvField[])[], delimiter: "," | ";" = ","): string {
  const fields = records.map((r) => r.map((v) => (v === null ? "" : typeof v === "number" ? String(v) : guardFormula(v))));
  return stringify(fields, { delimiter, record_delimiter: "windows", quoted_match: /[\r\n]/ });
}
