import { describe, expect, it } from "vitest";
import { shapeReport } from "./run-report";
import { buildReportQuery } from "./sql";

describe("shapeReport", () => {
  it("orders rows by the code list, leaves out all-zero rows and totals the rows", () => {
    const r = shapeReport("fines", ["amount"], 2021, 2022, "2023-01-15", [
      { k1: "ONBEKEND", l1: null, year: 2022, value: "2" },
      { k1: "375", l1: null, year: 2021, value: 4n },
      { k1: "75", l1: null, year: 2022, value: 1 },
      { k1: "50", l1: null, year: 2022, value: 0 },
    ]);
    expect(r.rows.map((x) => x.keys[0])).toEqual(["75", "375", "ONBEKEND"]);
    expect(r.rows[1]).toEqual({ keys: ["375"], labels: [expect.stringMatching(/^€\s375$/)], values: { "2021": 4, "2022": 0 }, total: 4 });
    expect(r.totals).toEqual({ values: { "2021": 4, "2022": 3 }, total: 7 });
  });
});

describe("buildReportQuery", () => {
  it("passes every value as a parameter and filters the agency when asked", () => {
    const q = buildReportQuery({ measure: "contracts", by: ["office", "gender"], from: 2020, to: 2022, asOf: "2023-01-15", agency: "ATLAS'--" });
    expect(q.values).toEqual(["CONTRACT", "2020-01-01", "2022-12-31", "2023-01-15", "ATLAS'--"]);
    expect(q.text).not.toContain("ATLAS'--");
    expect(q.text).toContain("e.is_first_of_type");
    expect(q.text).toMatch(/GROUP BY 1, 2, 3/);
  });
});
