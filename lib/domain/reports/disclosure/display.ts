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

/**
 * `agencySubtotals`: a table by office printed with its agency subtotals (Tables 2, 9, 13 of the
 * answer). With a mask they are the ones the mask protects (asked for from the model); without
 * one every subtotal is shown.
 */
export function shownReport(r: ReportResult, mask: TableMask | null, agencySubtotals = false): ShownReport {
  const show = (v: number, hidden: boolean | undefined) => (hidden ? SUPPRESSED : v);
  return {
    inner: r.rows.map((row, i) => r.years.map((y, j) => show(row.values[String(y)]!, mask?.inner[i]?.[j]))),
    rowTotal: r.rows.map((row, i) => show(row.total, mask?.rowTotal[i])),
    colTotal: r.years.map((y, j) => show(r.totals.values[String(y)]!, mask?.colTotal[j])),
    grand: show(r.totals.total, mask?.grand),
    subtotals: (mask ? mask.subtotals : agencySubtotals ? unmaskedSubtotals(r) : []).map((s) => ({
      key: s.key,
      years: s.years.map((h, j) => (h ? SUPPRESSED : subtotal(r, s.key, r.years[j]!))),
      total: s.total ? SUPPRESSED : subtotal(r, s.key, null),
    })),
  };
}

/** The rows a subtotal's key covers: the office's (an office subtotal of Table 1) or its agency's — as tables.ts groups them. */
export function subtotalCovers(key: string, office: string): boolean {
  return office === key || (agencyOfOffice(office) ?? "ONBEKEND") === key;
}

function subtotal(r: ReportResult, agency: string, year: number | null): number {
  const at = r.by.indexOf("office");
  // same grouping as tables.ts (agency of the office)
  return r.rows.filter((row) => subtotalCovers(agency, row.keys[at]!)).reduce((s, row) => s + (year === null ? row.total : row.values[String(year)]!), 0);
}

/** The agencies of a report by office, in the order of their first office: nothing hidden. */
function unmaskedSubtotals(r: ReportResult): TableMask["subtotals"] {
  const at = r.by.indexOf("office");
  if (at < 0) return [];
  const agencies = [...new Set(r.rows.map((row) => agencyOfOffice(row.keys[at]!) ?? "ONBEKEND"))];
  // as tables.ts: a table by office and one more dimension also has its offices' subtotals (agencies of several offices)
  const rest = r.by.length - (r.by.includes("agency") ? 1 : 0) - 1;
  if (rest > 1) return [];
  const officesOf = (a: string) => [...new Set(r.rows.map((row) => row.keys[at]!).filter((o) => (agencyOfOffice(o) ?? "ONBEKEND") === a))];
  const offices = rest === 1 ? agencies.flatMap((a) => (officesOf(a).length > 1 ? officesOf(a) : [])) : [];
  return [...offices, ...agencies].map((key) => ({ key, years: r.years.map(() => false), total: false }));
}
