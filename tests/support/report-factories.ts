// Track events and decisions for the report tests, written as the dossier forms would: the
// classification is recorded on the event (by default the newcomer's current one).
import type { EventType } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db";
import type { TestAgency } from "./factories";

type Newcomer = Awaited<ReturnType<typeof db.newcomer.findUniqueOrThrow>>;

export interface EventInput {
  type: EventType;
  date: string;
  office?: string;
  agency?: string;
  nationality?: string;
  nationalityGroup?: "DERDELANDER" | "EU_PLUS" | "ONBEPAALD";
  residenceStatus?: string;
  targetGroup?: "PLICHT" | "RECHT" | "ONBEPAALD";
  gender?: "M" | "V";
  infringementType?: "NIET_TIJDIG_AANGEMELD" | "ONREGELMATIGE_DEELNAME" | "NIET_REGELMATIG_DEELGENOMEN";
  contractSigned?: boolean;
  attestationObtained?: boolean;
  followUp?: "VERBLIJF_VERLENGD" | "VERBLIJF_NIET_VERLENGD" | "ONBEKEND";
  followUpOn?: string;
}

const day = (d: string) => new Date(`${d}T00:00:00Z`);

export async function addEvent(n: Newcomer, e: EventInput) {
  return db.trackEvent.create({
    data: {
      newcomerId: n.id,
      type: e.type,
      date: day(e.date),
      officeCode: e.office ?? n.officeCode,
      agencyCode: e.agency ?? n.agencyCode,
      nationalityCode: e.nationality ?? n.nationalityCode,
      nationalityGroup: e.nationalityGroup ?? n.nationalityGroup,
      residenceStatusCode: e.residenceStatus ?? n.residenceStatusCode,
      targetGroup: e.targetGroup ?? n.targetGroup,
      gender: e.gender ?? n.gender,
      infringementType: e.infringementType ?? (e.type === "INFRINGEMENT" ? "NIET_TIJDIG_AANGEMELD" : null),
      contractSigned: e.contractSigned ?? null,
      attestationObtained: e.attestationObtained ?? null,
      dvzFollowUp: e.followUp ?? null,
      dvzFollowUpOn: e.followUpOn ? day(e.followUpOn) : null,
    },
  });
}

export async function cancelEvent(id: string) {
  return db.trackEvent.update({ where: { id }, data: { cancelledAt: new Date(), cancelReason: "test" } });
}

export async function addDecision(
  eventId: string,
  d: { outcome: "BOETE" | "GEEN_BOETE" | "GEEN_GEVOLG"; on: string; amountEur?: number; status?: "FINAL" | "AWAITING_CONFIRMATION" | "REJECTED" },
) {
  return db.infringementDecision.create({
    data: { eventId, outcome: d.outcome, decidedOn: day(d.on), amountEur: d.amountEur ?? null, status: d.status ?? "FINAL" },
  });
}

export async function firstMarkers(newcomerId: string, type: EventType) {
  const rows = await db.trackEvent.findMany({ where: { newcomerId, type }, select: { id: true, isFirstOfType: true }, orderBy: { date: "asc" } });
  return rows.filter((r) => r.isFirstOfType).map((r) => r.id);
}

export type { TestAgency };
