import "server-only";
// The right of access (GDPR art. 15, issue 15): everything held about one newcomer, as one
// document that the printable page (/dossiers/[id]/inzage) and the JSON download both render.
// Admins only (dossier.inzage); the newcomer is found through the actor's scope (the agency comes
// from the record). The national number is shown in full — it is the person's own data — but the
// production's audit row (newcomer.inzage) holds only counts, and the URL only the dossier id.
// The access log is read before the production's own row is written: it shows what happened
// until this moment.
import { formatNationalNumber } from "@/lib/domain/national-number";
import { isUuid } from "@/lib/domain/kit";
import { assertCan, type Actor } from "@/lib/server/auth/actor";
import { recordAudit } from "@/lib/server/audit/audit";
import { type AuditChange, describeAuditChanges } from "@/lib/server/audit/list-audit-changes";
import { db } from "@/lib/server/db";
import { loadTimeline, type TimelineEntry } from "@/lib/server/dossiers/timeline";
import { findNewcomerInScope } from "@/lib/server/dossiers/scoped-newcomer";
import { NotFoundError } from "@/lib/server/errors";
import type { Tx } from "@/lib/server/kit/tx";
import { type LetterSent, lettersSent } from "./letters-sent";

export type InzageFormat = "page" | "json";

const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

export interface InzageDecision {
  id: string;
  eventId: string;
  infringementType: string | null;
  infringementDate: string;
  outcome: string;
  decidedOn: string;
  amountEur: number | null;
  motivation: string;
  status: string;
  decidedBy: string | null;
  /** the decision this one corrects, and why */
  correctsId: string | null;
  correctionReason: string | null;
  paymentStatus: string | null;
  paidOn: string | null;
  reminderSentOn: string | null;
  handedOverOn: string | null;
}

export interface InzageAccess {
  at: string;
  who: string | null;
  action: string;
  reason: string | null;
}

export interface InzageRectification extends InzageAccess {
  entityType: string;
  changes: AuditChange[];
}

export interface InzageDocument {
  producedAt: string;
  producedBy: string;
  person: {
    id: string;
    nationalNumber: string;
    lastName: string;
    firstName: string;
    birthDate: string;
    gender: string;
    nationality: string;
    nationalityGroup: string;
    residenceStatus: string;
    targetGroup: string;
    office: string;
    agency: string;
    street: string | null;
    postalCode: string | null;
    city: string | null;
    createdAt: string;
    updatedAt: string;
  };
  /** every record of the track, cancelled ones included with their reason */
  track: TimelineEntry[];
  /** every decision row (corrections and payments included), oldest first */
  decisions: InzageDecision[];
  dvzAdvices: TimelineEntry[];
  letters: LetterSent[];
  /** who opened or changed the dossier when: every audit row about this newcomer, oldest first */
  accessLog: InzageAccess[];
  /** the dossier's changes, field by field (the rows of the access log with a before or after) */
  rectifications: InzageRectification[];
}

async function loadDecisions(tx: Tx, newcomerId: string): Promise<InzageDecision[]> {
  const rows = await tx.infringementDecision.findMany({
    where: { event: { newcomerId } },
    orderBy: [{ decidedOn: "asc" }, { createdAt: "asc" }],
    include: { event: { select: { infringementType: true, date: true } } },
  });
  const userIds = [...new Set(rows.map((r) => r.decidedById).filter((x): x is string => Boolean(x)))];
  const users = userIds.length ? await tx.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }) : [];
  return rows.map((d) => ({
    id: d.id,
    eventId: d.eventId,
    infringementType: d.event.infringementType,
    infringementDate: iso(d.event.date)!,
    outcome: d.outcome,
    decidedOn: iso(d.decidedOn)!,
    amountEur: d.amountEur,
    motivation: d.motivation,
    status: d.status,
    decidedBy: users.find((u) => u.id === d.decidedById)?.name ?? null,
    correctsId: d.correctsId,
    correctionReason: d.correctionReason,
    paymentStatus: d.paymentStatus,
    paidOn: iso(d.paidOn),
    reminderSentOn: iso(d.reminderSentOn),
    handedOverOn: iso(d.handedOverOn),
  }));
}

/** Builds the inzage of one newcomer and audits its production (newcomer.inzage). */
export async function buildInzage(actor: Actor, id: string, format: InzageFormat): Promise<InzageDocument> {
  assertCan(actor, "dossier.inzage");
  try {
    return await db.$transaction(async (tx) => {
      const n = await findNewcomerInScope(tx, actor, id);
      const office = await tx.office.findUnique({ where: { code: n.officeCode }, select: { label: true } });
      const agency = await tx.agency.findUnique({ where: { code: n.agencyCode }, select: { label: true } });
      const nationality = await tx.nationality.findUnique({ where: { code: n.nationalityCode }, select: { label: true } });
      const residenceStatus = await tx.residenceStatus.findUnique({ where: { code: n.residenceStatusCode }, select: { label: true } });
      const track = await loadTimeline(tx, n.id);
      const decisions = await loadDecisions(tx, n.id);
      const letters = await lettersSent(tx, n.id);
      const audit = await tx.auditLog.findMany({
        where: { newcomerId: n.id },
        orderBy: { id: "asc" },
        select: { at: true, userEmail: true, action: true, entityType: true, before: true, after: true, reason: true },
      });
      const accessLog = audit.map((a) => ({ at: a.at.toISOString(), who: a.userEmail, action: a.action, reason: a.reason }));
      // a change has a before (a creation only an after: that is the record itself, shown above)
      const rectifications = audit
        .filter((a) => a.before !== null)
        .map((a) => ({
          at: a.at.toISOString(),
          who: a.userEmail,
          action: a.action,
          reason: a.reason,
          entityType: a.entityType,
          changes: describeAuditChanges(a.before, a.after, actor.locale),
        }));
      const producedAt = new Date();
      await recordAudit(tx, actor, {
        action: "newcomer.inzage",
        entityType: "newcomer",
        entityId: n.id,
        newcomerId: n.id,
        agencyCode: n.agencyCode,
        // what was handed over, counted: never the data itself (no national number in the audit)
        after: {
          format,
          events: track.length,
          decisions: decisions.length,
          dvzAdvices: track.filter((e) => e.type === "DVZ_ADVICE").length,
          letters: letters.length,
          accessLog: accessLog.length,
          rectifications: rectifications.length,
        },
      });
      return {
        producedAt: producedAt.toISOString(),
        producedBy: actor.email,
        person: {
          id: n.id,
          nationalNumber: formatNationalNumber(n.nationalNumber),
          lastName: n.lastName,
          firstName: n.firstName,
          birthDate: iso(n.birthDate)!,
          gender: n.gender,
          nationality: nationality?.label ?? n.nationalityCode,
          nationalityGroup: n.nationalityGroup,
          residenceStatus: residenceStatus?.label ?? n.residenceStatusCode,
          targetGroup: n.targetGroup,
          office: office?.label ?? n.officeCode,
          agency: agency?.label ?? n.agencyCode,
          street: n.street,
          postalCode: n.postalCode,
          city: n.city,
          createdAt: n.createdAt.toISOString(),
          updatedAt: n.updatedAt.toISOString(),
        },
        track,
        decisions,
        dvzAdvices: track.filter((e) => e.type === "DVZ_ADVICE"),
        letters,
        accessLog,
        rectifications,
      };
    });
  } catch (e) {
    // an id outside the scope (or none): looks like a missing dossier, and the attempt is audited
    if (e instanceof NotFoundError) {
      await recordAudit(db, actor, {
        action: "newcomer.inzage.denied",
        entityType: "newcomer",
        entityId: id.slice(0, 64),
        newcomerId: isUuid(id) ? id : null,
      });
    }
    throw e;
  }
}
