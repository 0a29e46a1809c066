import "server-only";
// The advice to the Immigration Office (DVZ): whether a contract was signed and an attestation
// obtained are read from the records (non-cancelled CONTRACT / ATTESTATION events on or before
// the advice's date), never typed. The advice is a DVZ_ADVICE track event that records the
// newcomer's classification like every event; DVZ's follow-up is recorded on it later.
import { todayIso } from "@/lib/i18n/format";
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

export async function generateDvzAdvice(actor: Actor, input: unknown, now = new Date()) {
  assertCan(actor, "dvz.advise");
  const parsed = parseInput(generateAdviceSchema, input);
  const date = parsed.date ?? todayIso(now);
  if (date > todayIso(now)) throw new ValidationError({ date: "dvz.adviceFuture" });
  return db
    .$transaction(async (tx) => {
      const n = await tx.newcomer.findFirst({ where: { AND: [{ id: parsed.newcomerId }, newcomerScope(actor)] } });
      if (!n) throw new NotFoundError("dvz.newcomerNotFound");
      const steps = await tx.trackEvent.findMany({
        where: { newcomerId: n.id, type: { in: ["CONTRACT", "ATTESTATION"] }, cancelledAt: null },
        select: { type: true, date: true },
      });
      const { contractSigned, attestationObtained } = adviceFactsOn(
        date,
        steps.map((e) => ({ type: e.type, date: isoOf(e.date) })),
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
    })
    .catch(
      deniedWrite(actor, "dvz.advice.create.denied", { entityType: "newcomer", entityId: String(parsed.newcomerId), newcomerId: String(parsed.newcomerId) }),
    );
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

/** The most recent advices (optionally of one newcomer), for the DVZ page. */
export async function listDvzAdvices(actor: Actor, opts: { newcomerId?: string } = {}) {
  assertCan(actor, "dvz.advise");
  const rows = await db.trackEvent.findMany({
    where: {
      type: "DVZ_ADVICE",
      cancelledAt: null,
      newcomer: newcomerScope(actor),
      ...(opts.newcomerId && isUuid(opts.newcomerId) ? { newcomerId: opts.newcomerId } : {}),
    },
    orderBy: [{ date: "desc" }, { createdAt: "desc" }],
    take: 50,
    select: {
      id: true,
      date: true,
      version: true,
      contractSigned: true,
      attestationObtained: true,
      dvzFollowUp: true,
      dvzFollowUpOn: true,
      newcomer: { select: { id: true, lastName: true, firstName: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    date: isoOf(r.date),
    version: r.version,
    contractSigned: r.contractSigned ?? false,
    attestationObtained: r.attestationObtained ?? false,
    followUp: r.dvzFollowUp ?? "ONBEKEND",
    followUpOn: r.dvzFollowUpOn ? isoOf(r.dvzFollowUpOn) : null,
    newcomer: { id: r.newcomer.id, name: `${r.newcomer.lastName} ${r.newcomer.firstName}` },
  }));
}
