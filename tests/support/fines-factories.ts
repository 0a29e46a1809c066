// Test data for the fines and DVZ tests: track events on a newcomer, with the classification
// copied from the newcomer as the data layer would record it.
import type { EventType, InfringementType } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db";

export async function createTestEvent(
  newcomerId: string,
  type: EventType,
  date: string,
  extra: { infringementType?: InfringementType; cancelled?: boolean } = {},
) {
  const n = await db.newcomer.findUniqueOrThrow({ where: { id: newcomerId } });
  return db.trackEvent.create({
    data: {
      newcomerId,
      type,
      date: new Date(`${date}T00:00:00Z`),
      officeCode: n.officeCode,
      agencyCode: n.agencyCode,
      nationalityCode: n.nationalityCode,
      nationalityGroup: n.nationalityGroup,
      residenceStatusCode: n.residenceStatusCode,
      targetGroup: n.targetGroup,
      gender: n.gender,
      infringementType: type === "INFRINGEMENT" ? (extra.infringementType ?? "NIET_TIJDIG_AANGEMELD") : null,
      ...(extra.cancelled ? { cancelledAt: new Date(), cancelReason: "test" } : {}),
    },
  });
}

/** A snapshot of everything a decision could change, to prove a refused one changed nothing. */
export async function decisionState(eventId: string) {
  const [event, decisions, audits] = await Promise.all([
    db.trackEvent.findUniqueOrThrow({ where: { id: eventId }, select: { version: true } }),
    db.infringementDecision.findMany({ where: { eventId }, orderBy: { createdAt: "asc" } }),
    db.auditLog.count({ where: { action: { startsWith: "decision." }, entityType: "infringement_decision", entityId: { not: null } } }),
  ]);
  return { version: event.version, decisions, audits };
}
