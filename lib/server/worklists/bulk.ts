import "server-only";
// Bulk actions on a selection (the dossier list and the worklists, issue 14): each is ONE
// transaction — every selected item is changed or none is — and ONE audit entry `bulk.*` that
// lists its items, beside the usual entry per change (written by the single-item function, which
// the bulk action calls in its transaction, so the rules are the same as one by one). Every item's
// problem is reported at once, as a field error `item.<newcomer id>`; nothing is skipped silently.
import { todayIso } from "@/lib/i18n/format";
import type { MsgLike } from "@/lib/i18n/message";
import { assertCan, type Actor } from "@/lib/server/auth/actor";
import { recordAudit, type AuditAction } from "@/lib/server/audit/audit";
import { auditDenied } from "@/lib/server/access/denied";
import { lockNewcomersForWrite } from "@/lib/server/dossiers/scoped-newcomer";
import { db } from "@/lib/server/db";
import { moveNewcomerIn } from "@/lib/server/dossiers/save-newcomer";
import { recordTrackEventIn } from "@/lib/server/dossiers/record-event";
import { generateDvzAdviceIn } from "@/lib/server/dvz/advice";
import { LocalizedError, ValidationError } from "@/lib/server/errors";
import type { Tx } from "@/lib/server/kit/tx";
import { parseInput } from "@/lib/server/kit/parse-input";
import { bulkMoveSchema, bulkSelectionSchema } from "./bulk.schema";
import { onWorklist } from "./worklists";

/**
 * Locks the selected newcomers the actor may see, in id order (two bulk actions cannot deadlock);
 * an anonymised one (issue 15) is an item's problem, and its refusal is audited on that dossier
 * after the rollback (`denied`: the single action's `.denied`, as one by one).
 */
async function lockSelection(tx: Tx, actor: Actor, ids: string[], problems: Record<string, MsgLike>, refusedIds: string[]) {
  const { versions, frozen } = await lockNewcomersForWrite(tx, actor, ids);
  for (const [id, e] of frozen) {
    problems[`item.${id}`] = e.msg;
    refusedIds.push(id);
  }
  return versions;
}

const auditFrozen = (actor: Actor, action: AuditAction, refusedIds: string[]) => async (e: unknown) => {
  for (const id of refusedIds) await auditDenied(actor, action, { entityType: "newcomer", entityId: id, newcomerId: id }, "anonymised");
  throw e;
};

/** The problem of one item as a message: the error's own (a field error or its message), never a stack. */
function itemProblem(e: unknown): MsgLike {
  if (e instanceof ValidationError) return Object.values(e.fieldMessages)[0] ?? e.msg;
  if (e instanceof LocalizedError) return e.msg;
  throw e;
}

function refuseIfAny(problems: Record<string, MsgLike>) {
  if (Object.keys(problems).length) throw new ValidationError(problems, "worklists.bulkRefused");
}

/**
 * Opens an infringement dossier NIET_TIJDIG_AANGEMELD, dated today, for each selected newcomer
 * that is on the late-registration worklist now (checked after locking them).
 */
export async function bulkOpenLateRegistrationInfringements(actor: Actor, input: unknown, now = new Date()) {
  assertCan(actor, "dossier.write");
  const { ids } = parseInput(bulkSelectionSchema, input);
  const date = todayIso(now);
  const refusedIds: string[] = [];
  return db
    .$transaction(async (tx) => {
      const problems: Record<string, MsgLike> = {};
      const found = await lockSelection(tx, actor, ids, problems, refusedIds);
      const late = await onWorklist(tx, actor, "niet-aangemeld", [...found.keys()], now);
      for (const id of ids) {
        if (problems[`item.${id}`]) continue;
        if (!found.has(id)) problems[`item.${id}`] = "request.notFound";
        else if (!late.has(id)) problems[`item.${id}`] = "worklists.notLate";
      }
      refuseIfAny(problems);
      const items: { newcomerId: string; eventId: string }[] = [];
      for (const id of ids) {
        try {
          const e = await recordTrackEventIn(tx, actor, id, { type: "INFRINGEMENT", date, infringementType: "NIET_TIJDIG_AANGEMELD", confirmWarnings: [] });
          items.push({ newcomerId: id, eventId: e.id });
        } catch (e) {
          problems[`item.${id}`] = itemProblem(e);
        }
      }
      refuseIfAny(problems);
      await recordAudit(tx, actor, {
        action: "bulk.infringement.open",
        entityType: "newcomer",
        agencyCode: actor.agencyCode,
        after: { infringementType: "NIET_TIJDIG_AANGEMELD", date, items },
      });
      return { count: items.length, items };
    })
    .catch(auditFrozen(actor, "event.create.denied", refusedIds));
}

/** Moves every selected newcomer to one office (the single move's rules, moveNewcomerIn). */
export async function bulkMoveNewcomers(actor: Actor, input: unknown) {
  assertCan(actor, "dossier.write");
  const v = parseInput(bulkMoveSchema, input);
  const refusedIds: string[] = [];
  return db
    .$transaction(async (tx) => {
      const problems: Record<string, MsgLike> = {};
      const found = await lockSelection(tx, actor, v.ids, problems, refusedIds);
      const items: { newcomerId: string; from: string; to: string }[] = [];
      for (const id of v.ids) {
        if (problems[`item.${id}`]) continue;
        const version = found.get(id);
        if (version === undefined) {
          problems[`item.${id}`] = "request.notFound";
          continue;
        }
        try {
          const before = await tx.newcomer.findUniqueOrThrow({ where: { id }, select: { officeCode: true } });
          const moved = await moveNewcomerIn(tx, actor, id, { officeCode: v.officeCode, version, reason: v.reason });
          items.push({ newcomerId: id, from: before.officeCode, to: moved.officeCode });
        } catch (e) {
          problems[`item.${id}`] = itemProblem(e);
        }
      }
      refuseIfAny(problems);
      await recordAudit(tx, actor, {
        action: "bulk.newcomer.move",
        entityType: "newcomer",
        agencyCode: actor.agencyCode,
        after: { officeCode: v.officeCode, items },
        reason: v.reason ?? null,
      });
      return { count: items.length, items };
    })
    .catch(auditFrozen(actor, "newcomer.move.denied", refusedIds));
}

/**
 * A DVZ advice dated today for every selected newcomer (admins, dvz.advise): the single advice's
 * rule (generateDvzAdviceIn, lib/server/dvz/advice.ts) for each, in one transaction — one that is
 * not found or already advised today refuses the whole selection, with every reason at once.
 */
export async function bulkGenerateDvzAdvice(actor: Actor, input: unknown, now = new Date()) {
  assertCan(actor, "dvz.advise");
  const { ids } = parseInput(bulkSelectionSchema, input);
  const date = todayIso(now);
  const refusedIds: string[] = [];
  return db
    .$transaction(async (tx) => {
      const problems: Record<string, MsgLike> = {};
      const found = await lockSelection(tx, actor, ids, problems, refusedIds);
      const items: { newcomerId: string; adviceId: string; contractSigned: boolean | null; attestationObtained: boolean | null }[] = [];
      for (const id of ids) {
        if (problems[`item.${id}`]) continue;
        if (!found.has(id)) {
          problems[`item.${id}`] = "request.notFound";
          continue;
        }
        try {
          const a = await generateDvzAdviceIn(tx, actor, id, date);
          items.push({ newcomerId: id, adviceId: a.id, contractSigned: a.contractSigned, attestationObtained: a.attestationObtained });
        } catch (e) {
          problems[`item.${id}`] = itemProblem(e);
        }
      }
      refuseIfAny(problems);
      await recordAudit(tx, actor, { action: "bulk.dvz.advice", entityType: "newcomer", agencyCode: actor.agencyCode, after: { date, items } });
      return { count: items.length, items };
    })
    .catch(auditFrozen(actor, "dvz.advice.create.denied", refusedIds));
}
