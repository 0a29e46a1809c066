import "server-only";
// The report as a page (or a download) asks for it: the permission and the agency scope come
// from the Actor (reportAgencyScope: a MANAGER of one agency always gets their own agency,
// whatever the URL says), then the one SQL query of runReport runs over the app's database.
import { runReport, type ReportResult, type RunReportInput, type SqlExecutor } from "@/lib/domain/reports/run-report";
import type { Actor } from "@/lib/server/auth/actor";
import { reportAgencyScope } from "@/lib/server/access/scope";
import { sqlPool } from "@/lib/server/db";
import { auditReport, type ReportUse } from "./audit-report";

/** runReport's executor over the app's pg pool: the query text has numbered parameters only. */
export const appExecutor: SqlExecutor = {
  query: (text, values = []) => sqlPool().query(text, values),
};

export interface ScopedReport extends ReportResult { agency: string | null }

/** `use` says what the report is for (audited as report.view / report.export); a page view by default. */
export async function getReport(actor: Actor, input: RunReportInput, use: ReportUse = { action: "report.view", what: "rapport" }): Promise<ScopedReport> {
  const agency = reportAgencyScope(actor, input.agency ?? null);
  const report = await runReport(appExecutor, { ...input, agency });
  await auditReport(actor, use, { measure: report.measure, by: report.by, from: input.from, to: input.to, asOf: input.asOf, agency });
  return { ...report, agency };
}
