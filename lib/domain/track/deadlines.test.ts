import { describe, expect, it } from "vitest";
import { addMonths, deadlineOn, isOverdue, latestOverdueStart, overdueStartRanges } from "./deadlines";

describe("deadlines", () => {
  it("adds months clamped to the month's end", () => {
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2023-11-30", 3)).toBe("2024-02-29");
    expect(addMonths("2024-05-15", -3)).toBe("2024-02-15");
  });

  it("is overdue the day after the deadline, not on it", () => {
    expect(deadlineOn("registration", "2024-01-10")).toBe("2024-04-10");
    expect(isOverdue("registration", "2024-01-10", "2024-04-10")).toBe(false);
    expect(isOverdue("registration", "2024-01-10", "2024-04-11")).toBe(true);
  });

  it("counts the attestation term from the contract: 12 months before 1 March 2022, 24 from it", () => {
    expect(deadlineOn("attestation", "2022-02-28")).toBe("2023-02-28");
    expect(deadlineOn("attestation", "2022-03-01")).toBe("2024-03-01");
  });

  it("gives the latest overdue start that agrees with isOverdue on every day of a leap year", () => {
    for (let t = Date.parse("2024-01-01"); t < Date.parse("2025-03-01"); t += 86_400_000) {
      const today = new Date(t).toISOString().slice(0, 10);
      const latest = latestOverdueStart(3, today);
      expect(addMonths(latest, 3) < today).toBe(true);
      const next = new Date(Date.parse(latest) + 86_400_000).toISOString().slice(0, 10);
      expect(addMonths(next, 3) < today).toBe(false);
    }
  });

  it("gives one range per rule", () => {
    expect(overdueStartRanges("attestation", "2024-03-02")).toEqual([
      { from: null, to: "2022-03-01", latestStart: "2023-03-01" },
      { from: "2022-03-01", to: null, latestStart: "2022-03-01" },
    ]);
  });
});
