import "server-only";
// The report as a page (or a download) asks for it: the permission and the agency scope come
// from the Actor (reportAgencyScope: a MANAGER of one agency always gets their own agency,
// whatever the URL says), then the one SQL query of runReport runs over the read replica when one
// is configured and fresh, else the app's database (report-source.ts); the audit stays on the primary.
import { runReport, type ReportResult, type RunReportInput } from "@/lib/domain/reports/run-report";
import type { Actor } from "@/lib/server/auth/actor";
import { reportAgencyScope } from "@/lib/server/access/scope";
import { assertCan } from "@/lib/server/auth/actor";
import type { ReportFreshness } from "@/lib/domain/reports/replica-freshness";
import { auditReport, type ReportUse } from "./audit-report";
import { openReportReader } from "./report-source";

/** `freshness`: where the figures were read (replica up to a moment, or the primary and why); null without a replica */
export interface ScopedReport extends ReportResult {
  agency: string | null;
  freshness: ReportFreshness | null;
}

/** `use` says what the report is for (audited as report.view / report.export); a page view by default. */
export async function getReport(actor: Actor, input: RunReportInput, use: ReportUse = { action: "report.view", what: "rapport" }): Promise<ScopedReport> {
  const agency = reportAgencyScope(actor, input.agency ?? null);
  if (input.recordedOn) assertCan(actor, "report.knowledgeTime");
  const reader = await openReportReader();
  const report = await runReport(reader.executor, { ...input, agency });
  await auditReport(actor, use, {
    measure: report.measure,
    by: report.by,
    from: input.from,
    to: input.to,
    asOf: input.asOf,
    agency,
    recordedOn: report.recordedOn ?? null,
  });
  return { ...report, agency, freshness: reader.freshness() };
}
