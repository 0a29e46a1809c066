import "server-only";
// The figures of a publication, computed with the same code as the pages: runReport for every spec
// over the actor's scope (already decided by the caller), then the disclosure control over all of
// them together (the answer's tables are one publication: they share totals), then shaped as shown.
// Read on the primary: what is published must be what is recorded now, not a lagging replica.
// With `recordedOn` (knowledge time): the figures as the database held them at that instant.
import { hasAgencySubtotals } from "@/lib/domain/reports/answer-tables";
import { publicationMasks } from "@/lib/domain/reports/disclosure/protect";
import type { TableMask } from "@/lib/domain/reports/disclosure/protect";
import { publishedTable, type PublicationSpec, type PublishedTable } from "@/lib/domain/reports/publication/figures";
import { type ReportResult, runReport, type SqlExecutor } from "@/lib/domain/reports/run-report";
import { sqlPool } from "@/lib/server/db";

type FigureParams = { asOf: string; agency: string | null; forPublication: boolean; recordedOn?: string };

export async function computeFigures(
  specs: PublicationSpec[],
  params: FigureParams,
  executor: SqlExecutor = sqlPool(),
  /** when publishing: the tables of earlier publications, kept consistent with (earlier-publications.ts) */
  earlier: { report: ReportResult; mask: TableMask; agencySubtotals?: boolean }[] = [],
  /** the reports already computed with these parameters (computeReports), else computed here */
  computed?: ReportResult[],
): Promise<PublishedTable[]> {
  const reports = computed ?? (await computeReports(specs, params, executor));
  const subtotals = specs.map((s) => hasAgencySubtotals(s.table));
  const masks = await publicationMasks(reports, params.forPublication, params.agency, subtotals, earlier);
  return specs.map((s, i) => publishedTable(s, reports[i]!, masks[i] ?? null, subtotals[i]));
}

/** The reports of a publication, all at once (the answer's 19 in parallel, as the page runs them). */
export function computeReports(specs: PublicationSpec[], params: FigureParams, executor: SqlExecutor = sqlPool()): Promise<ReportResult[]> {
  return Promise.all(
    specs.map((s) =>
      runReport(executor, {
        measure: s.measure,
        by: s.by,
        from: s.from,
        to: s.to,
        asOf: params.asOf,
        agency: params.agency,
        ...(params.recordedOn ? { recordedOn: params.recordedOn } : {}),
      }),
    ),
  );
}
