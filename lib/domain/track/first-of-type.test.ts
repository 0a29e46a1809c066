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
