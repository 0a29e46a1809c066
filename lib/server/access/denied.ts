import "server-only";
// A write aimed at a record outside the actor's scope fails as "not found" (ids of other agencies
// reveal nothing) — and is audited as `<action>.denied`, like newcomer.view.denied, so that a DPO
// sees the attempts; so is a write refused because the dossier is anonymised (issue 15). Written
// in its own statement: the refused transaction was rolled back.
import { isUuid } from "@/lib/domain/kit";
import type { Actor } from "@/lib/server/auth/actor";
import { recordAudit, type AuditAction } from "@/lib/server/audit/audit";
import { db } from "@/lib/server/db";
import { logError } from "@/lib/server/entry/log-error";
import { AnonymisedDossierError, NotFoundError } from "@/lib/server/errors";

export interface DeniedTarget {
  entityType: string;
  entityId: string;
  /** the dossier the record belongs to, when known (or how to find it) */
  newcomerId?: string | null | (() => Promise<string | null>);
}

/**
 * `.catch(deniedWrite(actor, "newcomer.update.denied", target))`: audits a NotFoundError, and a
 * write refused because the dossier is anonymised (issue 15: reason "anonymised", on that
 * dossier); rethrows every error.
 */
export function deniedWrite(actor: Actor, action: AuditAction, target: DeniedTarget) {
  return async (e: unknown): Promise<never> => {
    if (e instanceof AnonymisedDossierError) await auditDenied(actor, action, { ...target, newcomerId: e.newcomerId }, "anonymised");
    else if (e instanceof NotFoundError) await auditDenied(actor, action, target, null);
    throw e;
  };
}

/** The `<action>.denied` row itself; a failure to write it is logged, never turns the refusal into a 500. */
export async function auditDenied(actor: Actor, action: AuditAction, target: DeniedTarget, reason: "anonymised" | null): Promise<void> {
  try {
    const newcomerId = typeof target.newcomerId === "function" ? await target.newcomerId() : (target.newcomerId ?? null);
    await recordAudit(db, actor, {
      action,
      entityType: target.entityType,
      entityId: String(target.entityId).slice(0, 64),
      newcomerId: isUuid(newcomerId) ? newcomerId : null,
      reason,
    });
  } catch (auditError) {
    logError(`audit ${action}`, auditError);
  }
}

/** The newcomer of a track event, for the audit of a refused change of that event. */
export const newcomerOfEvent = (eventId: string) => async () =>
  isUuid(eventId) ? ((await db.trackEvent.findUnique({ where: { id: eventId }, select: { newcomerId: true } }))?.newcomerId ?? null) : null;

/** The newcomer of a decision, for the audit of a refused review or payment. */
export const newcomerOfDecision = (decisionId: string) => async () => (isUuid(decisionId) ? await newcomerOfDecisionEvent(decisionId) : null);

async function newcomerOfDecisionEvent(decisionId: string): Promise<string | null> {
  const decision = await db.infringementDecision.findUnique({ where: { id: decisionId }, select: { eventId: true } });
  return decision ? newcomerOfEvent(decision.eventId)() : null;
}
