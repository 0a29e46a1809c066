// A report as CSV (semicolon-separated, as Excel in nl-BE expects; numbers without thousands
// separators so they stay numbers): the dimension columns, one column per year, the total.
import { dimensionLabels } from "./definitions";
import type { ReportResult } from "./run-report";

const cell = (v: string | number) => {
  const s = String(v);
  return /[";\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

/**
 * `display` turns a value into its shown form (the mark of a publication); row −1 is the Totaal
 * line, the last column the row total; default: the number.
 */
export function reportToCsv(r: ReportResult, display: (value: number, row: number, col: number) => string | number = (v) => v): string {
  const header = [...r.by.map((d) => dimensionLabels[d]), ...r.years.map(String), "totaal"];
  const lines = [header.map(cell).join(";")];
  r.rows.forEach((row, i) => {
    const vals = [...r.years.map((y) => row.values[String(y)]!), row.total];
    lines.push([...row.labels, ...vals.map((v, j) => display(v, i, j))].map(cell).join(";"));
  });
  const tot = [...r.years.map((y) => r.totals.values[String(y)]!), r.totals.total];
  lines.push([...r.by.map((_, i) => (i === 0 ? "Totaal" : "")), ...tot.map((v, j) => display(v, -1, j))].map(cell).join(";"));
  return `${lines.join("\r\n")}\r\n`;
}
