import "server-only";
// Report views and downloads are audited with their parameters only: reports are aggregates,
// and the parameters (measure, dimensions, years, reference date, agency, knowledge time) hold no personal data.
import type { Actor } from "@/lib/server/auth/actor";
import { recordAudit } from "@/lib/server/audit/audit";
import { db } from "@/lib/server/db";

export interface ReportUse {
  /** report.view for a page, report.export for a CSV/XLSX download */
  action: "report.view" | "report.export";
  /** which page or file: "vraag-2", "antwoord", "csv", "xlsx" */
  what: string;
  publication?: boolean;
}

export async function auditReport(
  actor: Actor,
  use: ReportUse,
  params: { measure?: string; by?: string[]; from: number; to: number; asOf: string; agency: string | null; recordedOn?: string | null },
): Promise<void> {
  await recordAudit(db, actor, {
    action: use.action,
    entityType: "report",
    entityId: use.what,
    agencyCode: params.agency,
    after: { ...params, what: use.what, publication: use.publication ?? false },
  });
}
