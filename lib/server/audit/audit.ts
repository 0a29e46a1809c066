import "server-only";
// Writes the audit trail. Always called with the transaction that makes the change, so a change
// and its audit entry are committed together or not at all. The table is append-only (trigger).
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/db";

export type AuditAction =
  | "newcomer.view" | "newcomer.view.denied" | "newcomer.create" | "newcomer.update" | "newcomer.move" | "newcomer.reveal"
  | "event.create" | "event.correct" | "event.cancel"
  | "decision.create" | "decision.confirm" | "decision.reject" | "decision.correct" | "payment.update"
  | "dvz.advice.create" | "dvz.followup.update" | "dvz.export"
  | "exchange.import" | "exchange.export"
  | "user.create" | "user.update"
  | "report.export"
  | "audit.export";

export interface AuditEntry {
  action: AuditAction;
  entityType: string;
  entityId?: string | null;
  newcomerId?: string | null;
  agencyCode?: string | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

type Tx = Prisma.TransactionClient | typeof db;

const json = (v: unknown) => (v === undefined || v === null ? undefined : (JSON.parse(JSON.stringify(v)) as Prisma.InputJsonValue));

export async function recordAudit(tx: Tx, actor: Actor | null, entry: AuditEntry): Promise<void> {
  const before = json(entry.before);
  const after = json(entry.after);
  await tx.auditLog.create({
    data: {
      userId: actor?.userId ?? null,
      userEmail: actor?.email ?? null,
      ip: actor?.ip ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      newcomerId: entry.newcomerId ?? null,
      agencyCode: entry.agencyCode ?? null,
      reason: entry.reason ?? null,
      ...(before !== undefined ? { before } : {}),
      ...(after !== undefined ? { after } : {}),
    },
  });
}
