import { describe, expect, it } from "vitest";
import { defaultPeriod, pageQuery, questions, readPageRequest } from "./questions";

describe("report page URL contract", () => {
  it("defaults to the question's report over the last four full years, as of today", () => {
    expect(defaultPeriod("2026-11-29")).toEqual({ from: 2022, to: 2025, asOf: "2026-11-29" });
    expect(readPageRequest(questions["vraag-2"], {}, "2026-11-29")).toEqual({
      measure: "contracts",
      by: ["agency"],
      from: 2022,
      to: 2025,
      asOf: "2026-11-29",
      agency: null,
      publication: false,
      recordedOn: null,
    });
  });

  it("reads comma-separated and repeated `by`, drops empty ones, and round-trips through pageQuery", () => {
    const r = readPageRequest(
      questions["vraag-3"],
      { measure: "fines", by: ["office", ""], from: "2019", to: "2022", asOf: "2023-01-15", agency: "ATLAS", publicatie: "1" },
      "2026-11-29",
    );
    expect(r).toMatchObject({ measure: "fines", by: ["office"], from: 2019, to: 2022, agency: "ATLAS", publication: true });
    expect(readPageRequest(questions["vraag-1"], { by: "office,registered" }, "2026-11-29").by).toEqual(["office", "registered"]);
    expect(pageQuery(r)).toBe("measure=fines&by=office&from=2019&to=2022&asOf=2023-01-15&agency=ATLAS&publicatie=1");
  });

  it("carries the knowledge time as kennisdatum", () => {
    const r = readPageRequest(questions["vraag-2"], { kennisdatum: "2023-01-15T18:00" }, "2026-11-29");
    expect(r.recordedOn).toBe("2023-01-15T18:00");
    expect(pageQuery(r)).toContain("kennisdatum=2023-01-15T18%3A00");
    expect(readPageRequest(questions["vraag-2"], { kennisdatum: "" }, "2026-11-29").recordedOn).toBeNull();
  });
});
