// Pure rules of a newcomer's track: the order of the steps, dates that may not lie in the
// future, and which infringement types exist on a date for a target group (rules of 2022-03-01).
// Reasons are message keys (messages/<locale>/errors.json), told in the user's language at the edge.
import type { InfringementTypeCode, TargetGroupCode } from "@/lib/domain/codes";
import { msg, type MsgLike } from "@/lib/i18n/message";

export type TrackEventTypeCode = "EXTRACTION" | "INVITATION" | "REGISTRATION" | "CONTRACT" | "ATTESTATION" | "INFRINGEMENT" | "DVZ_ADVICE";

/** The day the new infringement rules took effect. */
export const RULE_CHANGE_DATE = "2022-03-01";

/** The steps of the track in order; the furthest one reached is the track's status. */
export const TRACK_STEPS = ["EXTRACTION", "INVITATION", "REGISTRATION", "CONTRACT", "ATTESTATION"] as const;
export type TrackStep = (typeof TRACK_STEPS)[number];

const ABOLISHED_ON_RULE_CHANGE: InfringementTypeCode[] = ["ONRECHTMATIG_VROEGTIJDIG_BEEINDIGD"];
const INTRODUCED_ON_RULE_CHANGE: InfringementTypeCode[] = ["NIET_REGELMATIG_DEELGENOMEN", "NIET_TIJDIG_AANGEMELD_NA_OPSCHORTING"];
const ALWAYS: InfringementTypeCode[] = ["NIET_TIJDIG_AANGEMELD", "GEWEIGERD_TE_ONDERTEKENEN", "ONREGELMATIGE_DEELNAME", "NA_INBREUK_NIET_TIJDIG_AANGEMELD"];
/** Entitled (RECHT) newcomers have no obligations but one: not to end the track unlawfully. */
const FOR_ENTITLED: InfringementTypeCode[] = ["ONRECHTMATIG_VROEGTIJDIG_BEEINDIGD"];

/** The infringement types that exist for a dossier received on `date` (YYYY-MM-DD). */
export function infringementTypesOn(date: string, targetGroup: TargetGroupCode): InfringementTypeCode[] {
  const newRules = date >= RULE_CHANGE_DATE;
  const existing = newRules ? [...ALWAYS, ...INTRODUCED_ON_RULE_CHANGE] : [...ALWAYS, ...ABOLISHED_ON_RULE_CHANGE];
  return targetGroup === "RECHT" ? existing.filter((t) => FOR_ENTITLED.includes(t)) : existing;
}

/** Why this infringement type cannot be recorded on that date for that target group, or null. */
export function infringementTypeProblem(type: InfringementTypeCode, date: string, targetGroup: TargetGroupCode): MsgLike | null {
  if (infringementTypesOn(date, targetGroup).includes(type)) return null;
  if (targetGroup === "RECHT" && !FOR_ENTITLED.includes(type)) {
    return "track.infringementOnlyEntitled";
  }
  if (ABOLISHED_ON_RULE_CHANGE.includes(type)) return "track.infringementAbolished";
  if (INTRODUCED_ON_RULE_CHANGE.includes(type)) return "track.infringementNotYet";
  return "track.infringementNotOnDate";
}

export interface DatedStep { type: TrackEventTypeCode; date: string }

/**
 * Why a step of this type cannot be recorded on `date` given the newcomer's other (active)
 * records, or null: a contract needs a registration on or before its date, an attestation a
 * contract on or before its date.
 */
export function stepOrderProblem(type: TrackEventTypeCode, date: string, others: readonly DatedStep[]): MsgLike | null {
  const earliest = (t: TrackEventTypeCode) => others.filter((e) => e.type === t).map((e) => e.date).sort()[0];
  if (type === "CONTRACT") {
    const reg = earliest("REGISTRATION");
    if (!reg) return "track.contractNeedsRegistration";
    if (date < reg) return msg("track.contractBeforeRegistration", { date: dmy(reg) });
  }
  if (type === "ATTESTATION") {
    const contract = earliest("CONTRACT");
    if (!contract) return "track.attestationNeedsContract";
    if (date < contract) return msg("track.attestationBeforeContract", { date: dmy(contract) });
  }
  return null;
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
    const reason = stepOrderProblem(e.type, e.date, events.filter((o) => o.id !== e.id));
    if (reason) return { id: e.id, reason };
  }
  return null;
}
