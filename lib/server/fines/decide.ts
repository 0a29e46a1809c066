import "server-only";
// An ADMIN decides an infringement dossier: BOETE with an amount, GEEN_BOETE or GEEN_GEVOLG.
// A fine above the four-eyes threshold waits for a second admin. A dossier that already has a
// decision is only changed by a correction: a new decision that names the old one and why.
// Two admins deciding at once: the event's version is claimed in the same transaction, so
// exactly one wins and the other gets a ConflictError (never a silent overwrite).
import { decisionDateProblem, initialDecisionStatus } from "@/lib/domain/fines/rules";
import { todayIso } from "@/lib/i18n/format";
import { assertCan, type Actor } from "@/lib/server/auth/actor";
import { recordAudit } from "@/lib/server/audit/audit";
import { db } from "@/lib/server/db";
import { ConflictError, ValidationError } from "@/lib/server/errors";
import { decisionSchema } from "./decision.schema";
import { dateOf, isoOf } from "@/lib/domain/kit";
import { findInfringementInScope, findStandingDecision } from "./load";
import { deniedWrite, newcomerOfEvent } from "@/lib/server/access/denied";
import { parseInput } from "@/lib/server/kit/parse-input";
import { assignStructuredCommunication } from "@/lib/server/letters/structured-communication";

export const DECIDED_MEANWHILE = "fines.decidedMeanwhile";

export async function decideInfringement(actor: Actor, eventId: string, input: unknown, now = new Date()) {
  assertCan(actor, "fine.decide");
  const parsed = parseInput(decisionSchema, input);
  const d = parsed;
  return db
    .$transaction(async (tx) => {
      const event = await findInfringementInScope(tx, actor, eventId);
      if (event.version !== d.version) throw new ConflictError(DECIDED_MEANWHILE);
      const standing = await findStandingDecision(tx, event.id);
      if (standing?.status === "AWAITING_CONFIRMATION") {
        throw new ConflictError("fines.awaitingConfirmation");
      }
      if (standing && !d.correctionReason) throw new ValidationError({ correctionReason: "fines.correctionReasonRequired" });
      const dateProblem = decisionDateProblem(d.decidedOn, {
        receivedOn: isoOf(event.date),
        today: todayIso(now),
        correctsDecidedOn: standing ? isoOf(standing.decidedOn) : null,
      });
      if (dateProblem) throw new ValidationError({ decidedOn: dateProblem });

      // Claim the dossier: a concurrent decider blocks on this row, then finds the version moved.
      const claimed = await tx.trackEvent.updateMany({ where: { id: event.id, version: d.version }, data: { version: { increment: 1 } } });
      if (claimed.count !== 1) throw new ConflictError(DECIDED_MEANWHILE);

      const amountEur = d.outcome === "BOETE" ? d.amountEur : null;
      const status = initialDecisionStatus(d.outcome, amountEur);
      const created = await tx.infringementDecision.create({
        data: {
          eventId: event.id,
          outcome: d.outcome,
          decidedOn: dateOf(d.decidedOn),
          amountEur,
          motivation: d.motivation,
          status,
          decidedById: actor.userId,
          correctsId: standing?.id ?? null,
          correctionReason: standing ? d.correctionReason : null,
          paymentStatus: status === "FINAL" && d.outcome === "BOETE" ? "OPEN" : null,
        },
      });
      // a fine gets its structured communication with it, so the letter can be printed at once
      const decision = d.outcome === "BOETE" ? { ...created, structuredCommunication: await assignStructuredCommunication(tx, created.id) } : created;
      await recordAudit(tx, actor, {
        action: standing ? "decision.correct" : "decision.create",
        entityType: "infringement_decision",
        entityId: decision.id,
        newcomerId: event.newcomerId,
        agencyCode: event.agencyCode,
        before: standing ?? null,
        after: decision,
        reason: standing ? d.correctionReason : null,
      });
      return decision;
    })
    .catch(deniedWrite(actor, "decision.create.denied", { entityType: "track_event", entityId: eventId, newcomerId: newcomerOfEvent(eventId) }));
}
