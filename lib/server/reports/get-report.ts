import "server-only";
// The report as a page (or a download) asks for it: the permission and the agency scope come
// from the Actor (reportAgencyScope: a MANAGER of one agency always gets their own agency,
// whatever the URL says), then the one SQL query of runReport runs over the app's database.
import { runReport, type ReportResult, type RunReportInput, type SqlExecutor } from "@/lib/domain/reports/run-report";
import type { Actor } from "@/lib/server/auth/actor";
import { reportAgencyScope } from "@/lib/server/access/scope";
import { sqlPool } from "@/lib/server/db";

/** runReport's executor over the app's pg pool: the query text has numbered parameters only. */
export const appExecutor: SqlExecutor = {
  query: (text, values = []) => sqlPool().query(text, values),
};

export interface ScopedReport extends ReportResult { agency: string | null }

export async function getReport(actor: Actor, input: RunReportInput): Promise<ScopedReport> {
  const agency = reportAgencyScope(actor, input.agency ?? null);
  const report = await runReport(appExecutor, { ...input, agency });
  return { ...report, agency };
}
