// A report read in English: the same figures and order, closed lists' values and the headers
// from messages/en; data (offices) as recorded; Dutch exactly as before.
import { describe, expect, it } from "vitest";
import { localizeReportRows } from "./definitions";
import { reportToCsv } from "./export-csv";
import { shapeReport } from "./run-report";

const report = shapeReport("infringements", ["decision", "office"], 2021, 2022, "2023-01-15", [
  { k1: "BOETE", k2: "ATLAS", l1: null, l2: "Atlas", year: 2021, value: 3 },
  { k1: "IN_BEHANDELING", k2: "ATLAS", l1: null, l2: "Atlas", year: 2022, value: 2 },
]);

describe("a report in English", () => {
  it("translates the values of closed lists and keeps the data", () => {
    expect(localizeReportRows(report, "en").rows.map((r) => r.labels)).toEqual([
      ["fine", "Atlas"],
      ["being processed", "Atlas"],
    ]);
    expect(localizeReportRows(report, "nl")).toBe(report);
  });
  it("writes the CSV headers and the total line in the reader's language", () => {
    expect(reportToCsv(report, undefined, "en").split("\r\n").slice(0, 4)).toEqual([
      "decision;office;2021;2022;total",
      "fine;Atlas;3;0;3",
      "being processed;Atlas;0;2;2",
      "Total;;3;2;5",
    ]);
    expect(reportToCsv(report).split("\r\n").slice(0, 4)).toEqual([
      "besluit;kantoor;2021;2022;totaal",
      "boete;Atlas;3;0;3",
      "in behandeling;Atlas;0;2;2",
      "Totaal;;3;2;5",
    ]);
  });
});
