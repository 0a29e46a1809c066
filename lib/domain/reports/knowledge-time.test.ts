import { describe, expect, it } from "vitest";
import { knowledgeTimeInputValue, parseKnowledgeTime } from "./knowledge-time";

describe("knowledge time (kennisdatum)", () => {
  it("reads an instant with its offset as that instant", () => {
    expect(parseKnowledgeTime("2023-01-15T18:00:00Z")).toBe("2023-01-15T18:00:00.000Z");
    expect(parseKnowledgeTime("2023-01-15T19:00+01:00")).toBe("2023-01-15T18:00:00.000Z");
  });

  it("reads a time without offset as Brussels time, winter and summer", () => {
    expect(parseKnowledgeTime("2023-01-15T18:00")).toBe("2023-01-15T17:00:00.000Z");
    expect(parseKnowledgeTime("2023-07-01T12:30:15")).toBe("2023-07-01T10:30:15.000Z");
  });

  it("refuses what is no instant", () => {
    for (const s of ["2023-02-30T10:00", "2023-01-15", "2023-01-15T24:00", "gisteren", "2023-01-15T18:00:00+25:00"]) expect(parseKnowledgeTime(s)).toBeNull();
  });

  it("gives back the Brussels time a date-time input shows", () => {
    expect(knowledgeTimeInputValue("2023-01-15T17:00:00.000Z")).toBe("2023-01-15T18:00");
    expect(knowledgeTimeInputValue(parseKnowledgeTime("2023-07-01T12:30")!)).toBe("2023-07-01T12:30");
  });
});
