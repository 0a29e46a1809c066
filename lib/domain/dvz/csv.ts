// The file exchanged with the Immigration Office (DVZ): by law exactly five fields per newcomer
// and nothing else. Written by the one CSV writer (writeCsv: quoting and the formula guard).
import { writeCsv } from "@/lib/domain/lists/csv";
export interface DvzExportRow {
  lastName: string;
  firstName: string;
  nationalNumber: string;
  contractSigned: boolean;
  attestationObtained: boolean;
}

export const DVZ_CSV_HEADER = ["achternaam", "voornaam", "rijksregisternummer", "contract_ondertekend", "attest_behaald"] as const;

const yesNo = (b: boolean) => (b ? "ja" : "nee");

/** The whole file: a header line and one line per row, CRLF line ends (RFC 4180), UTF-8. */
export function toDvzCsv(rows: readonly DvzExportRow[]): string {
  return writeCsv([DVZ_CSV_HEADER, ...rows.map((r) => [r.lastName, r.firstName, r.nationalNumber, yesNo(r.contractSigned), yesNo(r.attestationObtained)])]);
}
