import "server-only";
// Recording, correcting and cancelling a step of a newcomer's track. Every record carries the
// classification (office, agency, nationality, group, residence status, target group, gender)
// taken from the newcomer at that moment unless given. Staff never delete a record: they cancel
// it with a reason. Each change is one transaction with its audit entry; the newcomer's row is
// locked so that two users recording at once cannot break the order of the steps together.
import type { InfringementTypeCode, TargetGroupCode } from "@/lib/domain/codes";
import { futureDateProblem, infringementTypeProblem, stepOrderProblem, stepOrderWarningOf, trackOrderProblem } from "@/lib/domain/track/track-rules";
import { todayIso } from "@/lib/i18n/format";
import { newcomerScope } from "@/lib/server/access/scope";
import { assertCan, type Actor } from "@/lib/server/auth/actor";
import { recordAudit } from "@/lib/server/audit/audit";
import { db } from "@/lib/server/db";
import { ConfirmationRequiredError, ConflictError, NotFoundError, ValidationError } from "@/lib/server/errors";
import { checkClassificationCodes, nationalityOf, officeByCode } from "@/lib/server/dossiers/reference-checks";
import { fieldErrorsOf, isUuid } from "@/lib/domain/kit";
import { findNewcomerInScope } from "@/lib/server/dossiers/scoped-newcomer";
import { cancelEventSchema, correctEventSchema, eventDateErrors, RECORDABLE_TYPES, type RecordEventInput, recordEventSchema } from "./event.schema";
import { typedCodes } from "./newcomer.schema";
import type { Tx } from "@/lib/server/kit/tx";
import { deniedWrite, newcomerOfEvent } from "@/lib/server/access/denied";
import { asMsg, msg, renderMessage, type MsgLike } from "@/lib/i18n/message";
import { parseInput } from "@/lib/server/kit/parse-input";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);

async function activeSteps(tx: Tx, newcomerId: string, exceptId?: string) {
  const rows = await tx.trackEvent.findMany({
    where: { newcomerId, cancelledAt: null, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true, type: true, date: true },
  });
  return rows.map((r) => ({ id: r.id, type: r.type, date: iso(r.date) }));
}

/** A correction or cancellation in the audit log: the record before and after, and the reason. */
function auditEventChange(
  tx: Tx,
  actor: Actor,
  action: "event.correct" | "event.cancel",
  before: Parameters<typeof eventAudit>[0] & { newcomerId: string },
  after: Parameters<typeof eventAudit>[0],
  reason: string,
) {
  return recordAudit(tx, actor, {
    action,
    entityType: "track_event",
    entityId: before.id,
    newcomerId: before.newcomerId,
    agencyCode: before.agencyCode,
    before: eventAudit(before),
    after: eventAudit(after),
    reason,
  });
}

function eventAudit(e: {
  id: string;
  type: string;
  date: Date;
  officeCode: string;
  agencyCode: string;
  nationalityCode: string;
  nationalityGroup: string;
  residenceStatusCode: string;
  targetGroup: string;
  gender: string;
  infringementType: string | null;
  note: string | null;
  version: number;
  cancelReason?: string | null;
}) {
  return {
    id: e.id,
    type: e.type,
    date: iso(e.date),
    officeCode: e.officeCode,
    agencyCode: e.agencyCode,
    nationalityCode: e.nationalityCode,
    nationalityGroup: e.nationalityGroup,
    residenceStatusCode: e.residenceStatusCode,
    targetGroup: e.targetGroup,
    gender: e.gender,
    infringementType: e.infringementType,
    note: e.note,
    version: e.version,
    ...(e.cancelReason ? { cancelReason: e.cancelReason } : {}),
  };
}

export async function recordTrackEvent(actor: Actor, newcomerId: string, input: unknown) {
  assertCan(actor, "dossier.write");
  const parsed = recordEventSchema.safeParse(input);
  if (!parsed.success) {
    // every error at once: the code lists as typed and the date rule with zod's field errors
    const codes = await checkClassificationCodes(db, typedCodes(input));
    throw new ValidationError({ ...codes, ...eventDateErrors(input), ...fieldErrorsOf(parsed.error.issues) });
  }
  const v = parsed.data;
  return db
    .$transaction((tx) => recordTrackEventIn(tx, actor, newcomerId, v))
    .catch(deniedWrite(actor, "event.create.denied", { entityType: "newcomer", entityId: newcomerId, newcomerId }));
}

/**
 * The same in the caller's transaction (the bulk actions of lib/server/worklists: all of a
 * selection or nothing). The input is already parsed; the caller checked dossier.write.
 */
export async function recordTrackEventIn(tx: Tx, actor: Actor, newcomerId: string, v: RecordEventInput) {
  const n = await findNewcomerInScope(tx, actor, newcomerId, { lock: true });
  const errors: Record<string, MsgLike> = await checkClassificationCodes(tx, v);
  // the record's office: the newcomer's, or another office of the same agency when given
  let officeCode = n.officeCode;
  if (v.officeCode !== undefined) {
    const office = await officeByCode(tx, v.officeCode);
    if (!office || office.agencyCode !== n.agencyCode) errors.officeCode = "track.officeOfAgency";
    else officeCode = office.code;
  }
  const targetGroup: TargetGroupCode = v.targetGroup ?? n.targetGroup;
  const future = futureDateProblem(v.date, todayIso());
  let warning: ReturnType<typeof stepOrderWarningOf> = null;
  if (future) errors.date = future;
  else {
    const steps = await activeSteps(tx, n.id);
    const order = stepOrderProblem(v.type, v.date, steps);
    if (order) errors.date = order;
    warning = stepOrderWarningOf(v.type, v.date, steps);
  }
  if (v.type === "INFRINGEMENT") {
    const problem = infringementTypeProblem(v.infringementType, v.date, targetGroup);
    if (problem) errors.infringementType = problem;
  }
  if (Object.keys(errors).length) throw new ValidationError(errors);
  // a step out of the usual order is saved only once the user confirmed exactly this warning
  if (warning && !v.confirmWarnings.includes(warning.code)) throw new ConfirmationRequiredError({ date: warning.reason }, [warning.code]);
  const nationalityCode = v.nationalityCode ?? n.nationalityCode;
  const nationalityGroup = v.nationalityGroup ?? (v.nationalityCode ? (await nationalityOf(tx, v.nationalityCode))!.group : n.nationalityGroup);
  const event = await tx.trackEvent.create({
    data: {
      newcomerId: n.id,
      type: v.type,
      date: day(v.date),
      officeCode,
      agencyCode: n.agencyCode,
      nationalityCode,
      nationalityGroup,
      residenceStatusCode: v.residenceStatusCode ?? n.residenceStatusCode,
      targetGroup,
      gender: n.gender,
      infringementType: v.type === "INFRINGEMENT" ? v.infringementType : null,
      note: v.note ?? null,
      recordedById: actor.userId,
    },
  });
  await recordAudit(tx, actor, {
    action: "event.create",
    entityType: "track_event",
    entityId: event.id,
    newcomerId: n.id,
    agencyCode: n.agencyCode,
    // the confirmation of a warning is part of the record's audit: which one, and its words
    after: warning ? { ...eventAudit(event), confirmedWarnings: [warning.code] } : eventAudit(event),
    reason: warning ? renderMessage(msg("track.warningConfirmed", { warnings: asMsg(warning.reason) })) : null,
  });
  return event;
}

/** Loads a record the actor may change (through its newcomer's scope) and locks its newcomer. */
async function findEventInScope(tx: Tx, actor: Actor, eventId: string) {
  if (!isUuid(eventId)) throw new NotFoundError();
  const event = await tx.trackEvent.findFirst({ where: { id: eventId, newcomer: newcomerScope(actor) } });
  if (!event) throw new NotFoundError();
  await findNewcomerInScope(tx, actor, event.newcomerId, { lock: true });
  if (!(RECORDABLE_TYPES as readonly string[]).includes(event.type)) throw new NotFoundError();
  return event;
}

/** Corrects the date, note or infringement type of a record, with a reason. */
export async function correctTrackEvent(actor: Actor, eventId: string, input: unknown) {
  assertCan(actor, "dossier.write");
  const parsed = correctEventSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError({ ...eventDateErrors(input), ...fieldErrorsOf(parsed.error.issues) });
  const v = parsed.data;
  return db
    .$transaction(async (tx) => {
      const before = await findEventInScope(tx, actor, eventId);
      if (before.version !== v.version) throw new ConflictError("track.recordConflict");
      if (before.cancelledAt) throw new ValidationError({ reason: "track.cancelledNoCorrection" });
      const errors: Record<string, MsgLike> = {};
      const future = futureDateProblem(v.date, todayIso());
      if (future) errors.date = future;
      else {
        const after = [...(await activeSteps(tx, before.newcomerId, before.id)), { id: before.id, type: before.type, date: v.date }];
        const order = trackOrderProblem(after);
        if (order) errors.date = order.reason;
      }
      const infringementType = before.type === "INFRINGEMENT" ? ((v.infringementType ?? before.infringementType) as InfringementTypeCode) : null;
      if (infringementType) {
        const problem = infringementTypeProblem(infringementType, v.date, before.targetGroup);
        if (problem) errors.infringementType = problem;
      }
      if (Object.keys(errors).length) throw new ValidationError(errors);
      const updated = await tx.trackEvent.update({
        where: { id: before.id, version: v.version },
        data: { date: day(v.date), note: v.note ?? null, infringementType, version: { increment: 1 } },
      });
      await auditEventChange(tx, actor, "event.correct", before, updated, v.reason);
      return updated;
    })
    .catch(deniedWrite(actor, "event.correct.denied", { entityType: "track_event", entityId: eventId, newcomerId: newcomerOfEvent(eventId) }));
}

/** Cancels a record with a reason; it stays visible (struck through) and no longer counts. */
export async function cancelTrackEvent(actor: Actor, eventId: string, input: unknown) {
  assertCan(actor, "dossier.write");
  const parsed = parseInput(cancelEventSchema, input);
  const v = parsed;
  return db
    .$transaction(async (tx) => {
      const before = await findEventInScope(tx, actor, eventId);
      if (before.version !== v.version) throw new ConflictError("track.recordConflict");
      if (before.cancelledAt) throw new ValidationError({ reason: "track.alreadyCancelled" });
      const order = trackOrderProblem(await activeSteps(tx, before.newcomerId, before.id));
      if (order) throw new ValidationError({ reason: msg("track.cancelBlocked", { reason: asMsg(order.reason) }) });
      const updated = await tx.trackEvent.update({
        where: { id: before.id, version: v.version },
        data: { cancelledAt: new Date(), cancelReason: v.reason, cancelledById: actor.userId, version: { increment: 1 } },
      });
      await auditEventChange(tx, actor, "event.cancel", before, updated, v.reason);
      return updated;
    })
    .catch(deniedWrite(actor, "event.cancel.denied", { entityType: "track_event", entityId: eventId, newcomerId: newcomerOfEvent(eventId) }));
}
