// A publication's figures (issue 13) as stored in publication.figures: per table the report as it
// was shown — numbers, and the one mark for every hidden figure — with the spec that computed it.
// Pure: the server computes the reports and masks (lib/server/reports/publish.ts), this shapes,
// hashes and compares them.
import { createHash } from "node:crypto";
import type { Dimension, Measure } from "../definitions";
import { shownReport, type ShownValue } from "../disclosure/display";
import type { TableMask } from "../disclosure/protect";
import { SUPPRESSED } from "../disclosure/protect";
import type { ReportResult } from "../run-report";

/** One report of a publication: measure, dimensions, years; `table`: its number in the answer (Tables 1–18). */
export interface PublicationSpec {
  measure: Measure;
  by: Dimension[];
  from: number;
  to: number;
  table?: number;
}

export interface PublishedRow {
  keys: string[];
  /** as recorded (Dutch), like the report's labels */
  labels: string[];
  /** per year, in `years` order */
  values: ShownValue[];
  total: ShownValue;
}

export interface PublishedTable {
  spec: PublicationSpec;
  years: number[];
  rows: PublishedRow[];
  totals: { values: ShownValue[]; total: ShownValue };
  /** agency subtotals of a table by office, when disclosure control kept them */
  subtotals: { key: string; years: ShownValue[]; total: ShownValue }[];
}

/** The table as shown: the mask's figures become the mark. */
export function publishedTable(spec: PublicationSpec, report: ReportResult, mask: TableMask | null, agencySubtotals = false): PublishedTable {
  const s = shownReport(report, mask, agencySubtotals);
  return {
    spec,
    years: report.years,
    rows: report.rows.map((row, i) => ({ keys: row.keys, labels: row.labels, values: s.inner[i]!, total: s.rowTotal[i]! })),
    totals: { values: s.colTotal, total: s.grand },
    subtotals: s.subtotals,
  };
}

/**
 * A stored table back as a report and a mask, for the pages' ReportTable: a hidden figure is a 0
 * under a hidden mask bit, so it reads the mark and nothing else.
 */
export function tableAsReport(t: PublishedTable, asOf: string): { report: ReportResult; mask: TableMask; subtotals: PublishedTable["subtotals"] } {
  const num = (v: ShownValue) => (typeof v === "number" ? v : 0);
  const byYear = (vs: ShownValue[]) => Object.fromEntries(t.years.map((y, j) => [String(y), num(vs[j]!)]));
  return {
    report: {
      measure: t.spec.measure,
      by: t.spec.by,
      years: t.years,
      asOf,
      rows: t.rows.map((r) => ({ keys: r.keys, labels: r.labels, values: byYear(r.values), total: num(r.total) })),
      totals: { values: byYear(t.totals.values), total: num(t.totals.total) },
    },
    mask: {
      inner: t.rows.map((r) => r.values.map((v) => v === SUPPRESSED)),
      rowTotal: t.rows.map((r) => r.total === SUPPRESSED),
      colTotal: t.totals.values.map((v) => v === SUPPRESSED),
      grand: t.totals.total === SUPPRESSED,
      subtotals: [],
    },
    // as stored: recomputing them from the rows would count a hidden office as 0
    subtotals: t.subtotals ?? [],
  };
}

/** JSON with object keys sorted at every level: the same content always gives the same text. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(",")}]`;
  if (v && typeof v === "object")
    return `{${Object.keys(v)
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((v as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  return JSON.stringify(v ?? null);
}

/** What the hash covers besides the figures: everything that says how they were computed. */
export interface PublicationParams {
  tables: PublicationSpec[];
  from: number;
  to: number;
  asOf: string;
  agency: string | null;
  forPublication: boolean;
}

/** The texts printed with the figures: a different question or introduction is a different publication. */
export interface PublicationTexts {
  title: string;
  questionNumber: number;
  questionDate: string | null;
  questionMember: string | null;
  questionText: string | null;
  introduction: string | null;
}

/**
 * sha-256 (hex) of the canonical JSON of the parameters, the figures and the texts printed with
 * them, so the hash stands for everything the reader was given. Without `texts` (publications
 * hashed before the texts were covered): the parameters and the figures only, as then.
 */
export function contentHash(params: PublicationParams, figures: PublishedTable[], texts?: PublicationTexts): string {
  return createHash("sha256").update(canonicalJson({ params, figures, texts })).digest("hex");
}
