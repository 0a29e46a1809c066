import "server-only";
// Shared reads of the fines area: the infringement dossier within the actor's scope, and the
// decision that currently stands on it (the latest one that was not rejected).
import { newcomerScope } from "@/lib/server/access/scope";
import type { Actor } from "@/lib/server/auth/actor";
import { NotFoundError } from "@/lib/server/errors";
import { isUuid } from "@/lib/domain/kit";
import type { Tx } from "@/lib/server/kit/tx";
import { lockNewcomerForWrite } from "@/lib/server/dossiers/scoped-newcomer";
import { standingDecision } from "@/lib/domain/fines/decision-state";

export async function findInfringementInScope(tx: Tx, actor: Actor, eventId: string) {
  const where = { id: eventId, type: "INFRINGEMENT", cancelledAt: null, newcomer: newcomerScope(actor) } as const;
  const owner = isUuid(eventId) ? await tx.trackEvent.findFirst({ where, select: { newcomerId: true } }) : null;
  if (!owner) throw new NotFoundError("fines.notFoundOrCancelled");
  // a decision is a write to the dossier: locked, refused once anonymised (issue 15). Locked BEFORE
  // the event is read: a second decider waiting here then reads the version the first one moved.
  await lockNewcomerForWrite(tx, actor, owner.newcomerId);
  const event = await tx.trackEvent.findFirst({
    where,
    select: { id: true, date: true, version: true, newcomerId: true, agencyCode: true, infringementType: true },
  });
  if (!event) throw new NotFoundError("fines.notFoundOrCancelled");
  return event;
}

/** The standing decision (lib/domain/fines/decision-state.ts): a dossier has a handful of decisions. */
export async function findStandingDecision(tx: Tx, eventId: string) {
  return standingDecision(await tx.infringementDecision.findMany({ where: { eventId } }));
}
