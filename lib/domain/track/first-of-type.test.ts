import { describe, expect, it } from "vitest";
import { firstOfTypeFlags } from "./first-of-type";

describe("firstOfTypeFlags", () => {
  it("marks the earliest event of each type, whatever the order in the file", () => {
    const events = [
      { type: "CONTRACT", date: "2021-05-02" },
      { type: "EXTRACTION", date: "2020-01-10" },
      { type: "CONTRACT", date: "2020-03-02" },
    ];
    expect(firstOfTypeFlags(events, ["a", "b", "c"])).toEqual([false, true, true]);
  });

  it("breaks a tie on the date by the smallest id, as the database trigger does", () => {
    const events = [
      { type: "CONTRACT", date: "2020-03-02" },
      { type: "CONTRACT", date: "2020-03-02" },
    ];
    expect(firstOfTypeFlags(events, ["f0", "0a"])).toEqual([false, true]);
    expect(firstOfTypeFlags(events, ["0a", "f0"])).toEqual([true, false]);
  });
});

describe("firstOfTypeFlags in the trigger's full order", () => {
  it("puts cancelled events last, then orders by date, created_at and id", () => {
    const events = [
      { type: "CONTRACT", date: "2020-01-01", cancelled: true },
      { type: "CONTRACT", date: "2020-03-02", createdAt: new Date("2020-03-02T10:00:00Z") },
      { type: "CONTRACT", date: "2020-03-02", createdAt: new Date("2020-03-02T09:00:00Z") },
    ];
    expect(firstOfTypeFlags(events, ["0", "1", "f"])).toEqual([false, false, true]);
    expect(firstOfTypeFlags([events[0]!], ["0"])).toEqual([false]);
  });
});
