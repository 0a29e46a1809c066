import "server-only";
// The four-eyes rule: a fine above the threshold is confirmed (→ FINAL) or rejected (with a
// reason) by a second ADMIN, never by the one who decided it.
import { assertCan, type Actor } from "@/lib/server/auth/actor";
import { recordAudit } from "@/lib/server/audit/audit";
import { db } from "@/lib/server/db";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/server/errors";
import { newcomerScope } from "@/lib/server/access/scope";
import { rejectSchema } from "./decision.schema";
import { isUuid } from "@/lib/domain/kit";
import { deniedWrite, newcomerOfDecision } from "@/lib/server/access/denied";
import { parseInput } from "@/lib/server/kit/parse-input";
import { lockNewcomerForWrite } from "@/lib/server/dossiers/scoped-newcomer";

const ALREADY_REVIEWED = "fines.alreadyReviewed";

async function review(actor: Actor, decisionId: string, outcome: "FINAL" | "REJECTED", reason: string | null) {
  assertCan(actor, "fine.decide");
  return db.$transaction(async (tx) => {
    const decision = isUuid(decisionId)
      ? await tx.infringementDecision.findFirst({
          where: { id: decisionId, event: { cancelledAt: null, newcomer: newcomerScope(actor) } },
          include: { event: { select: { newcomerId: true, agencyCode: true } } },
        })
      : null;
    if (!decision) throw new NotFoundError();
    await lockNewcomerForWrite(tx, actor, decision.event.newcomerId);
    if (decision.status !== "AWAITING_CONFIRMATION") throw new ConflictError(ALREADY_REVIEWED);
    if (decision.decidedById === actor.userId) {
      throw new ForbiddenError("fines.ownDecision");
    }
    const changed = await tx.infringementDecision.updateMany({
      where: { id: decision.id, status: "AWAITING_CONFIRMATION" },
      data:
        outcome === "FINAL"
          ? { status: "FINAL", confirmedById: actor.userId, confirmedAt: new Date(), paymentStatus: decision.outcome === "BOETE" ? "OPEN" : null }
          : { status: "REJECTED" },
    });
    if (changed.count !== 1) throw new ConflictError(ALREADY_REVIEWED);
    // a review changes what stands on the dossier: forms opened before it must reload
    await tx.trackEvent.update({ where: { id: decision.eventId }, data: { version: { increment: 1 } } });
    const after = await tx.infringementDecision.findUniqueOrThrow({ where: { id: decision.id } });
    const { event, ...before } = decision;
    await recordAudit(tx, actor, {
      action: outcome === "FINAL" ? "decision.confirm" : "decision.reject",
      entityType: "infringement_decision",
      entityId: decision.id,
      newcomerId: event.newcomerId,
      agencyCode: event.agencyCode,
      before,
      after,
      reason,
    });
    return after;
  });
}

export function confirmDecision(actor: Actor, decisionId: string) {
  return review(actor, decisionId, "FINAL", null).catch(
    deniedWrite(actor, "decision.confirm.denied", { entityType: "infringement_decision", entityId: decisionId, newcomerId: newcomerOfDecision(decisionId) }),
  );
}

export async function rejectDecision(actor: Actor, decisionId: string, input: unknown) {
  assertCan(actor, "fine.decide");
  const parsed = parseInput(rejectSchema, input);
  return review(actor, decisionId, "REJECTED", parsed.reason).catch(
    deniedWrite(actor, "decision.reject.denied", { entityType: "infringement_decision", entityId: decisionId, newcomerId: newcomerOfDecision(decisionId) }),
  );
}
