import "server-only";
// The work queue of the fines area: undecided infringement dossiers of all agencies, oldest
// first; decisions waiting for a second admin; final fines whose payment reminder is due.
import type { Prisma } from "@/lib/generated/prisma/client";
import { isReminderDue, reminderDueOn } from "@/lib/domain/fines/rules";
import { effectiveDecision, STANDING_STATUSES } from "@/lib/domain/fines/decision-state";
import { maskNationalNumber } from "@/lib/domain/national-number";
import { todayIso } from "@/lib/i18n/format";
import { newcomerScope } from "@/lib/server/access/scope";
import { assertCan, type Actor } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/db";
import { dateOf, isoOf } from "@/lib/domain/kit";
import type { QueueQuery } from "./queue.schema";

export const FINE_QUEUE_PAGE_SIZE = 25;

const newcomerSelect = { id: true, lastName: true, firstName: true, nationalNumber: true } as const;
const DAY_MS = 86_400_000;

function person(n: { id: string; lastName: string; firstName: string; nationalNumber: string }) {
  return { id: n.id, name: `${n.lastName} ${n.firstName}`, maskedNationalNumber: maskNationalNumber(n.nationalNumber) };
}

export async function listUndecidedInfringements(actor: Actor, query: QueueQuery, now = new Date()) {
  assertCan(actor, "fine.read");
  const today = dateOf(todayIso(now));
  const where: Prisma.TrackEventWhereInput = {
    type: "INFRINGEMENT",
    cancelledAt: null,
    newcomer: newcomerScope(actor),
    decisions: { none: { status: { in: [...STANDING_STATUSES] } } },
    ...(query.agency ? { agencyCode: query.agency } : {}),
    ...(query.type ? { infringementType: query.type } : {}),
    ...(query.minAgeDays !== undefined ? { date: { lte: new Date(today.getTime() - query.minAgeDays * DAY_MS) } } : {}),
  };
  const [total, rows] = await Promise.all([
    db.trackEvent.count({ where }),
    db.trackEvent.findMany({
      where,
      orderBy: [{ date: "asc" }, { createdAt: "asc" }, { id: "asc" }],
      skip: (query.page - 1) * FINE_QUEUE_PAGE_SIZE,
      take: FINE_QUEUE_PAGE_SIZE,
      select: {
        id: true,
        date: true,
        infringementType: true,
        agency: { select: { label: true } },
        office: { select: { label: true } },
        newcomer: { select: newcomerSelect },
      },
    }),
  ]);
  return {
    total,
    page: query.page,
    pages: Math.max(1, Math.ceil(total / FINE_QUEUE_PAGE_SIZE)),
    items: rows.map((r) => ({
      eventId: r.id,
      receivedOn: isoOf(r.date),
      ageDays: Math.floor((today.getTime() - r.date.getTime()) / DAY_MS),
      infringementType: r.infringementType,
      agency: r.agency.label,
      office: r.office.label,
      newcomer: person(r.newcomer),
    })),
  };
}

export async function listAwaitingConfirmation(actor: Actor) {
  assertCan(actor, "fine.read");
  const rows = await db.infringementDecision.findMany({
    where: { status: "AWAITING_CONFIRMATION", event: { cancelledAt: null, newcomer: newcomerScope(actor) } },
    orderBy: [{ createdAt: "asc" }],
    take: 100,
    select: { id: true, amountEur: true, decidedOn: true, decidedById: true, event: { select: { id: true, newcomer: { select: newcomerSelect } } } },
  });
  return rows.map((r) => ({
    decisionId: r.id,
    eventId: r.event.id,
    amountEur: r.amountEur,
    decidedOn: isoOf(r.decidedOn),
    decidedByMe: r.decidedById === actor.userId,
    newcomer: person(r.event.newcomer),
  }));
}

/** Final fines still OPEN one month after their decision that are still the dossier's effective decision. */
export async function listRemindersDue(actor: Actor, now = new Date()) {
  assertCan(actor, "fine.read");
  const today = todayIso(now);
  // a month is at least 28 days: narrow in SQL, then apply the exact calendar rule
  const rows = await db.infringementDecision.findMany({
    where: {
      status: "FINAL",
      outcome: "BOETE",
      paymentStatus: "OPEN",
      decidedOn: { lte: new Date(dateOf(today).getTime() - 28 * DAY_MS) },
      event: { cancelledAt: null, newcomer: newcomerScope(actor) },
    },
    orderBy: [{ decidedOn: "asc" }],
    take: 500,
    select: {
      id: true,
      amountEur: true,
      decidedOn: true,
      paymentStatus: true,
      event: {
        select: {
          id: true,
          newcomer: { select: newcomerSelect },
          decisions: { where: { status: "FINAL" }, select: { id: true, status: true, decidedOn: true, createdAt: true } },
        },
      },
    },
  });
  return rows
    .filter((r) => effectiveDecision(r.event.decisions)?.id === r.id)
    .filter((r) => isReminderDue({ decidedOn: isoOf(r.decidedOn), paymentStatus: r.paymentStatus }, today))
    .map((r) => ({
      decisionId: r.id,
      eventId: r.event.id,
      amountEur: r.amountEur,
      decidedOn: isoOf(r.decidedOn),
      dueOn: reminderDueOn(isoOf(r.decidedOn)),
      newcomer: person(r.event.newcomer),
    }));
}

export function listAgencies() {
  return db.agency.findMany({ select: { code: true, label: true }, orderBy: { label: "asc" } });
}
