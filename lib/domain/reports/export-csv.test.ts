// The report CSV goes through the one CSV writer: a label a spreadsheet would run (an office name
// maintained by users) is guarded, a label with the separator or a line break stays one field.
import { describe, expect, it } from "vitest";
import { reportToCsv } from "./export-csv";
import { shapeReport } from "./run-report";

describe("reportToCsv", () => {
  it("guards formula-like labels and quotes separators and line breaks", () => {
    const report = shapeReport("infringements", ["office"], 2022, 2022, "2023-01-15", [
      { k1: "A", l1: '=HYPERLINK("http://x")', year: 2022, value: 1 },
      { k1: "B", l1: "Gent; centrum", year: 2022, value: 2 },
      { k1: "C", l1: "Brugge\nnoord", year: 2022, value: 3 },
    ]);
    expect(reportToCsv(report)).toBe('kantoor;2022;totaal\r\n"\'=HYPERLINK(""http://x"")";1;1\r\n"Brugge\nnoord";3;3\r\n"Gent; centrum";2;2\r\nTotaal;6;6\r\n');
  });
});
