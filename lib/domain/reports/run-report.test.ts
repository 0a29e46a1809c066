import { describe, expect, it } from "vitest";
import { parseReportParams } from "./report-params.schema";
import { shapeReport } from "./run-report";
import { asOfWindow, buildReportQuery, countGrain } from "./sql";

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
    expect(q.values).toEqual(["CONTRACT", 2020, 2022, 2023, 3, "2023-01-01", "2022-12-01", "2023-01-01", "2023-01-15", 1, "ATLAS'--"]);
    expect(q.text).not.toContain("ATLAS'--");
    for (const x of ["c", "m", "f"]) expect(q.text).toContain(`${x}.agency_code = $11`);
  });

  it("sums report_count before the as-of year, the months of it from report_month_count, and part of its month from report_fact", () => {
    const q = buildReportQuery({ measure: "fine_amount_eur", by: ["nationality"], from: 2019, to: 2022, asOf: "2022-06-30", agency: null });
    expect(q.values.slice(3)).toEqual([2022, 1, "2022-01-01", "2022-06-01", "2022-07-01", "2022-06-30", -1]);
    expect(q.text).toMatch(
      /FROM report_count c WHERE c\.grain = \$5::smallint .*c\.from_year < \$4::int AND \(c\.to_year IS NULL OR c\.to_year >= \$4::int\)/s,
    );
    expect(q.text).toMatch(/FROM report_month_count m WHERE m\.grain = \$5::smallint .*m\.month BETWEEN \$6::date AND \$7::date/s);
    expect(q.text).toMatch(
      /\$10::int \* COALESCE\(f\.amount_eur, 0\)::bigint AS v, \$10::int AS n\s+FROM report_fact f WHERE .*f\.valid_from BETWEEN \$8::date AND \$9::date/s,
    );
    expect(q.text).toMatch(
      /-\$10::int \* COALESCE\(f\.amount_eur, 0\)::bigint AS v, -\$10::int AS n\s+FROM report_fact f WHERE .*f\.valid_to BETWEEN \$8::date AND \$9::date/s,
    );
    // the number of facts decides whether a key has a row (an unknown amount sums to 0)
    expect(q.text).toContain("HAVING sum(n) <> 0");
    expect(buildReportQuery({ measure: "fines", by: ["nationality"], from: 2019, to: 2022, asOf: "2022-06-30", agency: null }).text).toContain(
      "HAVING sum(v) <> 0",
    );
    expect(q.text).toContain("c.n * COALESCE(c.amount_eur, 0)");
    expect(q.text).toContain("(m.starts - m.ends) * COALESCE(m.amount_eur, 0)");
    expect(q.text).toContain("c.state = 'BOETE'");
    expect(q.text).toContain("m.state = 'BOETE'");
  });
});

describe("asOfWindow: the whole months summed and the part of the month read fact by fact", () => {
  it("reads the days up to D when D is in the first half of its month", () => {
    expect(asOfWindow("2023-01-15")).toEqual({ monthsFrom: "2023-01-01", monthsTo: "2022-12-01", rowsFrom: "2023-01-01", rowsTo: "2023-01-15", sign: 1 });
    expect(asOfWindow("2022-03-01")).toEqual({ monthsFrom: "2022-01-01", monthsTo: "2022-02-01", rowsFrom: "2022-03-01", rowsTo: "2022-03-01", sign: 1 });
  });

  it("takes back the days after D when D is in the second half, none at the month's end", () => {
    expect(asOfWindow("2022-12-31")).toEqual({ monthsFrom: "2022-01-01", monthsTo: "2022-12-01", rowsFrom: "2023-01-01", rowsTo: "2022-12-31", sign: -1 });
    expect(asOfWindow("2024-02-16")).toEqual({ monthsFrom: "2024-01-01", monthsTo: "2024-02-01", rowsFrom: "2024-02-17", rowsTo: "2024-02-29", sign: -1 });
    expect(asOfWindow("2023-02-14")).toMatchObject({ rowsFrom: "2023-02-01", rowsTo: "2023-02-14", sign: 1 });
    expect(asOfWindow("2023-02-15")).toMatchObject({ rowsFrom: "2023-02-16", rowsTo: "2023-02-28", sign: -1 });
  });

  it("never reads more than half a month of days, whatever the date", () => {
    for (let t = Date.UTC(2020, 0, 1); t < Date.UTC(2025, 0, 1); t += 86_400_000) {
      const w = asOfWindow(new Date(t).toISOString().slice(0, 10));
      const days = Math.max(0, (Date.parse(w.rowsTo) - Date.parse(w.rowsFrom)) / 86_400_000 + 1);
      expect(days).toBeLessThanOrEqual(15);
    }
  });
});

describe("buildReportQuery as recorded on an instant", () => {
  const base = { measure: "fines" as const, from: 2020, to: 2022, asOf: "2023-01-15", agency: null };

  it("reads only current facts, and no knowledge branch, without recordedOn", () => {
    const q = buildReportQuery({ ...base, by: ["office"] });
    expect(q.text).toContain("f.recorded_to IS NULL");
    expect(q.text).not.toContain("recorded_from");
    expect(q.values).toHaveLength(10);
  });

  it("adds the facts changed since T, signed, with T as a parameter", () => {
    const q = buildReportQuery({ ...base, by: ["office"], recordedOn: "2023-01-15T18:00:00.000Z" });
    expect(q.values.at(-1)).toBe("2023-01-15T18:00:00.000Z");
    expect(q.text).toContain(
      "(f.recorded_to IS NULL AND f.recorded_from > $12::timestamptz) OR (f.recorded_to > $12::timestamptz AND f.recorded_from <= $12::timestamptz)",
    );
    expect(q.text).toContain("CASE WHEN f.recorded_to IS NULL THEN -1 ELSE 1 END");
    expect(buildReportQuery({ ...base, by: ["office"], agency: "ATLAS", recordedOn: "2023-01-15T18:00:00.000Z" }).text).toContain("$13::timestamptz");
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
