// The figures now, from a publication's own reports and what changed since its instant (issue 13,
// the diff against now at 10×). A publication keeps the reports it was computed from (as recorded
// on its instant, before disclosure control; publication.reports). The reasons statement of a diff
// (change-reasons.ts) reads every report fact recorded or closed since that instant, pairs each
// record's version then with its version now, and also returns, per cell, the change of value
// (`dv`: what the records add there now minus what they added then). The reports now are the
// stored ones plus those changes: the same cells runReport would give, without running the 19
// reports again. Why this is exact: a report is a sum over the facts valid at the peildatum and
// current at the instant, and the facts current now differ from those current then by exactly the
// changed versions the statement reads (report_fact is never updated in place: a change closes a
// version and records a new one, report_rebuild too). It holds only while the report statements are
// the ones the stored reports came from: `reportRulesFingerprint` is stored beside them, and another
// fingerprint means recompute (lib/server/reports/publications.ts). Tested against runReport in
// tests/integration/change-reasons-oracle.test.ts. Pure.
import { createHash } from "node:crypto";
import { cellKeys, type Dimension } from "../definitions";
import { parseReportParams } from "../report-params.schema";
import { type ReportResult, shapeReport } from "../run-report";
import { buildReportQuery, labelTable } from "../sql";
import type { ReasonRow } from "./change-reasons";
import type { PublicationSpec } from "./figures";

/**
 * What the stored reports depend on besides the facts: the text of every report statement (the
 * SQL of sql.ts for these specs) and the version of the composition below. Parameter values are
 * not part of the text, so the instant does not change it; a changed rule does.
 */
export const COMPOSITION_VERSION = 1;
export function reportRulesFingerprint(specs: PublicationSpec[], asOf: string, agency: string | null): string {
  const texts = specs.map((s) => buildReportQuery(parseReportParams({ measure: s.measure, by: s.by, from: s.from, to: s.to, asOf, agency })).text);
  return createHash("sha256")
    .update(JSON.stringify({ v: COMPOSITION_VERSION, texts }))
    .digest("hex");
}

/** The labels of the code lists the reports join (office, agency, nationality, residence status), as now: dimension → code → label. */
export type CurrentLabels = Partial<Record<Dimension, Map<string, string>>>;

/** The one statement that reads them (the report SQL joins the same tables). */
export const CURRENT_LABELS_SQL = Object.entries(labelTable)
  .map(([d, table]) => `SELECT '${d}' AS d, code, label FROM ${table}`)
  .join(" UNION ALL ");

export function currentLabels(rows: { d: string; code: string; label: string }[]): CurrentLabels {
  const out: CurrentLabels = {};
  for (const r of rows) (out[r.d as Dimension] ??= new Map()).set(r.code, r.label);
  return out;
}

/**
 * Per table of `specs`, its stored report plus the changes of value of the reasons statement's
 * cell rows (gk = 0, gy = 0) for that table; labels as they are now (a renamed nationality reads as
 * the page would show it now). `specs[i]` must be the spec the reasons statement got at index i.
 */
export function reportsNow(specs: PublicationSpec[], stored: ReportResult[], rows: ReasonRow[], labels: CurrentLabels, asOf: string): ReportResult[] {
  const changes = new Map<number, ReasonRow[]>();
  for (const r of rows) if (!r.gk && !r.gy && Number(r.dv) !== 0) (changes.get(r.t) ?? changes.set(r.t, []).get(r.t)!).push(r);
  return specs.map((s, t) => {
    const report = stored[t]!;
    const label = (i: number, code: string) => labels[s.by[i]!]?.get(code) ?? null;
    const cell = (keys: string[], year: number, value: number) => ({
      k1: keys[0]!,
      k2: keys[1],
      l1: label(0, keys[0]!),
      l2: keys[1] === undefined ? undefined : label(1, keys[1]),
      year,
      value,
    });
    const cells = report.rows.flatMap((r) => report.years.map((y) => cell(r.keys, y, r.values[String(y)] ?? 0)));
    for (const c of changes.get(t) ?? []) {
      const keys = cellKeys(c, s.by.length);
      cells.push(cell(keys, Number(c.year), Number(c.dv)));
    }
    return shapeReport(s.measure, s.by, s.from, s.to, asOf, cells);
  });
}
