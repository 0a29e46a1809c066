import "server-only";
// The advice to the Immigration Office (DVZ): whether a contract was signed and an attestation
// obtained are read from the records (non-cancelled CONTRACT / ATTESTATION events on or before
// the advice's date), never typed. The advice is a DVZ_ADVICE track event that records the
// newcomer's classification like every event; DVZ's follow-up is recorded on it later.
import { formatDate, todayIso } from "@/lib/i18n/format";
import { msg } from "@/lib/i18n/message";
import { newcomerScope } from "@/lib/server/access/scope";
import { assertCan, type Actor } from "@/lib/server/auth/actor";
import { recordAudit } from "@/lib/server/audit/audit";
import { db } from "@/lib/server/db";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/server/errors";
import { dateOf, isoOf, isUuid } from "@/lib/domain/kit";
import { adviceFactsOn } from "@/lib/domain/track/step-order";
import { followUpSchema, generateAdviceSchema } from "./dvz.schema";
import { deniedWrite, newcomerOfEvent } from "@/lib/server/access/denied";
import { parseInput } from "@/lib/server/kit/parse-input";
import { lockNewcomerForWrite } from "@/lib/server/dossiers/scoped-newcomer";
import type { Prisma } from "@/lib/generated/prisma/client";
import { normalizeSearchQuery } from "@/lib/domain/search-name";
import { maskNationalNumber } from "@/lib/domain/national-number";
import type { Tx } from "@/lib/server/kit/tx";

export async function generateDvzAdvice(actor: Actor, input: unknown, now = new Date()) {
  assertCan(actor, "dvz.advise");
  const parsed = parseInput(generateAdviceSchema, input);
  const date = parsed.date ?? todayIso(now);
  if (date > todayIso(now)) throw new ValidationError({ date: "dvz.adviceFuture" });
  return db
    .$transaction((tx) => generateDvzAdviceIn(tx, actor, parsed.newcomerId, date))
    .catch(
      deniedWrite(actor, "dvz.advice.create.denied", { entityType: "newcomer", entityId: String(parsed.newcomerId), newcomerId: String(parsed.newcomerId) }),
    );
}

/**
 * The one rule of an advice, in the caller's transaction (the single advice above, the bulk advice
 * of a selection in lib/server/worklists/bulk.ts): the newcomer within the actor's scope, no live
 * advice of the same date already (a second click, or a selection that holds someone advised that
 * day), contract and attestation read from the track on that date. `date` is checked by the caller.
 */
export async function generateDvzAdviceIn(tx: Prisma.TransactionClient, actor: Actor, newcomerId: string, date: string) {
  assertCan(actor, "dvz.advise");
  const n = await tx.newcomer.findFirst({ where: { AND: [{ id: newcomerId }, newcomerScope(actor)] } });
  if (!n) throw new NotFoundError("dvz.newcomerNotFound");
  // an anonymised dossier is frozen (issue 15): refused here, so the bulk advice refuses it too
  await lockNewcomerForWrite(tx, actor, n.id);
  const steps = await tx.trackEvent.findMany({
    where: { newcomerId: n.id, type: { in: ["CONTRACT", "ATTESTATION", "DVZ_ADVICE"] }, cancelledAt: null },
    select: { type: true, date: true },
  });
  if (steps.some((e) => e.type === "DVZ_ADVICE" && isoOf(e.date) === date)) throw new ConflictError(msg("dvz.adviceExists", { date: formatDate(date) }));
  const { contractSigned, attestationObtained } = adviceFactsOn(
    date,
    steps.filter((e) => e.type !== "DVZ_ADVICE").map((e) => ({ type: e.type, date: isoOf(e.date) })),
  );
  const advice = await tx.trackEvent.create({
    data: {
      newcomerId: n.id,
      type: "DVZ_ADVICE",
      date: dateOf(date),
      // the classification as it is today, recorded on the advice (reports read it from here)
      officeCode: n.officeCode,
      agencyCode: n.agencyCode,
      nationalityCode: n.nationalityCode,
      nationalityGroup: n.nationalityGroup,
      residenceStatusCode: n.residenceStatusCode,
      targetGroup: n.targetGroup,
      gender: n.gender,
      contractSigned,
      attestationObtained,
      dvzFollowUp: "ONBEKEND",
      recordedById: actor.userId,
    },
  });
  await recordAudit(tx, actor, {
    action: "dvz.advice.create",
    entityType: "track_event",
    entityId: advice.id,
    newcomerId: n.id,
    agencyCode: n.agencyCode,
    after: advice,
  });
  return advice;
}

export async function recordDvzFollowUp(actor: Actor, adviceId: string, input: unknown, now = new Date()) {
  assertCan(actor, "dvz.advise");
  const parsed = parseInput(followUpSchema, input);
  const { followUp, version } = parsed;
  const on = followUp === "ONBEKEND" ? null : (parsed.on ?? null);
  if (followUp !== "ONBEKEND" && !on) throw new ValidationError({ on: "dvz.followUpDate" });
  return db
    .$transaction(async (tx) => {
      const advice = isUuid(adviceId)
        ? await tx.trackEvent.findFirst({ where: { id: adviceId, type: "DVZ_ADVICE", cancelledAt: null, newcomer: newcomerScope(actor) } })
        : null;
      if (!advice) throw new NotFoundError("dvz.adviceNotFound");
      await lockNewcomerForWrite(tx, actor, advice.newcomerId);
      if (on && on > todayIso(now)) throw new ValidationError({ on: "form.dateFuture" });
      if (on && on < isoOf(advice.date)) throw new ValidationError({ on: "dvz.followUpBeforeAdvice" });
      const changed = await tx.trackEvent.updateMany({
        where: { id: advice.id, version },
        data: { dvzFollowUp: followUp, dvzFollowUpOn: on ? dateOf(on) : null, version: { increment: 1 } },
      });
      if (changed.count !== 1) throw new ConflictError();
      const after = await tx.trackEvent.findUniqueOrThrow({ where: { id: advice.id } });
      await recordAudit(tx, actor, {
        action: "dvz.followup.update",
        entityType: "track_event",
        entityId: advice.id,
        newcomerId: advice.newcomerId,
        agencyCode: advice.agencyCode,
        before: advice,
        after,
      });
      return after;
    })
    .catch(deniedWrite(actor, "dvz.followup.update.denied", { entityType: "track_event", entityId: adviceId, newcomerId: newcomerOfEvent(adviceId) }));
}

export const DVZ_ADVICE_PAGE_SIZE = 25;
export const DVZ_ADVICE_COLUMNS = ["datum", "naam"] as const;

export interface DvzAdviceListQuery {
  newcomerId?: string;
  name?: string;
  page?: number;
  sort?: (typeof DVZ_ADVICE_COLUMNS)[number];
  desc?: boolean;
}

/** The list's filter and order: the advices within the scope whose newcomer's name holds every word of `name`. */
function adviceListQuery(actor: Actor, opts: DvzAdviceListQuery) {
  const words = normalizeSearchQuery(opts.name ?? "")
    .split(" ")
    .filter(Boolean)
    .slice(0, 5);
  const where: Prisma.TrackEventWhereInput = {
    type: "DVZ_ADVICE",
    cancelledAt: null,
    newcomer: { AND: [newcomerScope(actor), ...words.map((w) => ({ searchName: { contains: w } }))] },
    ...(opts.newcomerId && isUuid(opts.newcomerId) ? { newcomerId: opts.newcomerId } : {}),
  };
  const dir = (opts.desc ?? opts.sort !== "naam") ? "desc" : "asc";
  const orderBy: Prisma.TrackEventOrderByWithRelationInput[] =
    opts.sort === "naam" ? [{ newcomer: { searchName: dir } }, { date: "desc" }, { id: dir }] : [{ date: dir }, { createdAt: dir }, { id: dir }];
  return { where, orderBy };
}

const adviceSelect = {
  id: true,
  date: true,
  version: true,
  contractSigned: true,
  attestationObtained: true,
  dvzFollowUp: true,
  dvzFollowUpOn: true,
  newcomer: { select: { id: true, lastName: true, firstName: true, nationalNumber: true } },
} as const satisfies Prisma.TrackEventSelect;

const adviceRow = (r: Prisma.TrackEventGetPayload<{ select: typeof adviceSelect }>) => ({
  id: r.id,
  date: isoOf(r.date),
  version: r.version,
  contractSigned: r.contractSigned ?? false,
  attestationObtained: r.attestationObtained ?? false,
  followUp: r.dvzFollowUp ?? "ONBEKEND",
  followUpOn: r.dvzFollowUpOn ? isoOf(r.dvzFollowUpOn) : null,
  newcomer: { id: r.newcomer.id, name: `${r.newcomer.lastName} ${r.newcomer.firstName}`, maskedNationalNumber: maskNationalNumber(r.newcomer.nationalNumber) },
});

/**
 * The advices (optionally of one newcomer, or whose newcomer's name holds every word of `name`),
 * one page with the true count, newest first unless sorted otherwise (issue 14: the page showed
 * the newest 50 of ~4,400 without saying so).
 */
export async function listDvzAdvices(actor: Actor, opts: DvzAdviceListQuery = {}) {
  assertCan(actor, "dvz.advise");
  const page = opts.page ?? 1;
  const { where, orderBy } = adviceListQuery(actor, opts);
  const [total, rows] = await Promise.all([
    db.trackEvent.count({ where }),
    db.trackEvent.findMany({ where, orderBy, skip: (page - 1) * DVZ_ADVICE_PAGE_SIZE, take: DVZ_ADVICE_PAGE_SIZE, select: adviceSelect }),
  ]);
  return { total, page, pageSize: DVZ_ADVICE_PAGE_SIZE, rows: rows.map(adviceRow) };
}

/** Every advice of the list in its order, up to `limit` (the export, lib/server/lists), in the caller's transaction. */
export async function allDvzAdvices(tx: Tx, actor: Actor, opts: DvzAdviceListQuery, limit: number) {
  assertCan(actor, "dvz.advise");
  const { where, orderBy } = adviceListQuery(actor, opts);
  return (await tx.trackEvent.findMany({ where, orderBy, take: limit, select: adviceSelect })).map(adviceRow);
}
