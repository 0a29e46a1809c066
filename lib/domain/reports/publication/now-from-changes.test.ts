import { describe, expect, it } from "vitest";
import { shapeReport } from "../run-report";
import type { PublicationSpec } from "./figures";
import { currentLabels, reportRulesFingerprint, reportsNow } from "./now-from-changes";
import { reasonRow } from "./reason-row.test-support";

const spec: PublicationSpec = { measure: "contracts", by: ["nationality"], from: 2021, to: 2022 };
const row = reasonRow;

describe("the figures now from a publication's reports and the changes since", () => {
  const stored = shapeReport("contracts", ["nationality"], 2021, 2022, "2023-01-15", [
    { k1: "MAR", l1: "Marokko (oud)", year: 2021, value: 3 },
    { k1: "SYR", l1: "Syrië", year: 2022, value: 1 },
  ]);
  const labels = currentLabels([
    { d: "nationality", code: "MAR", label: "Marokko" },
    { d: "nationality", code: "SYR", label: "Syrië" },
    { d: "nationality", code: "AFG", label: "Afghanistan" },
  ]);

  it("adds each cell's change of value, drops a row that falls to zero, labels new and old keys as now", () => {
    const [now] = reportsNow(
      [spec],
      [stored],
      [
        row({ k1: "MAR", year: 2021, dv: "-1" }),
        row({ k1: "MAR", year: 2022, dv: "2" }),
        row({ k1: "SYR", year: 2022, dv: "-1", cancelled: "1" }),
        row({ k1: "AFG", year: 2021, dv: "1", added: "1" }),
        row({ k1: null, year: 2022, dv: "1" }),
        // the row totals and the Totaal line carry no change of value of their own
        row({ k1: "MAR", gy: 1, dv: "5" }),
        row({ gk: 1, year: 2021, dv: "7" }),
      ],
      labels,
      "2023-01-15",
    );
    expect(now).toEqual(
      shapeReport("contracts", ["nationality"], 2021, 2022, "2023-01-15", [
        { k1: "MAR", l1: "Marokko", year: 2021, value: 2 },
        { k1: "MAR", l1: "Marokko", year: 2022, value: 2 },
        { k1: "AFG", l1: "Afghanistan", year: 2021, value: 1 },
        { k1: "ONBEKEND", l1: null, year: 2022, value: 1 },
      ]),
    );
    expect(now!.rows.map((r) => r.keys[0])).not.toContain("SYR");
    expect(now!.totals.total).toBe(6);
  });

  it("takes each table's own changes", () => {
    const other: PublicationSpec = { ...spec, by: ["gender"] };
    const gender = shapeReport("contracts", ["gender"], 2021, 2022, "2023-01-15", [{ k1: "M", year: 2021, value: 4, l1: null }]);
    const [a, b] = reportsNow([spec, other], [stored, gender], [row({ t: 1, k1: "V", year: 2022, dv: "2" })], labels, "2023-01-15");
    expect(a!.totals.total).toBe(4);
    expect(b!.totals.values).toEqual({ "2021": 4, "2022": 2 });
  });

  it("fingerprints the report statements: the same for any instant, another for other tables or scope", () => {
    const f = reportRulesFingerprint([spec], "2023-01-15", null);
    expect(reportRulesFingerprint([spec], "2023-01-15", null)).toBe(f);
    expect(reportRulesFingerprint([{ ...spec, by: ["gender"] }], "2023-01-15", null)).not.toBe(f);
    expect(reportRulesFingerprint([spec], "2023-01-15", "ATLAS")).not.toBe(f);
  });
});
