import "server-only";
import { firstOf } from "@/lib/domain/lists/first-of";
// The work queue of the fines area: undecided infringement dossiers of all agencies, oldest
// first; decisions waiting for a second admin; final fines whose payment reminder is due.
import type { Prisma } from "@/lib/generated/prisma/client";
import { STANDING_STATUSES } from "@/lib/domain/fines/decision-state";
import { listWorklist, type WorklistQuery } from "@/lib/server/worklists/worklists";
import { maskNationalNumber } from "@/lib/domain/national-number";
import { todayIso } from "@/lib/i18n/format";
import { newcomerScope } from "@/lib/server/access/scope";
import { assertCan, type Actor } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/db";
import type { Tx } from "@/lib/server/kit/tx";
import { dateOf, isoOf } from "@/lib/domain/kit";
import type { QueueQuery } from "./queue.schema";

export const FINE_QUEUE_PAGE_SIZE = 25;

const newcomerSelect = { id: true, lastName: true, firstName: true, nationalNumber: true } as const;
const DAY_MS = 86_400_000;

function person(n: { id: string; lastName: string; firstName: string; nationalNumber: string }) {
  return { id: n.id, name: `${n.lastName} ${n.firstName}`, maskedNationalNumber: maskNationalNumber(n.nationalNumber) };
}

/** The queue's filter: undecided infringement dossiers within the actor's scope, with the query's filters. */
function undecidedWhere(actor: Actor, query: QueueQuery, today: Date): Prisma.TrackEventWhereInput {
  return {
    type: "INFRINGEMENT",
    cancelledAt: null,
    newcomer: newcomerScope(actor),
    decisions: { none: { status: { in: [...STANDING_STATUSES] } } },
    ...(query.agency ? { agencyCode: query.agency } : {}),
    ...(query.type ? { infringementType: query.type } : {}),
    ...(query.minAgeDays !== undefined ? { date: { lte: new Date(today.getTime() - query.minAgeDays * DAY_MS) } } : {}),
  };
}

const queueOrder: Prisma.TrackEventOrderByWithRelationInput[] = [{ date: "asc" }, { createdAt: "asc" }, { id: "asc" }];
const queueSelect = {
  id: true,
  date: true,
  infringementType: true,
  agency: { select: { label: true } },
  office: { select: { label: true } },
  newcomer: { select: newcomerSelect },
} as const satisfies Prisma.TrackEventSelect;

function queueItem(today: Date) {
  return (r: Prisma.TrackEventGetPayload<{ select: typeof queueSelect }>) => ({
    eventId: r.id,
    receivedOn: isoOf(r.date),
    ageDays: Math.floor((today.getTime() - r.date.getTime()) / DAY_MS),
    infringementType: r.infringementType,
    agency: r.agency.label,
    office: r.office.label,
    newcomer: person(r.newcomer),
  });
}

export async function listUndecidedInfringements(actor: Actor, query: QueueQuery, now = new Date()) {
  assertCan(actor, "fine.read");
  const today = dateOf(todayIso(now));
  const where = undecidedWhere(actor, query, today);
  const [total, rows] = await Promise.all([
    db.trackEvent.count({ where }),
    db.trackEvent.findMany({ where, orderBy: queueOrder, skip: (query.page - 1) * FINE_QUEUE_PAGE_SIZE, take: FINE_QUEUE_PAGE_SIZE, select: queueSelect }),
  ]);
  return {
    total,
    page: query.page,
    pages: Math.max(1, Math.ceil(total / FINE_QUEUE_PAGE_SIZE)),
    items: rows.map(queueItem(today)),
  };
}

/** Every dossier of the queue in its order, up to `limit` (the export, lib/server/lists), in the caller's transaction. */
export async function allUndecidedInfringements(tx: Tx, actor: Actor, query: QueueQuery, limit: number, now = new Date()) {
  assertCan(actor, "fine.read");
  const today = dateOf(todayIso(now));
  const rows = await tx.trackEvent.findMany({ where: undecidedWhere(actor, query, today), orderBy: queueOrder, take: limit, select: queueSelect });
  return rows.map(queueItem(today));
}

/** Shown in full up to this many (more are said, not cut off silently: lib/domain/lists/first-of.ts). */
export const AWAITING_CONFIRMATION_LIMIT = 100;

export async function listAwaitingConfirmation(actor: Actor) {
  assertCan(actor, "fine.read");
  const rows = await db.infringementDecision.findMany({
    where: { status: "AWAITING_CONFIRMATION", event: { cancelledAt: null, newcomer: newcomerScope(actor) } },
    orderBy: [{ createdAt: "asc" }],
    take: AWAITING_CONFIRMATION_LIMIT + 1,
    select: { id: true, amountEur: true, decidedOn: true, decidedById: true, event: { select: { id: true, newcomer: { select: newcomerSelect } } } },
  });
  const { items, more } = firstOf(rows, AWAITING_CONFIRMATION_LIMIT);
  return {
    more,
    items: items.map((r) => ({
      decisionId: r.id,
      eventId: r.event.id,
      amountEur: r.amountEur,
      decidedOn: isoOf(r.decidedOn),
      decidedByMe: r.decidedById === actor.userId,
      newcomer: person(r.event.newcomer),
    })),
  };
}

/**
 * Final fines still OPEN one month after their decision that are still the dossier's effective
 * decision: one page of the "herinneringen" worklist (lib/server/worklists), with its true count —
 * no longer the first 500 filtered in memory.
 */
export async function listRemindersDue(actor: Actor, now = new Date(), query: Partial<WorklistQuery> = {}) {
  assertCan(actor, "fine.read");
  const list = await listWorklist(actor, "herinneringen", { page: 1, sort: "sinds", desc: false, office: null, exact: false, ...query }, now);
  return {
    total: list.total,
    totalCapped: list.totalCapped,
    items: list.rows.map((r) => ({
      decisionId: r.decisionId!,
      eventId: r.eventId!,
      amountEur: r.amountEur,
      decidedOn: r.since,
      dueOn: r.dueOn!,
      newcomer: { id: r.newcomerId, name: r.name, maskedNationalNumber: r.maskedNationalNumber },
    })),
  };
}

export function listAgencies() {
  return db.agency.findMany({ select: { code: true, label: true }, orderBy: { label: "asc" } });
}
