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

/** One bulk action: its items, the audit actions, and the single-item change it repeats. */
interface BulkAction<T> {
  ids: string[];
  /** the bulk entry's audit action */
  action: AuditAction;
  /** the single action's refusal, audited on an anonymised dossier (issue 15) as one by one */
  denied: AuditAction;
  /** an item's problem known before anything changes (e.g. not on the worklist), after locking */
  precheck?: (tx: Tx, found: Map<string, number>) => Promise<(id: string) => MsgLike | undefined>;
  /** the single-item change, in the bulk transaction */
  each: (tx: Tx, id: string, version: number) => Promise<T>;
  /** what the bulk entry records besides its items */
  after: Record<string, unknown>;
  reason?: string | null;
}

/**
 * Runs a bulk action: locks the selected newcomers the actor may see in id order (two bulk actions
 * cannot deadlock), collects every item's problem (not found, anonymised, the precheck, the single
 * change's own refusal), changes all or none, and writes the bulk audit entry with its items. The
 * refusal of an anonymised item is audited on that dossier after the rollback.
 */
async function runBulk<T>(actor: Actor, a: BulkAction<T>): Promise<{ count: number; items: T[] }> {
  const refusedIds: string[] = [];
  try {
    return await db.$transaction(async (tx) => {
      const problems: Record<string, MsgLike> = {};
      const { versions, frozen } = await lockNewcomersForWrite(tx, actor, a.ids);
      for (const [id, e] of frozen) {
        problems[`item.${id}`] = e.msg;
        refusedIds.push(id);
      }
      const check = a.precheck ? await a.precheck(tx, versions) : () => undefined;
      const items: T[] = [];
      for (const id of a.ids) {
        if (problems[`item.${id}`]) continue;
        const version = versions.get(id);
        const problem = version === undefined ? "request.notFound" : check(id);
        if (problem) {
          problems[`item.${id}`] = problem;
          continue;
        }
        // after a problem the others are still tried (every reason at once); the rollback undoes them
        try {
          items.push(await a.each(tx, id, version!));
        } catch (e) {
          problems[`item.${id}`] = itemProblem(e);
        }
      }
      if (Object.keys(problems).length) throw new ValidationError(problems, "worklists.bulkRefused");
      await recordAudit(tx, actor, {
        action: a.action,
        entityType: "newcomer",
        agencyCode: actor.agencyCode,
        after: { ...a.after, items },
        ...(a.reason !== undefined ? { reason: a.reason } : {}),
      });
      return { count: items.length, items };
    });
  } catch (e) {
    for (const id of refusedIds) await auditDenied(actor, a.denied, { entityType: "newcomer", entityId: id, newcomerId: id }, "anonymised");
    throw e;
  }
}

/** The problem of one item as a message: the error's own (a field error or its message), never a stack. */
function itemProblem(e: unknown): MsgLike {
  if (e instanceof ValidationError) return Object.values(e.fieldMessages)[0] ?? e.msg;
  if (e instanceof LocalizedError) return e.msg;
  throw e;
}

/**
 * Opens an infringement dossier NIET_TIJDIG_AANGEMELD, dated today, for each selected newcomer
 * that is on the late-registration worklist now (checked after locking them).
 */
export async function bulkOpenLateRegistrationInfringements(actor: Actor, input: unknown, now = new Date()) {
  assertCan(actor, "dossier.write");
  const { ids } = parseInput(bulkSelectionSchema, input);
  const date = todayIso(now);
  return runBulk(actor, {
    ids,
    action: "bulk.infringement.open",
    denied: "event.create.denied",
    precheck: async (tx, found) => {
      const late = await onWorklist(tx, actor, "niet-aangemeld", [...found.keys()], now);
      return (id) => (late.has(id) ? undefined : "worklists.notLate");
    },
    each: async (tx, id) => {
      const e = await recordTrackEventIn(tx, actor, id, { type: "INFRINGEMENT", date, infringementType: "NIET_TIJDIG_AANGEMELD", confirmWarnings: [] });
      return { newcomerId: id, eventId: e.id };
    },
    after: { infringementType: "NIET_TIJDIG_AANGEMELD", date },
  });
}

/** Moves every selected newcomer to one office (the single move's rules, moveNewcomerIn). */
export async function bulkMoveNewcomers(actor: Actor, input: unknown) {
  assertCan(actor, "dossier.write");
  const v = parseInput(bulkMoveSchema, input);
  return runBulk(actor, {
    ids: v.ids,
    action: "bulk.newcomer.move",
    denied: "newcomer.move.denied",
    each: async (tx, id, version) => {
      const before = await tx.newcomer.findUniqueOrThrow({ where: { id }, select: { officeCode: true } });
      const moved = await moveNewcomerIn(tx, actor, id, { officeCode: v.officeCode, version, reason: v.reason });
      return { newcomerId: id, from: before.officeCode, to: moved.officeCode };
    },
    after: { officeCode: v.officeCode },
    reason: v.reason ?? null,
  });
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
  return runBulk(actor, {
    ids,
    action: "bulk.dvz.advice",
    denied: "dvz.advice.create.denied",
    each: async (tx, id) => {
      const a = await generateDvzAdviceIn(tx, actor, id, date);
      return { newcomerId: id, adviceId: a.id, contractSigned: a.contractSigned, attestationObtained: a.attestationObtained };
    },
    after: { date },
  });
}
