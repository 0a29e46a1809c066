// A report as shown: numbers, and the one mark for every hidden figure (inner cells, row totals,
// the Totaal line, the grand total, agency subtotals alike). Without a mask (not "voor
// publicatie") every figure is shown as is.
import { agencyOfOffice } from "@/lib/domain/codes";
import type { ReportResult } from "../run-report";
import { SUPPRESSED, type TableMask } from "./protect";

export type ShownValue = string | number;

export interface ShownReport {
  inner: ShownValue[][];
  rowTotal: ShownValue[];
  /** the Totaal line per year */
  colTotal: ShownValue[];
  grand: ShownValue;
  subtotals: { key: string; years: ShownValue[]; total: ShownValue }[];
}

export function shownReport(r: ReportResult, mask: TableMask | null): ShownReport {
  const show = (v: number, hidden: boolean | undefined) => (hidden ? SUPPRESSED : v);
  return {
    inner: r.rows.map((row, i) => r.years.map((y, j) => show(row.values[String(y)]!, mask?.inner[i]?.[j]))),
    rowTotal: r.rows.map((row, i) => show(row.total, mask?.rowTotal[i])),
    colTotal: r.years.map((y, j) => show(r.totals.values[String(y)]!, mask?.colTotal[j])),
    grand: show(r.totals.total, mask?.grand),
    subtotals: (mask?.subtotals ?? []).map((s) => ({
      key: s.key,
      years: s.years.map((h, j) => (h ? SUPPRESSED : subtotal(r, s.key, r.years[j]!))),
      total: s.total ? SUPPRESSED : subtotal(r, s.key, null),
    })),
  };
}

function subtotal(r: ReportResult, agency: string, year: number | null): number {
  const at = r.by.indexOf("office");
  // same grouping as tables.ts (agency of the office)
  return r.rows
    .filter((row) => (agencyOfOffice(row.keys[at]!) ?? "ONBEKEND") === agency)
    .reduce((s, row) => s + (year === null ? row.total : row.values[String(year)]!), 0);
}
