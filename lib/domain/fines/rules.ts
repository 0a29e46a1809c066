// Pure rules of fine decisions: the amount range, the four-eyes threshold, the decision date,
// and when a payment reminder is due. No I/O: the data layer and the forms share these.
import { codes, type DecisionCode } from "@/lib/domain/codes";
import type { MsgLike } from "@/lib/i18n/message";
import type { STANDING_STATUSES } from "./decision-state";
import { REMINDER_AFTER_MONTHS } from "@/lib/domain/track/deadlines";

export const FINE_MIN_EUR = codes.fineAmountRangeEur.min;
export const FINE_MAX_EUR = codes.fineAmountRangeEur.max;
/** The amounts seen in practice, offered as choices in the form (any amount in range is allowed). */
export const FINE_SUGGESTED_AMOUNTS_EUR: readonly number[] = codes.fineAmountRangeEur.seenAmounts;
/** A fine above this amount needs a second ADMIN to confirm it before it is final. */
export const FOUR_EYES_THRESHOLD_EUR = 1000;
/** A reminder is due this many months after the decision when the fine is still open (the term lives in track/deadlines.ts). */
export { REMINDER_AFTER_MONTHS };

export function isFineAmountInRange(amount: number): boolean {
  return Number.isInteger(amount) && amount >= FINE_MIN_EUR && amount <= FINE_MAX_EUR;
}

/** The status a new decision starts in: a fine above the threshold waits for a second admin. */
export function initialDecisionStatus(outcome: DecisionCode, amountEur: number | null): (typeof STANDING_STATUSES)[number] {
  return outcome === "BOETE" && amountEur !== null && amountEur > FOUR_EYES_THRESHOLD_EUR ? "AWAITING_CONFIRMATION" : "FINAL";
}

/**
 * Why a decision date is not acceptable, or null. Dates are ISO calendar dates (YYYY-MM-DD), so
 * string comparison is date comparison. A correction may not be dated before the decision it
 * corrects, or it would not be the latest one and the reports would keep the old one.
 */
export function decisionDateProblem(decidedOn: string, ctx: { receivedOn: string; today: string; correctsDecidedOn?: string | null }): MsgLike | null {
  if (decidedOn > ctx.today) return "fines.decisionFuture";
  if (decidedOn < ctx.receivedOn) return "fines.decisionBeforeReceived";
  if (ctx.correctsDecidedOn && decidedOn < ctx.correctsDecidedOn) return "fines.correctionBeforeCorrected";
  return null;
}

/** The date (YYYY-MM-DD) from which a reminder is due: one month after the decision, clamped to the month's end. */
export function reminderDueOn(decidedOn: string): string {
  const [y, m, d] = decidedOn.split("-").map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + REMINDER_AFTER_MONTHS, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

export function isReminderDue(fine: { decidedOn: string; paymentStatus: string | null }, today: string): boolean {
  return fine.paymentStatus === "OPEN" && reminderDueOn(fine.decidedOn) <= today;
}
