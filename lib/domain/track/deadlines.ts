// The deadlines of the track and of fine follow-up: the one rules file the worklists
// (lib/server/worklists) and the fine queue read. Pure. Dates are ISO calendar dates (YYYY-MM-DD).
//
// Legal sources: the Flemish decree of 7 June 2013 on the Flemish integration and civic-integration
// policy (inburgeringsdecreet), as amended by the decree of 26 April 2019 (the new civic-integration
// track, in force for tracks from 1 March 2022), and its implementing order (uitvoeringsbesluit,
// BVR of 29 January 2016, amended for 1 March 2022). The months below are the ones the agencies
// work with (issue 14); the attestation term is the one the law changed: a contract signed before
// RULE_CHANGE_DATE had to be completed within 12 months, one signed from that date within 24.
// ASSUMPTION to confirm with the domain owner: the 12-month term before 1 March 2022.
import { RULE_CHANGE_DATE } from "@/lib/domain/fines/infringement-decree";

/** A term in months that applies to a clock started on a date in [from, to) (null: unbounded). */
export interface DeadlineRule {
  from: string | null;
  to: string | null;
  months: number;
}

/** An obliged newcomer registers within 3 months of the (first) invitation to the intake interview. */
export const REGISTRATION_AFTER_INVITATION_MONTHS = 3;
/** The integration contract is signed within 2 months of the (first) registration. */
export const CONTRACT_AFTER_REGISTRATION_MONTHS = 2;
/** The attestation, counted from the (first) contract: 12 months before 1 March 2022 (assumption, see above). */
export const ATTESTATION_AFTER_CONTRACT_MONTHS_BEFORE_2022 = 12;
/** The attestation, counted from the (first) contract signed from 1 March 2022: 24 months. */
export const ATTESTATION_AFTER_CONTRACT_MONTHS = 24;
/** A payment reminder is due this many months after a final fine still open (lib/domain/fines/rules.ts re-exports it). */
export const REMINDER_AFTER_MONTHS = 1;
/** A fine still unpaid this many months after its reminder is handed to the Flemish tax service. */
export const TAX_HANDOVER_AFTER_REMINDER_MONTHS = 1;

export const DEADLINES = {
  registration: [{ from: null, to: null, months: REGISTRATION_AFTER_INVITATION_MONTHS }],
  contract: [{ from: null, to: null, months: CONTRACT_AFTER_REGISTRATION_MONTHS }],
  attestation: [
    { from: null, to: RULE_CHANGE_DATE, months: ATTESTATION_AFTER_CONTRACT_MONTHS_BEFORE_2022 },
    { from: RULE_CHANGE_DATE, to: null, months: ATTESTATION_AFTER_CONTRACT_MONTHS },
  ],
  reminder: [{ from: null, to: null, months: REMINDER_AFTER_MONTHS }],
  taxHandover: [{ from: null, to: null, months: TAX_HANDOVER_AFTER_REMINDER_MONTHS }],
} as const satisfies Record<string, readonly DeadlineRule[]>;

export type DeadlineKind = keyof typeof DEADLINES;

const DAY_MS = 86_400_000;
const parse = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const fmt = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const addDays = (iso: string, days: number) => fmt(parse(iso) + days * DAY_MS);

/** `iso` plus `months` calendar months, clamped to the month's end (31 January + 1 month = 28/29 February). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, lastDay));
  return first.toISOString().slice(0, 10);
}

/** The rule of a clock started on `start`. */
export function deadlineRule(kind: DeadlineKind, start: string): DeadlineRule {
  const rule = (DEADLINES[kind] as readonly DeadlineRule[]).find((r) => (r.from === null || start >= r.from) && (r.to === null || start < r.to));
  if (!rule) throw new Error(`no ${kind} deadline for ${start}`);
  return rule;
}

/** The last day the obligation may still be met: the deadline day itself is in time. */
export const deadlineOn = (kind: DeadlineKind, start: string) => addMonths(start, deadlineRule(kind, start).months);

/** Overdue on `today`: the deadline day has passed. */
export const isOverdue = (kind: DeadlineKind, start: string, today: string) => deadlineOn(kind, start) < today;

/** The latest start date whose `months`-month term has passed on `today` (addMonths is monotone, so that is a prefix). */
export function latestOverdueStart(months: number, today: string): string {
  let d = addMonths(today, -months);
  while (addMonths(d, months) >= today) d = addDays(d, -1);
  while (addMonths(addDays(d, 1), months) < today) d = addDays(d, 1);
  return d;
}

/**
 * The start dates that are overdue on `today`, per rule: start in [from, to) and start <= latestStart.
 * The SQL of a worklist turns each into a date range, so an index on the date serves it.
 */
export function overdueStartRanges(kind: DeadlineKind, today: string): { from: string | null; to: string | null; latestStart: string }[] {
  return (DEADLINES[kind] as readonly DeadlineRule[]).map((r) => ({ from: r.from, to: r.to, latestStart: latestOverdueStart(r.months, today) }));
}
