// A report's figures as they are shown — numbers, or the one mark of a hidden cell — in the shape
// every writer uses: the page's table, the CSV and the workbook. Pure.
import { shownReport } from "./disclosure/display";
import type { TableMask } from "./disclosure/protect";
import type { ReportResult } from "./run-report";

/** The body of a report as shown: per row the year cells and the row total, numbers or the mark. */
export function displayGrid(r: ReportResult, mask: TableMask | null): (string | number)[][] {
  const s = shownReport(r, mask);
  return s.inner.map((row, i) => [...row, s.rowTotal[i]!]);
}

/** The Totaal line as shown: per year, then the grand total. */
export function displayTotalLine(r: ReportResult, mask: TableMask | null): (string | number)[] {
  const s = shownReport(r, mask);
  return [...s.colTotal, s.grand];
}
