import "server-only";
// Reading an infringement dossier for a decision: the newcomer, their whole track, the decision
// history of this dossier (with corrections and rejections), and the newcomer's earlier fines —
// the amount rises with each repeat. Every opening is audited (it shows personal data).
import { maskNationalNumber } from "@/lib/domain/national-number";
import { newcomerScope } from "@/lib/server/access/scope";
import { assertCan, type Actor } from "@/lib/server/auth/actor";
import { recordAudit } from "@/lib/server/audit/audit";
import { db } from "@/lib/server/db";
import { lockNewcomerForWrite } from "@/lib/server/dossiers/scoped-newcomer";
import { NotFoundError } from "@/lib/server/errors";
import { isoOf, isUuid } from "@/lib/domain/kit";
import { effectiveDecision, standingDecision } from "@/lib/domain/fines/decision-state";
import { formatStructuredCommunication } from "@/lib/domain/contact/structured-communication";
import { FINE_PAYMENT_TERM_DAYS, formatIban, paymentDueOn } from "@/lib/domain/letters/fine-letter";
import { todayIso } from "@/lib/i18n/format";
import { fineIban } from "@/lib/server/env";
import { addressLines } from "@/lib/server/letters/letters";
import { assignStructuredCommunication } from "@/lib/server/letters/structured-communication";

async function loadEvent(actor: Actor, eventId: string) {
  const event = isUuid(eventId)
    ? await db.trackEvent.findFirst({
        where: { id: eventId, type: "INFRINGEMENT", newcomer: newcomerScope(actor) },
        include: {
          agency: { select: { label: true } },
          office: { select: { label: true } },
          newcomer: {
            select: {
              id: true,
              lastName: true,
              firstName: true,
              nationalNumber: true,
              birthDate: true,
              street: true,
              houseNumber: true,
              boxNumber: true,
              postalCode: true,
              city: true,
              countryCode: true,
            },
          },
          decisions: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
        },
      })
    : null;
  if (!event) throw new NotFoundError("fines.notFound");
  return event;
}

async function userNames(ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((x): x is string => Boolean(x)))];
  const users = wanted.length ? await db.user.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true } }) : [];
  return new Map(users.map((u) => [u.id, u.name]));
}

export async function getInfringementDossier(actor: Actor, eventId: string) {
  assertCan(actor, "fine.read");
  const event = await loadEvent(actor, eventId);
  const [track, earlier, rejections, names] = await Promise.all([
    db.trackEvent.findMany({
      where: { newcomerId: event.newcomerId },
      orderBy: [{ date: "asc" }, { createdAt: "asc" }],
      select: {
        id: true,
        type: true,
        date: true,
        infringementType: true,
        cancelledAt: true,
        contractSigned: true,
        attestationObtained: true,
        dvzFollowUp: true,
      },
    }),
    // earlier fines of the same newcomer: the effective decision of their other, non-cancelled
    // dossiers received before this one, when it is a fine
    db.trackEvent
      .findMany({
        where: { newcomerId: event.newcomerId, type: "INFRINGEMENT", id: { not: event.id }, cancelledAt: null, date: { lte: event.date } },
        select: {
          id: true,
          date: true,
          infringementType: true,
          decisions: { where: { status: "FINAL" }, select: { id: true, status: true, outcome: true, decidedOn: true, createdAt: true, amountEur: true } },
        },
      })
      .then((events) =>
        events
          .flatMap((e) => {
            const d = effectiveDecision(e.decisions);
            return d?.outcome === "BOETE" ? [{ ...d, event: e }] : [];
          })
          .sort((a, b) => a.decidedOn.getTime() - b.decidedOn.getTime()),
      ),
    db.auditLog.findMany({
      where: { action: "decision.reject", entityId: { in: event.decisions.map((d) => d.id) } },
      select: { entityId: true, reason: true, userId: true, at: true },
    }),
    userNames(event.decisions.flatMap((d) => [d.decidedById, d.confirmedById])),
  ]);
  const rejectedBy = await userNames(rejections.map((r) => r.userId));
  await recordAudit(db, actor, {
    action: "newcomer.view",
    entityType: "infringement",
    entityId: event.id,
    newcomerId: event.newcomerId,
    agencyCode: event.agencyCode,
  });

  const standing = standingDecision(event.decisions);
  return {
    eventId: event.id,
    version: event.version,
    receivedOn: isoOf(event.date),
    cancelled: event.cancelledAt !== null,
    infringementType: event.infringementType,
    agency: event.agency.label,
    office: event.office.label,
    newcomer: {
      id: event.newcomer.id,
      name: `${event.newcomer.lastName} ${event.newcomer.firstName}`,
      maskedNationalNumber: maskNationalNumber(event.newcomer.nationalNumber),
      birthDate: isoOf(event.newcomer.birthDate),
    },
    track: track.map((t) => ({ ...t, date: isoOf(t.date), cancelled: t.cancelledAt !== null, cancelledAt: undefined, current: t.id === event.id })),
    decisions: event.decisions.map((d) => {
      const rejection = rejections.find((r) => r.entityId === d.id);
      return {
        id: d.id,
        outcome: d.outcome,
        status: d.status,
        decidedOn: isoOf(d.decidedOn),
        amountEur: d.amountEur,
        motivation: d.motivation,
        decidedBy: d.decidedById ? (names.get(d.decidedById) ?? null) : null,
        decidedByMe: d.decidedById === actor.userId,
        confirmedBy: d.confirmedById ? (names.get(d.confirmedById) ?? null) : null,
        correctsId: d.correctsId,
        correctionReason: d.correctionReason,
        rejection: rejection ? { reason: rejection.reason, by: rejection.userId ? (rejectedBy.get(rejection.userId) ?? null) : null } : null,
        paymentStatus: d.paymentStatus,
        paidOn: d.paidOn ? isoOf(d.paidOn) : null,
        reminderSentOn: d.reminderSentOn ? isoOf(d.reminderSentOn) : null,
        handedOverOn: d.handedOverOn ? isoOf(d.handedOverOn) : null,
        standing: standing?.id === d.id,
      };
    }),
    earlierFines: earlier.map((f) => ({
      decisionId: f.id,
      eventId: f.event.id,
      receivedOn: isoOf(f.event.date),
      infringementType: f.event.infringementType,
      decidedOn: isoOf(f.decidedOn),
      amountEur: f.amountEur,
    })),
  };
}

export type InfringementDossier = Awaited<ReturnType<typeof getInfringementDossier>>;

/** The data of the decision letter: the final decision that stands on the dossier (audited). */
/**
 * The decision letter: address block, the infringement and its date, the decision and its
 * motivation, and for a fine the amount, the account (FINE_PAYMENT_IBAN), the fine's structured
 * communication (assigned on first showing when the fine has none yet), the term, the appeal
 * paragraph and the signatory (the admin who decided). Showing it is audited.
 */
export async function getDecisionLetter(actor: Actor, eventId: string) {
  assertCan(actor, "fine.read");
  const event = await loadEvent(actor, eventId);
  if (event.cancelledAt) throw new NotFoundError("fines.cancelled");
  const decision = effectiveDecision(event.decisions);
  if (!decision) throw new NotFoundError("fines.noFinalDecision");
  const structuredCommunication = await db.$transaction(async (tx) => {
    // the letter may assign the fine's communication (a write): none for an anonymised dossier (issue 15)
    await lockNewcomerForWrite(tx, actor, event.newcomerId);
    await recordAudit(tx, actor, {
      action: "newcomer.view",
      entityType: "decision_letter",
      entityId: decision.id,
      newcomerId: event.newcomerId,
      agencyCode: event.agencyCode,
    });
    return decision.outcome === "BOETE" ? assignStructuredCommunication(tx, decision.id) : null;
  });
  const names = await userNames([decision.decidedById]);
  const n = event.newcomer;
  const letterDate = todayIso();
  return {
    eventId: event.id,
    agency: event.agency.label,
    office: event.office.label,
    receivedOn: isoOf(event.date),
    infringementType: event.infringementType,
    letterDate,
    newcomer: {
      name: `${n.firstName} ${n.lastName}`,
      nationalNumber: maskNationalNumber(n.nationalNumber),
      address: addressLines(n),
    },
    decision: {
      id: decision.id,
      outcome: decision.outcome,
      decidedOn: isoOf(decision.decidedOn),
      amountEur: decision.amountEur,
      motivation: decision.motivation,
      isCorrection: decision.correctsId !== null,
      signatory: (decision.decidedById && names.get(decision.decidedById)) || null,
    },
    payment:
      decision.outcome === "BOETE" && structuredCommunication
        ? {
            iban: formatIban(fineIban()),
            structuredCommunication: formatStructuredCommunication(structuredCommunication),
            termDays: FINE_PAYMENT_TERM_DAYS,
            dueOn: paymentDueOn(letterDate),
          }
        : null,
  };
}
