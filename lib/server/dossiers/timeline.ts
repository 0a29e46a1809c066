import "server-only";
import type { Tx } from "@/lib/server/kit/tx";
// The timeline of a newcomer's whole track: every record (cancelled ones marked), with the
// office it was recorded at, who recorded it, and for infringements every decision row.
// Called only by the data layer after the scope check (get-dossier.ts).

const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

export async function loadTimeline(tx: Tx, newcomerId: string) {
  const events = await tx.trackEvent.findMany({
    where: { newcomerId },
    orderBy: [{ date: "asc" }, { createdAt: "asc" }],
    include: {
      office: { select: { label: true } },
      agency: { select: { label: true } },
      nationality: { select: { label: true } },
      decisions: { orderBy: [{ decidedOn: "asc" }, { createdAt: "asc" }] },
    },
  });
  const userIds = [
    ...new Set(events.flatMap((e) => [e.recordedById, e.cancelledById, ...e.decisions.map((d) => d.decidedById)]).filter((x): x is string => Boolean(x))),
  ];
  const users = userIds.length ? await tx.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }) : [];
  const nameOf = (id: string | null) => (id ? (users.find((u) => u.id === id)?.name ?? null) : null);
  return events.map((e) => ({
    id: e.id,
    type: e.type,
    date: iso(e.date)!,
    version: e.version,
    officeCode: e.officeCode,
    officeLabel: e.office.label,
    agencyLabel: e.agency.label,
    nationalityCode: e.nationalityCode,
    nationalityLabel: e.nationality.label,
    nationalityGroup: e.nationalityGroup,
    residenceStatusCode: e.residenceStatusCode,
    targetGroup: e.targetGroup,
    gender: e.gender,
    infringementType: e.infringementType,
    contractSigned: e.contractSigned,
    attestationObtained: e.attestationObtained,
    dvzFollowUp: e.dvzFollowUp,
    dvzFollowUpOn: iso(e.dvzFollowUpOn),
    note: e.note,
    recordedBy: nameOf(e.recordedById),
    recordedAt: e.createdAt,
    cancelled: e.cancelledAt !== null,
    cancelledAt: e.cancelledAt,
    cancelReason: e.cancelReason,
    cancelledBy: nameOf(e.cancelledById),
    decisions: e.decisions.map((d) => ({
      id: d.id,
      outcome: d.outcome,
      amountEur: d.amountEur,
      status: d.status,
      decidedOn: iso(d.decidedOn)!,
      correctionReason: d.correctionReason,
      decidedBy: nameOf(d.decidedById),
    })),
  }));
}

export type TimelineEntry = Awaited<ReturnType<typeof loadTimeline>>[number];
