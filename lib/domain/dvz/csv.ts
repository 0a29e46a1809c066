// The file exchanged with the Immigration Office (DVZ): by law exactly five fields per newcomer
// and nothing else. Cells that a spreadsheet would run as a formula are neutralised.
import { guardFormula } from "@/lib/domain/lists/formula-guard";
export interface DvzExportRow {
  lastName: string;
  firstName: string;
  nationalNumber: string;
  contractSigned: boolean;
  attestationObtained: boolean;
}

export const DVZ_CSV_HEADER = ["achternaam", "voornaam", "rijksregisternummer", "contract_ondertekend", "attest_behaald"] as const;

/**
 * Escapes one cell: a leading =, +, -, @ (or tab / carriage return, which some spreadsheets
 * strip before evaluating) gets a single quote in front, so the cell is text, never a formula
 * (OWASP "CSV injection"); cells with a comma, quote or line break are quoted.
 */
export function escapeCsvCell(value: string): string {
  const safe = guardFormula(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const yesNo = (b: boolean) => (b ? "ja" : "nee");

/** The whole file: a header line and one line per row, CRLF line ends (RFC 4180), UTF-8. */
export function toDvzCsv(rows: readonly DvzExportRow[]): string {
  const lines = [DVZ_CSV_HEADER.join(",")];
  for (const r of rows) {
    lines.push([r.lastName, r.firstName, r.nationalNumber, yesNo(r.contractSigned), yesNo(r.attestationObtained)].map(escapeCsvCell).join(","));
  }
  return `${lines.join("\r\n")}\r\n`;
}
