import "server-only";
// Shared reads of the fines area: the infringement dossier within the actor's scope, and the
// decision that currently stands on it (the latest one that was not rejected).
import { newcomerScope } from "@/lib/server/access/scope";
import type { Actor } from "@/lib/server/auth/actor";
import { NotFoundError } from "@/lib/server/errors";
import { isUuid } from "@/lib/domain/kit";
import type { Tx } from "@/lib/server/kit/tx";


export async function findInfringementInScope(tx: Tx, actor: Actor, eventId: string) {
  const event = isUuid(eventId)
    ? await tx.trackEvent.findFirst({
        where: { id: eventId, type: "INFRINGEMENT", cancelledAt: null, newcomer: newcomerScope(actor) },
        select: { id: true, date: true, version: true, newcomerId: true, agencyCode: true, infringementType: true },
      })
    : null;
  if (!event) throw new NotFoundError("fines.notFoundOrCancelled");
  return event;
}

/** The latest decision that was not rejected: a FINAL one, or one awaiting confirmation. */
export function findStandingDecision(tx: Tx, eventId: string) {
  return tx.infringementDecision.findFirst({
    where: { eventId, status: { in: ["FINAL", "AWAITING_CONFIRMATION"] } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
}
