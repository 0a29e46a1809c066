import "server-only";
// The CSV export of the audit log, for the filter the DPO chose: the same rows as the page (all
// pages), labels in Dutch, changes as text, national numbers masked. Audited (audit.export) in
// the same transaction that reads the rows.
import { writeCsv } from "@/lib/domain/lists/csv";
import { formatDateTime } from "@/lib/i18n/format";
import { msg } from "@/lib/i18n/message";
import { assertCan, type Actor } from "@/lib/server/auth/actor";
import { recordAudit } from "@/lib/server/audit/audit";
import { db } from "@/lib/server/db";
import { ValidationError } from "@/lib/server/errors";
import { changesAsText } from "./list-audit-changes";
import { auditFilterParams, auditWhere, toAuditRowView } from "./list-audit";
import { auditQuerySchema } from "./list-audit.schema";

/** One file stays a file a spreadsheet opens; a larger period is exported in parts. */
export const AUDIT_EXPORT_MAX_ROWS = 100_000;

const HEADER = ["tijdstip", "gebruiker", "ip", "actie", "actiecode", "object", "object_id", "dossier_id", "agentschap", "wijzigingen", "reden"];

export async function exportAuditCsv(actor: Actor, input: Record<string, unknown>): Promise<{ csv: string; fileName: string; count: number }> {
  assertCan(actor, "audit.read");
  const parsed = auditQuerySchema.safeParse(input);
  if (!parsed.success) throw new ValidationError(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? "filters"), i.message])));
  const query = parsed.data;
  return db.$transaction(
    async (tx) => {
      const rows = await tx.auditLog.findMany({ where: auditWhere(query), orderBy: { id: "desc" }, take: AUDIT_EXPORT_MAX_ROWS + 1 });
      if (rows.length > AUDIT_EXPORT_MAX_ROWS) {
        throw new ValidationError({ filters: msg("audit.exportTooMany", { max: AUDIT_EXPORT_MAX_ROWS }) });
      }
      const records = rows.map((row) => {
        const r = toAuditRowView(row);
        return [
          formatDateTime(r.at),
          r.userEmail ?? "systeem",
          r.ip ?? "",
          r.actionLabel,
          r.action,
          r.objectLabel,
          r.entityId ?? "",
          r.newcomerId ?? "",
          r.agencyCode ?? "",
          changesAsText(r.changes),
          r.reason ?? "",
        ];
      });
      await recordAudit(tx, actor, {
        action: "audit.export",
        entityType: "audit_log",
        after: { filters: Object.fromEntries(auditFilterParams(query)), count: rows.length },
      });
      const stamp = new Date().toISOString().slice(0, 10);
      return { csv: writeCsv([HEADER, ...records]), fileName: `auditlog-${stamp}.csv`, count: rows.length };
    },
    { timeout: 60_000 },
  );
}
