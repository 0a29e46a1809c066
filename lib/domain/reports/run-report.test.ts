import { describe, expect, it } from "vitest";
import { shapeReport } from "./run-report";
import { buildReportQuery, countGrain } from "./sql";

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
    expect(q.values).toEqual(["CONTRACT", 2020, 2022, "2023-01-15", 2023, "2023-01-01", "2023-12-31", 3, "ATLAS'--"]);
    expect(q.text).not.toContain("ATLAS'--");
    expect(q.text).toContain("c.agency_code = $9");
    expect(q.text).toContain("f.agency_code = $9");
  });

  it("sums report_count before the as-of year and counts report_fact within it", () => {
    const q = buildReportQuery({ measure: "fine_amount_eur", by: ["nationality"], from: 2019, to: 2022, asOf: "2022-06-30", agency: null });
    expect(q.values.slice(3, 8)).toEqual(["2022-06-30", 2022, "2022-01-01", "2022-12-31", 1]);
    expect(q.text).toMatch(/FROM report_count c WHERE c\.grain = \$8::smallint .*c\.from_year < \$5::int AND \(c\.to_year IS NULL OR c\.to_year > \$5::int\)/s);
    expect(q.text).toMatch(/FROM report_fact f WHERE .*f\.valid_from <= \$4::date AND \(f\.valid_to IS NULL OR f\.valid_to > \$4::date\)/s);
    expect(q.text).toContain("c.n * COALESCE(c.amount_eur, 0)");
    expect(q.text).toContain("c.state = 'BOETE'");
  });
});

describe("countGrain", () => {
  it("reads the coarsest grain that still has the columns of the dimensions", () => {
    expect(countGrain(["agency", "registered"])).toBe(3);
    expect(countGrain(["nationality", "gender"])).toBe(1);
    expect(countGrain(["residence_status"])).toBe(2);
    expect(countGrain(["nationality", "residence_status"])).toBe(0);
  });
});
