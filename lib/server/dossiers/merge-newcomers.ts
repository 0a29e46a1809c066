import "server-only";
// Merging two dossiers of one person into one (issue 14, ADMIN). One transaction: both rows locked
// (in id order, so two merges cannot deadlock) and their versions checked; the merged dossier's
// events — with their decisions and DVZ advices, which hang on the events — and aliases move to
// the survivor; the survivor keeps the national number (not the BIS number) and the other number
// becomes an alias; the merged row is deleted; one audit row names both ids (numbers masked).
// The report facts follow by themselves: the triggers on track_event re-derive every newcomer an
// UPDATE touched (the old and the new newcomer_id), including first-of-type and reach.
import { duplicateReason, isBisNumber, mergeEffect, numbersAfterMerge } from "@/lib/domain/duplicates";
import { isoOf, isUuid } from "@/lib/domain/kit";
import { maskNationalNumber } from "@/lib/domain/national-number";
import { Prisma } from "@/lib/generated/prisma/client";
import { newcomerScopeSql } from "@/lib/server/access/scope";
import { deniedWrite } from "@/lib/server/access/denied";
import { assertCan, type Actor } from "@/lib/server/auth/actor";
import { recordAudit } from "@/lib/server/audit/audit";
import { db } from "@/lib/server/db";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/server/errors";
import { parseInput } from "@/lib/server/kit/parse-input";
import type { Tx } from "@/lib/server/kit/tx";
import { mergeNewcomersSchema } from "./merge.schema";
import { auditShape, findNewcomerInScope, lockNewcomersForWrite } from "./scoped-newcomer";

/** What a dossier holds that a merge moves: events, decisions on them, DVZ advices, audit rows naming it. */
async function holdings(tx: Tx, newcomerId: string) {
  const [c] = await tx.$queryRaw<{ events: bigint; decisions: bigint; advices: bigint; audits: bigint; aliases: bigint; letters: bigint }[]>(Prisma.sql`
    SELECT (SELECT count(*) FROM track_event e WHERE e.newcomer_id = ${newcomerId}::uuid) AS events,
           (SELECT count(*) FROM infringement_decision d JOIN track_event e ON e.id = d.event_id WHERE e.newcomer_id = ${newcomerId}::uuid) AS decisions,
           (SELECT count(*) FROM track_event e WHERE e.newcomer_id = ${newcomerId}::uuid AND e.type = 'DVZ_ADVICE') AS advices,
           (SELECT count(*) FROM audit_log a WHERE a.newcomer_id = ${newcomerId}::uuid) AS audits,
           (SELECT count(*) FROM newcomer_alias a WHERE a.newcomer_id = ${newcomerId}::uuid) AS aliases,
           (SELECT count(*) FROM letter l WHERE l.newcomer_id = ${newcomerId}::uuid) AS letters`);
  return {
    events: Number(c!.events),
    decisions: Number(c!.decisions),
    advices: Number(c!.advices),
    audits: Number(c!.audits),
    aliases: Number(c!.aliases),
    letters: Number(c!.letters),
  };
}

async function mergeEvents(tx: Tx, newcomerId: string) {
  const rows = await tx.trackEvent.findMany({ where: { newcomerId }, select: { type: true, date: true, cancelledAt: true } });
  return rows.map((r) => ({ type: r.type, date: isoOf(r.date), live: r.cancelledAt === null }));
}

function summary(n: Awaited<ReturnType<typeof findNewcomerInScope>>, h: Awaited<ReturnType<typeof holdings>>) {
  return {
    id: n.id,
    lastName: n.lastName,
    firstName: n.firstName,
    birthDate: isoOf(n.birthDate),
    maskedNationalNumber: maskNationalNumber(n.nationalNumber),
    isBis: isBisNumber(n.nationalNumber),
    officeCode: n.officeCode,
    agencyCode: n.agencyCode,
    version: n.version,
    ...h,
  };
}

async function pair(tx: Tx, actor: Actor, aId: string, bId: string) {
  const a = await findNewcomerInScope(tx, actor, aId);
  const b = await findNewcomerInScope(tx, actor, bId);
  const reason = duplicateReason(
    { searchName: a.searchName, birthDate: isoOf(a.birthDate), nationalNumber: a.nationalNumber },
    { searchName: b.searchName, birthDate: isoOf(b.birthDate), nationalNumber: b.nationalNumber },
  );
  // only likely duplicates: same name and birth date (merging two different people is not undone)
  if (!reason) throw new ValidationError({ mergedId: "duplicates.notDuplicates" });
  return { a, b, reason };
}

/** The merge screen: both dossiers, what moves, which number is kept, and what the reports see change. */
export async function getMergePreview(actor: Actor, survivorId: string, mergedId: string) {
  assertCan(actor, "dossier.merge");
  if (!isUuid(survivorId) || !isUuid(mergedId) || survivorId === mergedId) throw new NotFoundError();
  return db.$transaction(async (tx) => {
    const { a, b, reason } = await pair(tx, actor, survivorId, mergedId);
    const numbers = numbersAfterMerge(a.nationalNumber, b.nationalNumber);
    return {
      reason,
      survivor: summary(a, await holdings(tx, a.id)),
      merged: summary(b, await holdings(tx, b.id)),
      keptFrom: numbers.keptFrom,
      keptMasked: maskNationalNumber(numbers.kept),
      reports: mergeEffect(await mergeEvents(tx, a.id), await mergeEvents(tx, b.id)),
    };
  });
}

/** Merges `mergedId` into `survivorId`; both versions must be the ones the admin saw. */
export async function mergeNewcomers(actor: Actor, input: unknown) {
  assertCan(actor, "dossier.merge");
  const v = parseInput(mergeNewcomersSchema, input);
  return db
    .$transaction(async (tx) => {
      // lock both rows in id order: two merges (or a merge and an edit) serialise without deadlock
      // (lockNewcomersForWrite): an anonymised dossier is refused in either role (issue 15)
      const locked = await lockNewcomersForWrite(tx, actor, [v.survivorId, v.mergedId]);
      const refused = locked.frozen.get(v.mergedId) ?? locked.frozen.get(v.survivorId);
      if (refused) throw refused;
      if (locked.versions.size !== 2) throw new NotFoundError();
      const { a: survivor, b: merged, reason } = await pair(tx, actor, v.survivorId, v.mergedId);
      if (survivor.version !== v.survivorVersion || merged.version !== v.mergedVersion) throw new ConflictError("duplicates.conflict");
      const moved = await holdings(tx, merged.id);
      const numbers = numbersAfterMerge(survivor.nationalNumber, merged.nationalNumber);
      // one statement for all events: the report triggers run once and re-derive both newcomers
      await tx.$executeRaw`UPDATE track_event SET newcomer_id = ${survivor.id}::uuid, updated_at = now() WHERE newcomer_id = ${merged.id}::uuid`;
      await tx.newcomerAlias.updateMany({ where: { newcomerId: merged.id }, data: { newcomerId: survivor.id } });
      // the letters printed for the merged dossier are the survivor's history now
      await tx.letter.updateMany({ where: { newcomerId: merged.id }, data: { newcomerId: survivor.id } });
      await tx.newcomer.delete({ where: { id: merged.id } });
      await tx.newcomerAlias.create({ data: { newcomerId: survivor.id, nationalNumber: numbers.alias, mergedFromId: merged.id } });
      const updated = await tx.newcomer.update({
        where: { id: survivor.id, version: v.survivorVersion },
        data: { nationalNumber: numbers.kept, version: { increment: 1 } },
      });
      await recordAudit(tx, actor, {
        action: "newcomer.merge",
        entityType: "newcomer",
        entityId: survivor.id,
        newcomerId: survivor.id,
        agencyCode: survivor.agencyCode,
        // auditShape masks the numbers: both ids in clear (pseudonymous), no national number
        before: { survivor: auditShape(survivor), merged: auditShape(merged) },
        after: { survivorId: survivor.id, mergedId: merged.id, reason, keptNumberFrom: numbers.keptFrom, moved, survivor: auditShape(updated) },
      });
      return { survivorId: survivor.id, mergedId: merged.id, moved, keptFrom: numbers.keptFrom };
    })
    .catch(deniedWrite(actor, "newcomer.merge.denied", { entityType: "newcomer", entityId: v.mergedId, newcomerId: v.mergedId }));
}

/** The ids of the dossiers merged into this one: their audit rows belong to its history. */
export async function mergedIdsOf(tx: Tx, newcomerId: string): Promise<string[]> {
  const rows = await tx.newcomerAlias.findMany({ where: { newcomerId }, select: { mergedFromId: true } });
  return rows.map((r) => r.mergedFromId);
}

/** The dossier a merged (removed) dossier went into, when the actor may see it: old links lead there. */
export async function survivorOf(actor: Actor, mergedId: string): Promise<string | null> {
  assertCan(actor, "dossier.read");
  if (!isUuid(mergedId)) return null;
  const rows = await db.$queryRaw<{ id: string }[]>(Prisma.sql`
    SELECT n.id FROM newcomer_alias a JOIN newcomer n ON n.id = a.newcomer_id WHERE a.merged_from_id = ${mergedId}::uuid AND ${newcomerScopeSql(actor)}`);
  return rows[0]?.id ?? null;
}
