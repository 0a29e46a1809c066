import "server-only";
// Writes the audit trail. Always called with the transaction that makes the change, so a change
// and its audit entry are committed together or not at all. The table is append-only (trigger).
// No national number goes in clear: every one in before/after/reason is masked here, the one
// place every entry passes (the import and export, which write with SQL, use the same mask).
import { maskNationalNumbersDeep, maskNationalNumbersInText } from "@/lib/domain/national-number";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/server/auth/actor";
import type { Tx } from "@/lib/server/kit/tx";

export type AuditAction =
  | "newcomer.view"
  | "newcomer.view.denied"
  | "newcomer.create"
  | "newcomer.update"
  | "newcomer.move"
  | "newcomer.reveal"
  | "event.create"
  | "event.correct"
  | "event.cancel"
  | "decision.create"
  | "decision.confirm"
  | "decision.reject"
  | "decision.correct"
  | "payment.update"
  | "dvz.advice.create"
  | "dvz.followup.update"
  | "dvz.export"
  | "exchange.import"
  | "exchange.export"
  | "user.create"
  | "user.update"
  | "report.export"
  | "auth.signin"
  | "auth.signin.failed"
  | "auth.signin.locked"
  | "request.refused"
  | "report.view"
  | "newcomer.reveal.denied"
  | "newcomer.update.denied"
  | "newcomer.move.denied"
  | "event.create.denied"
  | "event.correct.denied"
  | "event.cancel.denied"
  | "decision.create.denied"
  | "decision.confirm.denied"
  | "decision.reject.denied"
  | "payment.update.denied"
  | "dvz.advice.create.denied"
  | "dvz.followup.update.denied"
  | "audit.export"
  | "user.locale"
  | "publication.create"
  | "publication.create.denied"
  | "publication.view"
  | "publication.view.denied"
  | "publication.export"
  | "newcomer.inzage"
  | "newcomer.inzage.denied"
  | "newcomer.merge"
  | "newcomer.merge.denied"
  | "letter.print"
  | "bulk.infringement.open"
  | "bulk.newcomer.move"
  | "worklist.export"
  | "newcomer.list.export"
  | "fine.queue.export"
  | "dvz.advice.list.export"
  | "bulk.dvz.advice"
  | "retention.anonymise"
  | "retention.purge"
  | "retention.hold.set"
  | "retention.hold.remove"
  // refusals of writes (issue 15: also an anonymised dossier's), like the other `.denied`
  | "letter.print.denied"
  | "retention.hold.set.denied";

export interface AuditEntry {
  action: AuditAction;
  entityType: string;
  entityId?: string | null;
  newcomerId?: string | null;
  agencyCode?: string | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
  /** who, when there is no actor yet (sign-in): the typed e-mail, the client address, the user if known */
  subject?: { userId?: string | null; userEmail: string; ip: string | null };
}

const json = (v: unknown) => (v === undefined || v === null ? undefined : maskNationalNumbersDeep(JSON.parse(JSON.stringify(v)) as Prisma.InputJsonValue));
const text = (v: string | null | undefined) => (v == null ? null : maskNationalNumbersInText(v));

export async function recordAudit(tx: Tx, actor: Actor | null, entry: AuditEntry): Promise<void> {
  const before = json(entry.before);
  const after = json(entry.after);
  await tx.auditLog.create({
    data: {
      userId: actor?.userId ?? entry.subject?.userId ?? null,
      userEmail: actor?.email ?? entry.subject?.userEmail ?? null,
      ip: actor?.ip ?? entry.subject?.ip ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: text(entry.entityId),
      newcomerId: entry.newcomerId ?? null,
      agencyCode: entry.agencyCode ?? null,
      reason: text(entry.reason),
      ...(before !== undefined ? { before } : {}),
      ...(after !== undefined ? { after } : {}),
    },
  });
}
