import { describe, expect, it } from "vitest";
import { parseReportParams } from "./report-params.schema";
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

describe("buildReportQuery as recorded on an instant", () => {
  const base = { measure: "fines" as const, from: 2020, to: 2022, asOf: "2023-01-15", agency: null };

  it("reads only current facts, and no knowledge branch, without recordedOn", () => {
    const q = buildReportQuery({ ...base, by: ["office"] });
    expect(q.text).toContain("f.recorded_to IS NULL");
    expect(q.text).not.toContain("recorded_from");
    expect(q.values).toHaveLength(8);
  });

  it("adds the facts changed since T, signed, with T as a parameter", () => {
    const q = buildReportQuery({ ...base, by: ["office"], recordedOn: "2023-01-15T18:00:00.000Z" });
    expect(q.values.at(-1)).toBe("2023-01-15T18:00:00.000Z");
    expect(q.text).toContain(
      "(f.recorded_to IS NULL AND f.recorded_from > $9::timestamptz) OR (f.recorded_to > $9::timestamptz AND f.recorded_from <= $9::timestamptz)",
    );
    expect(q.text).toContain("CASE WHEN f.recorded_to IS NULL THEN -1 ELSE 1 END");
    expect(buildReportQuery({ ...base, by: ["office"], agency: "ATLAS", recordedOn: "2023-01-15T18:00:00.000Z" }).text).toContain("$10::timestamptz");
  });

  it("validates the instant and keeps it in UTC", () => {
    expect(parseReportParams({ ...base, by: ["office"], recordedOn: "2023-01-15T19:00+01:00" }).recordedOn).toBe("2023-01-15T18:00:00.000Z");
    expect(parseReportParams({ ...base, by: ["office"] }).recordedOn).toBeNull();
    expect(() => parseReportParams({ ...base, by: ["office"], recordedOn: "morgen" })).toThrow();
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
