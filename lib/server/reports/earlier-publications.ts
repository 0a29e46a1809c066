import "server-only";
// Consistency across publications (issue 13): what earlier publications already made public, for
// the disclosure control of a new one. Every earlier publication "voor publicatie" of the same
// scope that covers any of the same years, its tables of the same measures (only those share
// figures with the new tables), as recorded on its instant (the true figures it published,
// knowledge time: the reports stored with it while the report statements are the same, else
// recomputed) with the mask it was published with. protect.ts then keeps what they
// hid hidden unless its value changed, and treats what they showed as public — their agency
// subtotals included (Tables 1, 2, 9, 13 print them: figures made public or hidden like the rest).
// A publication without disclosure control is not considered: it was not meant for publication.
// One whose recomputation no longer gives its stored figures (a rule changed since; its page's
// check names the cells) cannot be lined up cell by cell and is left out. A publication's check
// recomputes it with the publications taken before it: the same context, so the same mask.
import { canonicalJson, publishedTable, tableAsReport, type PublicationSpec, type PublishedTable } from "@/lib/domain/reports/publication/figures";
import { reportRulesFingerprint } from "@/lib/domain/reports/publication/now-from-changes";
import type { ShownValue } from "@/lib/domain/reports/disclosure/display";
import { SUPPRESSED, type TableMask } from "@/lib/domain/reports/disclosure/protect";
import { isoOf } from "@/lib/domain/kit";
import type { Measure } from "@/lib/domain/reports/definitions";
import { type ReportResult, runReport, type SqlExecutor } from "@/lib/domain/reports/run-report";
import { db, sqlPool } from "@/lib/server/db";

/** Measures whose figures can be the same figure or related (fines are infringements decided BOETE; euro = amount × fines). */
const family = (m: Measure) => (m === "fines" || m === "infringements" || m === "fine_amount_eur" ? "infringements" : m);

export async function earlierTables(
  specs: PublicationSpec[],
  /** `before`: publications taken before this instant (a publication's own check: before its instant, as when it was made) */
  params: { from: number; to: number; agency: string | null; before: Date },
  executor: SqlExecutor = sqlPool(),
  /**
   * the new publication's own reports (same scope; as recorded on `recordedOn`, or now when it is
   * null): an earlier publication after whose instant no fact was recorded or closed gives exactly
   * these for the same table and peildatum, so they are taken instead of recomputing it
   */
  reuse?: { reports: ReportResult[]; recordedOn: string | null },
): Promise<{ report: ReportResult; mask: TableMask; agencySubtotals: boolean }[]> {
  const families = new Set(specs.map((s) => family(s.measure)));
  const rows = await db.publication.findMany({
    where: { forPublication: true, agencyCode: params.agency, yearFrom: { lte: params.to }, yearTo: { gte: params.from }, takenAt: { lt: params.before } },
    select: { tables: true, figures: true, asOf: true, takenAt: true, reports: true, reportsRules: true },
    orderBy: { takenAt: "asc" },
  });
  const last = reuse && rows.length ? await lastRecorded(executor) : null;
  // the publications of one question mostly hold the same tables: each fingerprint computed once
  const fingerprints = new Map<string, string>();
  const fingerprint = (tables: PublicationSpec[], asOf: string) => {
    const key = canonicalJson([tables, asOf]);
    return fingerprints.get(key) ?? fingerprints.set(key, reportRulesFingerprint(tables, asOf, params.agency)).get(key)!;
  };
  const own = new Map((reuse?.reports ?? []).map((r) => [reportId(r), r]));
  const out = await Promise.all(
    rows.map(async (row) => {
      const figures = row.figures as unknown as PublishedTable[];
      const asOf = isoOf(row.asOf);
      const wanted = figures.flatMap((t, i) => (families.has(family(t.spec.measure)) ? [{ t, i }] : []));
      // its own reports as recorded on its instant, stored with it, while the report statements are
      // the same (now-from-changes.ts: the fingerprint); else recomputed as recorded on its instant
      const stored = row.reports as unknown as ReportResult[] | null;
      const storedValid = stored?.length === figures.length && row.reportsRules === fingerprint(row.tables as unknown as PublicationSpec[], asOf);
      // nothing recorded after its instant (up to the new one): as recorded then = as recorded now
      const unchangedSince = last !== null && last <= row.takenAt.getTime() && (reuse!.recordedOn === null || row.takenAt <= new Date(reuse!.recordedOn));
      const reports = await Promise.all(
        wanted.map(
          ({ t, i }) =>
            (storedValid && { ...stored[i]!, recordedOn: row.takenAt.toISOString() }) ||
            (unchangedSince && own.get(reportId({ ...t.spec, asOf }))) ||
            runReport(executor, { ...t.spec, asOf, agency: params.agency, recordedOn: row.takenAt.toISOString() }),
        ),
      );
      const wantedTables = wanted.map(({ t }) => t);
      // lined up cell by cell only when recomputing gives exactly what was published (its agency
      // subtotals too: they are figures it made public or hid like any other)
      const masks = wantedTables.map((t) => storedMask(t, asOf));
      const same = wantedTables.every((t, i) => canonicalJson(publishedTable(t.spec, reports[i]!, masks[i]!)) === canonicalJson(withSubtotals(t)));
      return same ? reports.map((report, i) => ({ report, mask: masks[i]!, agencySubtotals: masks[i]!.subtotals.length > 0 })) : [];
    }),
  );
  return out.flat();
}

/** A stored table's mask, its agency subtotals included (by key, as stored). */
function storedMask(t: PublishedTable, asOf: string): TableMask {
  const hidden = (v: ShownValue) => v === SUPPRESSED;
  return {
    ...tableAsReport(t, asOf).mask,
    subtotals: withSubtotals(t).subtotals.map((s) => ({ key: s.key, years: s.years.map(hidden), total: hidden(s.total) })),
  };
}

/** Publications stored before the subtotals were have none. */
const withSubtotals = (t: PublishedTable): PublishedTable => ({ ...t, subtotals: t.subtotals ?? [] });

const reportId = (r: { measure: string; by: readonly string[]; from?: number; to?: number; years?: number[]; asOf: string }) =>
  JSON.stringify([r.measure, r.by, r.from ?? r.years?.[0], r.to ?? r.years?.at(-1), r.asOf]);

/**
 * The last instant a report fact was recorded or closed (ms; 0: none), per event type through the
 * knowledge-history indexes (type first): 14 index probes, not a scan.
 */
async function lastRecorded(executor: SqlExecutor): Promise<number> {
  const { rows } = await executor.query(
    `SELECT greatest(
       (SELECT max(m) FROM unnest(enum_range(NULL::"EventType")) t,
          LATERAL (SELECT max(recorded_from) AS m FROM report_fact WHERE type = t AND recorded_to IS NULL) x),
       (SELECT max(m) FROM unnest(enum_range(NULL::"EventType")) t,
          LATERAL (SELECT max(recorded_to) AS m FROM report_fact WHERE type = t AND recorded_to IS NOT NULL) x)) AS last`,
  );
  const last = rows[0]?.last as Date | null;
  return last ? last.getTime() : 0;
}
