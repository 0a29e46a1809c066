import "server-only";
// The dossier page's data: the newcomer (national number masked), the timeline of the whole
// track and the dossier's history. Opening a dossier is audited (newcomer.view); an attempt on
// a dossier outside the actor's scope is audited too (newcomer.view.denied) and looks like a
// dossier that does not exist.
import { maskNationalNumber, formatNationalNumber } from "@/lib/domain/national-number";
import { assertCan, type Actor } from "@/lib/server/auth/actor";
import { recordAudit } from "@/lib/server/audit/audit";
import { db } from "@/lib/server/db";
import { AnonymisedDossierError, NotFoundError } from "@/lib/server/errors";
import { loadTimeline } from "@/lib/server/dossiers/timeline";
import { isUuid } from "@/lib/domain/kit";
import { auditShape, contactShape, findNewcomerInScope } from "./scoped-newcomer";
import { deniedWrite } from "@/lib/server/access/denied";
import { duplicatesOf } from "./duplicates";
import { mergedIdsOf } from "./merge-newcomers";
import { officeForAddress } from "@/lib/domain/contact/office-from-address";
import { addressLines, lettersOf } from "@/lib/server/letters/letters";

/** The dossier page shows the newest this many changes and says when there are more (the inzage has them all). */
export const HISTORY_LIMIT = 200;

/** The history shows before/after of changes; the national number in them stays masked there. */
function maskInAudit(value: unknown): unknown {
  if (!value || typeof value !== "object" || Array.isArray(value)) return value;
  const v = value as Record<string, unknown>;
  return typeof v.nationalNumber === "string" ? { ...v, nationalNumber: maskNationalNumber(v.nationalNumber) } : v;
}

export async function getNewcomerDossier(actor: Actor, id: string) {
  assertCan(actor, "dossier.read");
  try {
    return await db.$transaction(async (tx) => {
      const n = await findNewcomerInScope(tx, actor, id);
      // one after the other: a transaction is one connection, which runs one query at a time
      const office = await tx.office.findUnique({ where: { code: n.officeCode }, select: { label: true } });
      const agency = await tx.agency.findUnique({ where: { code: n.agencyCode }, select: { label: true } });
      const nationality = await tx.nationality.findUnique({ where: { code: n.nationalityCode }, select: { label: true } });
      const residenceStatus = await tx.residenceStatus.findUnique({ where: { code: n.residenceStatusCode }, select: { label: true } });
      const timeline = await loadTimeline(tx, n.id);
      // a dossier merged into this one keeps its audit rows (append-only) under its own id
      const merged = await mergedIdsOf(tx, n.id);
      const { letters, more: lettersMore } = await lettersOf(tx, n.id);
      // the office the address belongs to, when it is not the dossier's: proposed, the user confirms the move
      const proposedCode = officeForAddress(n);
      const proposed =
        proposedCode && proposedCode !== n.officeCode
          ? await tx.office.findUnique({ where: { code: proposedCode }, select: { code: true, label: true } })
          : null;
      const history = await tx.auditLog.findMany({
        where: { newcomerId: merged.length ? { in: [n.id, ...merged] } : n.id },
        orderBy: { id: "desc" },
        take: HISTORY_LIMIT + 1,
        select: { id: true, at: true, userEmail: true, action: true, entityType: true, before: true, after: true, reason: true },
      });
      const duplicates = await duplicatesOf(tx, actor, n);
      await recordAudit(tx, actor, { action: "newcomer.view", entityType: "newcomer", entityId: n.id, newcomerId: n.id, agencyCode: n.agencyCode });
      return {
        newcomer: {
          id: n.id,
          maskedNationalNumber: maskNationalNumber(n.nationalNumber),
          lastName: n.lastName,
          firstName: n.firstName,
          birthDate: n.birthDate.toISOString().slice(0, 10),
          gender: n.gender,
          nationalityCode: n.nationalityCode,
          nationalityLabel: nationality?.label ?? n.nationalityCode,
          nationalityGroup: n.nationalityGroup,
          residenceStatusCode: n.residenceStatusCode,
          residenceStatusLabel: residenceStatus?.label ?? n.residenceStatusCode,
          targetGroup: n.targetGroup,
          officeCode: n.officeCode,
          officeLabel: office?.label ?? n.officeCode,
          agencyCode: n.agencyCode,
          agencyLabel: agency?.label ?? n.agencyCode,
          ...contactShape(n),
          addressLines: addressLines(n),
          version: n.version,
          // issue 15: an anonymised dossier is frozen, the page shows it read-only with the date
          anonymisedAt: n.anonymisedAt,
        },
        proposedOffice: proposed,
        letters,
        lettersMore,
        timeline,
        duplicates,
        historyMore: history.length > HISTORY_LIMIT,
        history: history.slice(0, HISTORY_LIMIT).map((h) => ({ ...h, id: h.id.toString(), before: maskInAudit(h.before), after: maskInAudit(h.after) })),
      };
    });
  } catch (e) {
    await auditDenied(actor, id, e);
    throw e;
  }
}

/** An attempt to open a dossier outside the actor's scope (or one that does not exist) is audited. */
async function auditDenied(actor: Actor, id: string, e: unknown) {
  if (e instanceof NotFoundError) {
    await recordAudit(db, actor, { action: "newcomer.view.denied", entityType: "newcomer", entityId: id.slice(0, 64), newcomerId: isUuid(id) ? id : null });
  }
}

/**
 * The edit form's data. The national number comes masked: opening a page must not reveal it (a
 * GET changes nothing, not even the audit trail's reveal count); the form leaves the number as
 * it is unless the user types a new one, and "Toon volledig nummer" on the dossier is the POST.
 */
export async function getNewcomerForEdit(actor: Actor, id: string) {
  assertCan(actor, "dossier.write");
  const n = await findNewcomerInScope(db, actor, id).catch(async (e: unknown) => {
    await auditDenied(actor, id, e);
    throw e;
  });
  // an anonymised dossier is frozen (issue 15): no edit form (the save would be refused anyway)
  if (n.anonymisedAt) throw new AnonymisedDossierError(n.id, n.anonymisedAt);
  // the form's fields are the audit shape (number masked), with the number field left empty:
  // an empty field means "unchanged", so opening the form reveals nothing
  const { nationalNumber: maskedNationalNumber, ...fields } = auditShape(n);
  return { ...fields, nationalNumber: "", maskedNationalNumber };
}

/** Shows the full national number; every reveal is audited. */
export async function revealNationalNumber(actor: Actor, id: string): Promise<string> {
  assertCan(actor, "dossier.reveal");
  return db
    .$transaction(async (tx) => {
      const n = await findNewcomerInScope(tx, actor, id);
      await recordAudit(tx, actor, { action: "newcomer.reveal", entityType: "newcomer", entityId: n.id, newcomerId: n.id, agencyCode: n.agencyCode });
      return formatNationalNumber(n.nationalNumber);
    })
    .catch(deniedWrite(actor, "newcomer.reveal.denied", { entityType: "newcomer", entityId: id, newcomerId: id }));
}
