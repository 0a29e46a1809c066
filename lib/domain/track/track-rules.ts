// Pure rules of a newcomer's track: the order of the steps, dates that may not lie in the
// future, and the reasons a form gives when an infringement type does not exist on a date for a
// target group (the rule of 2022-03-01 itself: lib/domain/fines/infringement-decree.ts).
// Reasons are message keys (messages/<locale>/errors.json), told in the user's language at the edge.
import type { EventTypeCode, InfringementTypeCode, TargetGroupCode } from "@/lib/domain/codes";
import { infringementTypeBreaches } from "@/lib/domain/fines/infringement-decree";
import { msg, type MsgLike } from "@/lib/i18n/message";
import { earliestSteps, stepOrderBreach, stepOrderWarning } from "./step-order";

export type TrackEventTypeCode = EventTypeCode;

/** The steps of the track in order; the furthest one reached is the track's status. */
export const TRACK_STEPS = ["EXTRACTION", "INVITATION", "REGISTRATION", "CONTRACT", "ATTESTATION"] as const;
export type TrackStep = (typeof TRACK_STEPS)[number];

/** Why this infringement type cannot be recorded on that date for that target group, or null. */
export function infringementTypeProblem(type: InfringementTypeCode, date: string, targetGroup: TargetGroupCode): MsgLike | null {
  const breaches = infringementTypeBreaches(type, date, targetGroup);
  if (breaches.length === 0) return null;
  if (breaches.includes("ENTITLED_ONLY")) return "track.infringementOnlyEntitled";
  if (breaches.includes("ABOLISHED")) return "track.infringementAbolished";
  if (breaches.includes("NOT_YET")) return "track.infringementNotYet";
  return "track.infringementNotOnDate";
}

export interface DatedStep {
  type: TrackEventTypeCode;
  date: string;
}

/**
 * Why a step of this type cannot be recorded on `date` given the newcomer's other (active)
 * records, or null (the order itself: step-order.ts).
 */
export function stepOrderProblem(type: TrackEventTypeCode, date: string, others: readonly DatedStep[]): MsgLike | null {
  const breach = stepOrderBreach(type, date, earliestSteps(others));
  switch (breach?.kind) {
    case undefined:
      return null;
    case "NO_REGISTRATION":
      return "track.contractNeedsRegistration";
    case "BEFORE_REGISTRATION":
      return msg("track.contractBeforeRegistration", { date: dmy(breach.registration) });
    case "NO_CONTRACT":
      return "track.attestationNeedsContract";
    case "BEFORE_CONTRACT":
      return msg("track.attestationBeforeContract", { date: dmy(breach.contract) });
  }
}

/** A step out of the usual order that the user must confirm: a stable code (what a confirmation names) and the reason. */
export interface StepOrderWarningOf {
  code: "INVITATION_NO_EXTRACTION" | "INVITATION_BEFORE_EXTRACTION" | "REGISTRATION_NO_EXTRACTION" | "REGISTRATION_BEFORE_EXTRACTION";
  reason: MsgLike;
}

/**
 * The warning for a step of this type on `date` given the newcomer's other (active) records, or
 * null (the rule itself: stepOrderWarning in step-order.ts). Not an error: the form asks the user
 * to confirm, the import reports it and goes on.
 */
export function stepOrderWarningOf(type: TrackEventTypeCode, date: string, others: readonly DatedStep[]): StepOrderWarningOf | null {
  const warning = stepOrderWarning(type, date, earliestSteps(others));
  if (!warning) return null;
  const invitation = type === "INVITATION";
  if (warning.kind === "NO_EXTRACTION") {
    return invitation
      ? { code: "INVITATION_NO_EXTRACTION", reason: "track.invitationNoExtraction" }
      : { code: "REGISTRATION_NO_EXTRACTION", reason: "track.registrationNoExtraction" };
  }
  const reason = msg(invitation ? "track.invitationBeforeExtraction" : "track.registrationBeforeExtraction", { date: dmy(warning.extraction) });
  return { code: invitation ? "INVITATION_BEFORE_EXTRACTION" : "REGISTRATION_BEFORE_EXTRACTION", reason };
}

/** Dates of records may not lie after today (both YYYY-MM-DD). */
export function futureDateProblem(date: string, today: string): MsgLike | null {
  return date > today ? "track.futureDate" : null;
}

/** The furthest step of the track reached by these (active) records, or null when none. */
export function trackStatusOf(types: readonly TrackEventTypeCode[]): TrackStep | null {
  let best = -1;
  for (const t of types) best = Math.max(best, TRACK_STEPS.indexOf(t as TrackStep));
  return best < 0 ? null : TRACK_STEPS[best]!;
}

const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/**
 * The first broken order rule in a whole set of (active) records, or null: used after a
 * correction or a cancellation, which may pull the ground from under a later step.
 */
export function trackOrderProblem(events: readonly (DatedStep & { id: string })[]): { id: string; reason: MsgLike } | null {
  for (const e of events) {
    if (e.type !== "CONTRACT" && e.type !== "ATTESTATION") continue;
    const reason = stepOrderProblem(
      e.type,
      e.date,
      events.filter((o) => o.id !== e.id),
    );
    if (reason) return { id: e.id, reason };
  }
  return null;
}
