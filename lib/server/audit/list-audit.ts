import "server-only";
// The audit log for the DPO (permission audit.read, ADMINs): newest first, filtered by user,
// dossier, action and period, in pages with the true total; rows with Dutch labels and their
// changes per field (national numbers masked). The CSV export of the same filter is in
// list-audit-export.ts.
import { maskNationalNumber } from "@/lib/domain/national-number";
import type { Prisma } from "@/lib/generated/prisma/client";
import { renderMessage } from "@/lib/i18n/message";
import { newcomerScope } from "@/lib/server/access/scope";
import { assertCan, type Actor } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/db";
import { ValidationError } from "@/lib/server/errors";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locale";
import { describeAuditChanges, type AuditChange } from "./list-audit-changes";
import { AUDIT_ACTION_CODES, auditActionLabel, auditObjectLabel } from "./list-audit-labels";
import { AUDIT_FILTER_KEYS, auditQuerySchema, findDossierSchema, type AuditQuery } from "./list-audit.schema";

export const AUDIT_PAGE_SIZE = 50;

export interface AuditRowView {
  id: string;
  at: Date;
  userEmail: string | null;
  ip: string | null;
  action: string;
  actionLabel: string;
  objectLabel: string;
  entityId: string | null;
  newcomerId: string | null;
  agencyCode: string | null;
  reason: string | null;
  changes: AuditChange[];
}

/** The query of a URL or form; a bad value is dropped with its message (the page shows it). */
export function parseAuditQuery(input: Record<string, unknown>, locale: Locale = DEFAULT_LOCALE): { query: AuditQuery; error: string | null } {
  const parsed = auditQuerySchema.safeParse(input);
  if (parsed.success) return { query: parsed.data, error: null };
  const bad = new Set(parsed.error.issues.map((i) => String(i.path[0])));
  const rest = Object.fromEntries(Object.entries(input).filter(([k]) => !bad.has(k)));
  const retry = auditQuerySchema.safeParse(rest);
  return { query: retry.success ? retry.data : { page: 1 }, error: parsed.error.issues[0] ? renderMessage(parsed.error.issues[0].message, locale) : null };
}

export function auditWhere(q: AuditQuery): Prisma.AuditLogWhereInput {
  return {
    ...(q.user ? { userId: q.user } : {}),
    ...(q.dossier ? { newcomerId: q.dossier } : {}),
    ...(q.action ? { action: q.action } : {}),
    ...(q.from || q.to
      ? {
          at: {
            ...(q.from ? { gte: new Date(`${q.from}T00:00:00Z`) } : {}),
            ...(q.to ? { lt: new Date(new Date(`${q.to}T00:00:00Z`).getTime() + 86_400_000) } : {}),
          },
        }
      : {}),
  };
}

export function toAuditRowView(r: Prisma.AuditLogGetPayload<object>, locale: Locale = DEFAULT_LOCALE): AuditRowView {
  return {
    id: r.id.toString(),
    at: r.at,
    userEmail: r.userEmail,
    ip: r.ip,
    action: r.action,
    actionLabel: auditActionLabel(r.action, locale),
    objectLabel: auditObjectLabel(r.entityType, locale),
    entityId: r.entityId,
    newcomerId: r.newcomerId,
    agencyCode: r.agencyCode,
    reason: r.reason,
    changes: describeAuditChanges(r.before, r.after, locale),
  };
}

/** The filters as search parameters (for links and the export form). */
export function auditFilterParams(q: AuditQuery): [string, string][] {
  return AUDIT_FILTER_KEYS.flatMap((k) => (q[k] ? [[k, String(q[k])] as [string, string]] : []));
}

export async function listAuditEntries(actor: Actor, query: AuditQuery) {
  assertCan(actor, "audit.read");
  const where = auditWhere(query);
  const [total, rows] = await Promise.all([
    db.auditLog.count({ where }),
    db.auditLog.findMany({ where, orderBy: { id: "desc" }, skip: (query.page - 1) * AUDIT_PAGE_SIZE, take: AUDIT_PAGE_SIZE }),
  ]);
  return {
    entries: rows.map((r) => toAuditRowView(r, actor.locale)),
    total,
    page: query.page,
    pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
    pageSize: AUDIT_PAGE_SIZE,
  };
}

/** What the filter controls offer: the users, the actions with their labels, the chosen dossier. */
export async function auditFilterOptions(actor: Actor, query: AuditQuery) {
  assertCan(actor, "audit.read");
  const users = await db.user.findMany({ select: { id: true, name: true, email: true }, orderBy: { email: "asc" } });
  const dossier = query.dossier
    ? await db.newcomer.findFirst({
        where: { AND: [newcomerScope(actor), { id: query.dossier }] },
        select: { id: true, lastName: true, firstName: true, nationalNumber: true },
      })
    : null;
  return {
    users,
    actions: AUDIT_ACTION_CODES.map((code) => ({ code, label: auditActionLabel(code, actor.locale) })).sort((a, b) =>
      a.label.localeCompare(b.label, actor.locale),
    ),
    dossier: dossier
      ? { id: dossier.id, name: `${dossier.lastName} ${dossier.firstName}`, maskedNationalNumber: maskNationalNumber(dossier.nationalNumber) }
      : null,
  };
}

/** The dossier id of a national number typed in the filter (POST, so the number stays out of URLs). */
export async function findAuditDossier(actor: Actor, input: unknown): Promise<string> {
  assertCan(actor, "audit.read");
  const parsed = findDossierSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError({ nationalNumber: parsed.error.issues[0]!.message });
  const n = await db.newcomer.findFirst({ where: { AND: [newcomerScope(actor), { nationalNumber: parsed.data.nationalNumber }] }, select: { id: true } });
  if (!n) throw new ValidationError({ nationalNumber: "audit.dossierNotFound" });
  return n.id;
}
