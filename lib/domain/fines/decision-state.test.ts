import { describe, expect, it } from "vitest";
import { dossierDecisionState, effectiveDecision, standingDecision } from "./decision-state";

const d = (id: string, status: string, decidedOn: string, createdAt: string, outcome = "BOETE") => ({ id, status, decidedOn, createdAt, outcome });

describe("effectiveDecision", () => {
  const list = [
    d("b", "FINAL", "2025-03-01", "2025-03-01T10:00:00Z"),
    d("a", "FINAL", "2025-03-01", "2025-03-01T10:00:00Z"),
    d("c", "FINAL", "2025-02-01", "2025-03-02T10:00:00Z"),
    d("z", "AWAITING_CONFIRMATION", "2025-04-01", "2025-04-01T10:00:00Z"),
  ];
  it("is the latest FINAL one by decision date, then recording time, then id", () => {
    expect(effectiveDecision(list)?.id).toBe("b");
  });
  it("as of a date only sees decisions taken on or before it", () => {
    expect(effectiveDecision(list, "2025-02-28")?.id).toBe("c");
    expect(effectiveDecision(list, "2025-01-31")).toBeNull();
  });
});

describe("standingDecision and the page state", () => {
  it("is the latest recorded one that was not rejected", () => {
    const list = [
      d("a", "FINAL", "2025-03-01", "2025-03-01T10:00:00Z"),
      d("b", "AWAITING_CONFIRMATION", "2025-03-02", "2025-03-02T10:00:00Z"),
      d("c", "REJECTED", "2025-03-03", "2025-03-03T10:00:00Z"),
    ];
    const standing = standingDecision(list);
    expect(standing?.id).toBe("b");
    expect(dossierDecisionState(standing, list)).toMatchObject({ awaiting: { id: "b" }, finalFine: null, hasFinal: true });
  });
});
