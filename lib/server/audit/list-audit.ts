import "server-only";
// The full audit log, for ADMINs: newest first, filtered by action, user e-mail, newcomer or date.
import { assertCan, type Actor } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/db";
import type { AuditQuery } from "./list-audit.schema";

export const AUDIT_PAGE_SIZE = 50;

export async function listAuditEntries(actor: Actor, query: AuditQuery) {
  assertCan(actor, "audit.read");
  const where = {
    ...(query.action ? { action: { startsWith: query.action } } : {}),
    ...(query.user ? { userEmail: { contains: query.user.toLowerCase() } } : {}),
    ...(query.newcomer ? { newcomerId: query.newcomer } : {}),
    ...(query.from || query.to
      ? { at: { ...(query.from ? { gte: new Date(`${query.from}T00:00:00Z`) } : {}), ...(query.to ? { lt: new Date(new Date(`${query.to}T00:00:00Z`).getTime() + 86_400_000) } : {}) } }
      : {}),
    ...(query.before ? { id: { lt: BigInt(query.before) } } : {}),
  };
  const rows = await db.auditLog.findMany({ where, orderBy: { id: "desc" }, take: AUDIT_PAGE_SIZE + 1 });
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  return {
    entries: page.map((r) => ({ ...r, id: r.id.toString() })),
    nextBefore: rows.length > AUDIT_PAGE_SIZE ? page[page.length - 1]!.id.toString() : null,
  };
}
