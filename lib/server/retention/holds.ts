import "server-only";
import { firstOf } from "@/lib/domain/lists/first-of";
// Legal holds set by an admin (issue 15): while one stands, the dossier is not anonymised. Set and
// removed with a reason, each audited in the same transaction; a removed hold stays as history.
import { assertCan, type Actor } from "@/lib/server/auth/actor";
import { recordAudit } from "@/lib/server/audit/audit";
import { db } from "@/lib/server/db";
import { NotFoundError } from "@/lib/server/errors";
import { parseInput } from "@/lib/server/kit/parse-input";
import { removeHoldSchema, setHoldSchema } from "./retention.schema";
import { deniedWrite } from "@/lib/server/access/denied";
import { lockNewcomerForWrite } from "@/lib/server/dossiers/scoped-newcomer";

export async function setLegalHold(actor: Actor, input: unknown): Promise<{ id: string }> {
  assertCan(actor, "retention.manage");
  const { newcomerId, reason } = parseInput(setHoldSchema, input);
  return db
    .$transaction(async (tx) => {
      await lockNewcomerForWrite(tx, actor, newcomerId);
      const n = await tx.newcomer.findUniqueOrThrow({ where: { id: newcomerId }, select: { agencyCode: true } });
      const hold = await tx.legalHold.create({ data: { newcomerId, reason, setById: actor.userId }, select: { id: true } });
      await recordAudit(tx, actor, {
        action: "retention.hold.set",
        entityType: "legal_hold",
        entityId: hold.id,
        newcomerId,
        agencyCode: n.agencyCode,
        reason,
      });
      return hold;
    })
    .catch(deniedWrite(actor, "retention.hold.set.denied", { entityType: "newcomer", entityId: newcomerId, newcomerId }));
}

export async function removeLegalHold(actor: Actor, input: unknown): Promise<void> {
  assertCan(actor, "retention.manage");
  const { holdId, reason } = parseInput(removeHoldSchema, input);
  await db.$transaction(async (tx) => {
    const hold = await tx.legalHold.findFirst({
      where: { id: holdId, removedAt: null },
      select: { newcomerId: true, newcomer: { select: { agencyCode: true } } },
    });
    // the guard on removed_at makes a second removal (two admins at once) find nothing
    const changed = await tx.legalHold.updateMany({
      where: { id: holdId, removedAt: null },
      data: { removedAt: new Date(), removedById: actor.userId, removalReason: reason },
    });
    if (!hold || changed.count === 0) throw new NotFoundError();
    await recordAudit(tx, actor, {
      action: "retention.hold.remove",
      entityType: "legal_hold",
      entityId: holdId,
      newcomerId: hold.newcomerId,
      agencyCode: hold.newcomer.agencyCode,
      reason,
    });
  });
}

/** Shown in full up to this many (more are said, not cut off silently: lib/domain/lists/first-of.ts). */
export const LEGAL_HOLDS_LIMIT = 200;

/** The holds that stand, newest first (the admin page). */
export async function listLegalHolds(actor: Actor) {
  assertCan(actor, "retention.manage");
  const rows = await db.legalHold.findMany({
    where: { removedAt: null },
    orderBy: [{ setAt: "desc" }, { id: "asc" }],
    take: LEGAL_HOLDS_LIMIT + 1,
    select: { id: true, newcomerId: true, reason: true, setAt: true, newcomer: { select: { lastName: true, firstName: true, agencyCode: true } } },
  });
  return firstOf(rows, LEGAL_HOLDS_LIMIT);
}
