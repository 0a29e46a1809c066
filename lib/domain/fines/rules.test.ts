import { describe, expect, it } from "vitest";
// The rules return message keys; these tests check the Dutch text they stand for (unchanged).
import { renderMessage } from "@/lib/i18n/message";
import * as rules from "./rules";
import { initialDecisionStatus, isFineAmountInRange, isReminderDue, reminderDueOn } from "./rules";

const decisionDateProblem = (...a: Parameters<typeof rules.decisionDateProblem>) => {
  const p = rules.decisionDateProblem(...a);
  return p === null ? null : renderMessage(p);
};

describe("fine rules", () => {
  it("accepts whole amounts from 50 to 5000 EUR only", () => {
    expect([50, 75, 1000, 5000].map(isFineAmountInRange)).toEqual([true, true, true, true]);
    expect([49, 5001, 75.5, 0].map(isFineAmountInRange)).toEqual([false, false, false, false]);
  });
  it("makes a fine above 1000 EUR wait for a second admin, not one of exactly 1000", () => {
    expect(initialDecisionStatus("BOETE", 1001)).toBe("AWAITING_CONFIRMATION");
    expect(initialDecisionStatus("BOETE", 1000)).toBe("FINAL");
    expect(initialDecisionStatus("GEEN_BOETE", null)).toBe("FINAL");
  });
  it("refuses a decision date in the future, before the dossier, or before the corrected decision", () => {
    const ctx = { receivedOn: "2024-03-10", today: "2024-05-01" };
    expect(decisionDateProblem("2024-05-02", ctx)).toMatch(/toekomst/);
    expect(decisionDateProblem("2024-03-09", ctx)).toMatch(/vóór de ontvangst/);
    expect(decisionDateProblem("2024-03-10", ctx)).toBeNull();
    expect(decisionDateProblem("2024-04-01", { ...ctx, correctsDecidedOn: "2024-04-02" })).toMatch(/correctie/);
  });
  it("makes a reminder due one month after the decision while the fine is open", () => {
    expect(reminderDueOn("2024-01-31")).toBe("2024-02-29");
    expect(reminderDueOn("2024-12-15")).toBe("2025-01-15");
    expect(isReminderDue({ decidedOn: "2024-01-15", paymentStatus: "OPEN" }, "2024-02-14")).toBe(false);
    expect(isReminderDue({ decidedOn: "2024-01-15", paymentStatus: "OPEN" }, "2024-02-15")).toBe(true);
    expect(isReminderDue({ decidedOn: "2024-01-15", paymentStatus: "BETAALD" }, "2024-06-01")).toBe(false);
  });
});
