import "server-only";
// Creating, editing and moving a newcomer. Each change is one transaction with its audit entry;
// edits and moves name the version they read, so a concurrent change is refused (ConflictError)
// instead of silently overwritten.
import { Prisma } from "@/lib/generated/prisma/client";
import { validateNationalNumber } from "@/lib/domain/national-number";
import { toSearchName } from "@/lib/domain/search-name";
import { canSeeAgency } from "@/lib/server/access/scope";
import { assertCan, type Actor } from "@/lib/server/auth/actor";
import { recordAudit } from "@/lib/server/audit/audit";
import { db } from "@/lib/server/db";
import { ConflictError, ValidationError } from "@/lib/server/errors";
import { createNewcomerSchema, moveNewcomerSchema, updateNewcomerSchema, type CreateNewcomerInput, type UpdateNewcomerInput } from "./newcomer.schema";
import { checkClassificationCodes, nationalityOf, officeByCode } from "./reference-checks";
import { auditShape, findNewcomerInScope } from "./scoped-newcomer";
import type { Tx } from "@/lib/server/kit/tx";
import { countryOf } from "@/lib/domain/contact/contact.schema";
import type { z } from "zod";
import { deniedWrite } from "@/lib/server/access/denied";
import { parseInput } from "@/lib/server/kit/parse-input";
import { parseNewcomerForm } from "./newcomer-input";

/** Refuses a national number that another dossier already has; links to it only when visible. */
async function refuseDuplicate(tx: Tx, actor: Actor, nationalNumber: string, exceptId?: string) {
  const existing = await tx.newcomer.findUnique({ where: { nationalNumber }, select: { id: true, agencyCode: true } });
  if (existing && existing.id !== exceptId) throw duplicateError(actor, existing);
  // the other number of a merged dossier (issue 14) still belongs to the person it was merged into
  const alias = await tx.newcomerAlias.findUnique({ where: { nationalNumber }, select: { newcomer: { select: { id: true, agencyCode: true } } } });
  if (alias && alias.newcomer.id !== exceptId) throw duplicateError(actor, alias.newcomer);
}

function duplicateError(actor: Actor, existing: { id: string; agencyCode: string } | null) {
  if (existing && canSeeAgency(actor, existing.agencyCode)) {
    return new ValidationError({ nationalNumber: "newcomer.duplicate", existingDossier: `/dossiers/${existing.id}` });
  }
  return new ValidationError({ nationalNumber: "newcomer.duplicateOtherAgency" });
}

/** The contact columns as stored: a field left empty clears it; Belgium when an address has no country. */
function contactData(v: CreateNewcomerInput | UpdateNewcomerInput) {
  return {
    street: v.street ?? null,
    houseNumber: v.houseNumber ?? null,
    boxNumber: v.boxNumber ?? null,
    postalCode: v.postalCode ?? null,
    city: v.city ?? null,
    countryCode: countryOf(v) ?? null,
    phoneNumber: v.phoneNumber ?? null,
    emailAddress: v.emailAddress ?? null,
    contactLanguage: v.contactLanguage ?? null,
  };
}

async function isUniqueViolation(e: unknown) {
  return e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";
}

export async function createNewcomer(actor: Actor, input: unknown) {
  assertCan(actor, "dossier.write");
  const v = await parseNewcomerForm(actor, createNewcomerSchema, input, { office: true });
  try {
    return await db.$transaction(async (tx) => {
      const errors = await checkClassificationCodes(tx, v);
      const office = await officeByCode(tx, v.officeCode);
      if (!office) errors.officeCode = "newcomer.officeFromList";
      else if (!canSeeAgency(actor, office.agencyCode)) errors.officeCode = "newcomer.officeOwnAgency";
      if (Object.keys(errors).length) throw new ValidationError(errors);
      await refuseDuplicate(tx, actor, v.nationalNumber);
      const group = v.nationalityGroup ?? (await nationalityOf(tx, v.nationalityCode))!.group;
      const created = await tx.newcomer.create({
        data: {
          nationalNumber: v.nationalNumber,
          lastName: v.lastName,
          firstName: v.firstName,
          searchName: toSearchName(v.lastName, v.firstName),
          birthDate: new Date(`${v.birthDate}T00:00:00Z`),
          gender: v.gender,
          nationalityCode: v.nationalityCode,
          nationalityGroup: group,
          residenceStatusCode: v.residenceStatusCode,
          targetGroup: v.targetGroup,
          officeCode: office!.code,
          agencyCode: office!.agencyCode,
          ...contactData(v),
        },
      });
      await recordAudit(tx, actor, {
        action: "newcomer.create",
        entityType: "newcomer",
        entityId: created.id,
        newcomerId: created.id,
        agencyCode: created.agencyCode,
        after: auditShape(created),
      });
      return created;
    });
  } catch (e) {
    // two users creating the same person at the same moment: the unique index decides
    if (await isUniqueViolation(e))
      throw duplicateError(actor, await db.newcomer.findUnique({ where: { nationalNumber: v.nationalNumber }, select: { id: true, agencyCode: true } }));
    throw e;
  }
}

export async function updateNewcomer(actor: Actor, id: string, input: unknown) {
  assertCan(actor, "dossier.write");
  const v = await parseNewcomerForm(actor, updateNewcomerSchema, input, { office: false });
  try {
    return await db
      .$transaction(async (tx) => {
        const before = await findNewcomerInScope(tx, actor, id, { lock: true });
        if (before.version !== v.version) throw new ConflictError();
        const errors = await checkClassificationCodes(tx, v);
        // an empty number field keeps the stored number, which must still fit birth date and gender
        const nationalNumber = v.nationalNumber ?? before.nationalNumber;
        const check = validateNationalNumber(nationalNumber, { birthDate: v.birthDate, gender: v.gender });
        if (!check.ok) errors.nationalNumber ??= check.reason;
        if (Object.keys(errors).length) throw new ValidationError(errors);
        await refuseDuplicate(tx, actor, nationalNumber, id);
        const group = v.nationalityGroup ?? (await nationalityOf(tx, v.nationalityCode))!.group;
        const updated = await tx.newcomer.update({
          where: { id, version: v.version },
          data: {
            nationalNumber,
            lastName: v.lastName,
            firstName: v.firstName,
            searchName: toSearchName(v.lastName, v.firstName),
            birthDate: new Date(`${v.birthDate}T00:00:00Z`),
            gender: v.gender,
            nationalityCode: v.nationalityCode,
            nationalityGroup: group,
            residenceStatusCode: v.residenceStatusCode,
            targetGroup: v.targetGroup,
            ...contactData(v),
            version: { increment: 1 },
          },
        });
        await recordAudit(tx, actor, {
          action: "newcomer.update",
          entityType: "newcomer",
          entityId: id,
          newcomerId: id,
          agencyCode: updated.agencyCode,
          before: auditShape(before),
          after: auditShape(updated),
        });
        return updated;
      })
      .catch(deniedWrite(actor, "newcomer.update.denied", { entityType: "newcomer", entityId: id, newcomerId: id }));
  } catch (e) {
    if (v.nationalNumber && (await isUniqueViolation(e)))
      throw duplicateError(actor, await db.newcomer.findUnique({ where: { nationalNumber: v.nationalNumber }, select: { id: true, agencyCode: true } }));
    throw e;
  }
}

/**
 * Moves a newcomer to another office, possibly of another agency (they moved house). From then
 * on the receiving agency sees the dossier; records made before keep the office they recorded.
 */
export async function moveNewcomer(actor: Actor, id: string, input: unknown) {
  assertCan(actor, "dossier.write");
  const parsed = parseInput(moveNewcomerSchema, input);
  return db
    .$transaction((tx) => moveNewcomerIn(tx, actor, id, parsed))
    .catch(deniedWrite(actor, "newcomer.move.denied", { entityType: "newcomer", entityId: id, newcomerId: id }));
}

/** The same in the caller's transaction (the bulk move of lib/server/worklists); the input is parsed. */
export async function moveNewcomerIn(tx: Tx, actor: Actor, id: string, v: z.output<typeof moveNewcomerSchema>) {
  const before = await findNewcomerInScope(tx, actor, id, { lock: true });
  if (before.version !== v.version) throw new ConflictError();
  const office = await officeByCode(tx, v.officeCode);
  if (!office) throw new ValidationError({ officeCode: "newcomer.officeFromList" });
  if (office.code === before.officeCode) throw new ValidationError({ officeCode: "newcomer.alreadyAtOffice" });
  const moved = await tx.newcomer.update({
    where: { id, version: v.version },
    data: { officeCode: office.code, agencyCode: office.agencyCode, version: { increment: 1 } },
  });
  await recordAudit(tx, actor, {
    action: "newcomer.move",
    entityType: "newcomer",
    entityId: id,
    newcomerId: id,
    agencyCode: moved.agencyCode,
    before: { officeCode: before.officeCode, agencyCode: before.agencyCode },
    after: { officeCode: moved.officeCode, agencyCode: moved.agencyCode },
    reason: v.reason ?? null,
  });
  return moved;
}
