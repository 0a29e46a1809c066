import "server-only";
// Payment follow-up of a final fine: OPEN → BETAALD (paid on), HERINNERING (reminder sent on),
// OVERGEDRAGEN (handed to the Flemish tax service on). Only the fine that stands is followed up.
import { todayIso } from "@/lib/i18n/format";
import { newcomerScope } from "@/lib/server/access/scope";
import { lockNewcomerForWrite } from "@/lib/server/dossiers/scoped-newcomer";
import { assertCan, type Actor } from "@/lib/server/auth/actor";
import { recordAudit } from "@/lib/server/audit/audit";
import { db } from "@/lib/server/db";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/server/errors";
import { dateOf, isoOf, isUuid } from "@/lib/domain/kit";
import { paymentSchema } from "./payment.schema";
import { deniedWrite, newcomerOfDecision } from "@/lib/server/access/denied";
import { parseInput } from "@/lib/server/kit/parse-input";
import { effectiveDecision } from "@/lib/domain/fines/decision-state";

export async function updateFinePayment(actor: Actor, decisionId: string, input: unknown, now = new Date()) {
  assertCan(actor, "fine.decide");
  const parsed = parseInput(paymentSchema, input);
  const { paymentStatus, on } = parsed;
  return db
    .$transaction(async (tx) => {
      const fine = isUuid(decisionId)
        ? await tx.infringementDecision.findFirst({
            where: { id: decisionId, outcome: "BOETE", event: { cancelledAt: null, newcomer: newcomerScope(actor) } },
            include: {
              event: {
                select: {
                  newcomerId: true,
                  agencyCode: true,
                  decisions: { where: { status: "FINAL" }, select: { id: true, status: true, decidedOn: true, createdAt: true } },
                },
              },
            },
          })
        : null;
      if (!fine) throw new NotFoundError();
      await lockNewcomerForWrite(tx, actor, fine.event.newcomerId);
      if (fine.status !== "FINAL") throw new ConflictError("fines.paymentOnlyFinal");
      // a final fine that is no longer the dossier's effective decision was corrected
      if (effectiveDecision(fine.event.decisions)?.id !== fine.id) throw new ConflictError("fines.paymentCorrected");
      if (on && on > todayIso(now)) throw new ValidationError({ on: "form.dateFuture" });
      if (on && on < isoOf(fine.decidedOn)) throw new ValidationError({ on: "fines.paymentBeforeDecision" });
      const data = {
        paymentStatus,
        ...(paymentStatus === "BETAALD" ? { paidOn: dateOf(on!) } : {}),
        ...(paymentStatus === "HERINNERING" ? { reminderSentOn: dateOf(on!) } : {}),
        ...(paymentStatus === "OVERGEDRAGEN" ? { handedOverOn: dateOf(on!) } : {}),
      };
      const after = await tx.infringementDecision.update({ where: { id: fine.id }, data });
      const { event, ...before } = fine;
      await recordAudit(tx, actor, {
        action: "payment.update",
        entityType: "infringement_decision",
        entityId: fine.id,
        newcomerId: event.newcomerId,
        agencyCode: event.agencyCode,
        before,
        after,
      });
      return after;
    })
    .catch(
      deniedWrite(actor, "payment.update.denied", { entityType: "infringement_decision", entityId: decisionId, newcomerId: newcomerOfDecision(decisionId) }),
    );
}
