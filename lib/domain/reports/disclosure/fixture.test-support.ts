// The published tables of the answer to written question nr. 113 (tests/fixtures/sv113-2023.json)
// as reports of the engine, for the disclosure tests; and synthetic ones.
import fixture from "@/tests/fixtures/sv113-2023.json";
import type { Dimension, Measure } from "../definitions";
import { shapeReport, type ReportResult } from "../run-report";

type Years = Record<string, number>;

export function report(measure: Measure, by: Dimension[], from: number, to: number, rows: [string[], Years][]): ReportResult {
  const cells = rows.flatMap(([keys, ys]) =>
    Object.entries(ys).map(([y, v]) => ({ k1: keys[0]!, k2: keys[1], l1: keys[0]!, l2: keys[1], year: Number(y), value: v })),
  );
  return shapeReport(measure, by, from, to, "2023-01-15", cells);
}

const oneDim = (t: Record<string, Years>) => Object.entries(t).map(([k, ys]) => [[k], ys] as [string[], Years]);

export const t04 = () => report("contracts", ["nationality"], 2020, 2022, oneDim(fixture.t04_contracts_nationality));
export const t07 = () => report("contracts", ["residence_status"], 2020, 2022, oneDim(fixture.t07_contracts_status));
export const t15 = () => report("fines", ["nationality"], 2019, 2022, oneDim(fixture.t15_fines_nationality));
export const t16 = () => report("fines", ["residence_status"], 2019, 2022, oneDim(fixture.t16_fines_status));

/** A seeded generator (the tests must not change from run to run). */
export function rng(seed: number) {
  return () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

/** Nationality × gender: Table 4's nationalities split over M and V at random (seeded), so it sums to Table 4. */
export function natGender(source: ReportResult, seed = 7): ReportResult {
  const rnd = rng(seed);
  const rows: [string[], Years][] = [];
  for (const row of source.rows) {
    const m: Years = {},
      v: Years = {};
    for (const y of source.years) {
      const n = row.values[String(y)]!;
      m[y] = Math.round(n * (0.3 + 0.4 * rnd()));
      v[y] = n - m[y]!;
    }
    rows.push([[row.keys[0]!, "M"], m], [[row.keys[0]!, "V"], v]);
  }
  return report(source.measure, ["nationality", "gender"], source.years[0]!, source.years.at(-1)!, rows);
}

/** Tables 1–18 as the engine would give them from the printed figures (see the notes inline). */
export function answer(): { report: ReportResult; agencySubtotals?: boolean }[] {
  const f = fixture;
  const contracts = (by: Dimension[], t: Record<string, Years>) => report("contracts", by, 2020, 2022, oneDim(t));
  const fines = (by: Dimension[], t: Record<string, Years>) => report("fines", by, 2019, 2022, oneDim(t));
  const reach: [string[], Years][] = Object.entries(f.t01_reach).flatMap(
    ([office, v]) =>
      [
        [[office, "AANGEMELD"], v.AANGEMELD],
        [[office, "NIET_AANGEMELD"], v.NIET_AANGEMELD],
      ] as [string[], Years][],
  );
  // the engine's decision breakdown has the undecided dossiers as a row: the printed Table 11 leaves them out
  const undecided: Years = Object.fromEntries(["2019", "2020", "2021", "2022"].map((y) => [y, sum(f.t09_infringements_office, y) - sum(f.t11_decisions, y)]));
  const amounts = Object.entries(f.t12_fine_amounts_2022);
  return [
    // Table 1 as printed: agency lines, and the Vlaams Agentschap's offices as lines of their own
    { report: report("reach", ["office", "registered"], 2019, 2022, reach), agencySubtotals: true },
    // Table 2 from the offices (the printed agency subtotal of 2021 is off by one), with agency subtotals
    { report: contracts(["office"], f.t02_contracts_office), agencySubtotals: true },
    // Table 3 as printed: it does not add up from Table 4 by the group rule, so that relation is left out
    { report: contracts(["nationality_group"], f.t03_contracts_natgroup) },
    { report: t04() },
    { report: contracts(["gender"], f.t05_contracts_gender) },
    { report: contracts(["target_group"], f.t06_contracts_target) },
    { report: t07() },
    { report: report("infringements", ["office"], 2019, 2022, oneDim(f.t09_infringements_office)), agencySubtotals: true },
    { report: report("infringements", ["infringement_type"], 2019, 2022, oneDim(f.t10_infringements_type)) },
    { report: report("infringements", ["decision"], 2019, 2022, [...oneDim(f.t11_decisions), [["IN_BEHANDELING"], undecided]]) },
    // the 12 fines of 2022 whose amount is unknown are the engine's "onbekend" row
    {
      report: report("fines", ["amount"], 2022, 2022, [
        ...amounts.map(([a, v]) => [[a], { 2022: v.count }] as [string[], Years]),
        [["ONBEKEND"], { 2022: f.t18_fines_gender.M["2022"] + f.t18_fines_gender.V["2022"] - amounts.reduce((s, [, v]) => s + v.count, 0) }],
      ]),
    },
    {
      report: report(
        "fine_amount_eur",
        ["amount"],
        2022,
        2022,
        amounts.map(([a, v]) => [[a], { 2022: v.totalEur }]),
      ),
    },
    { report: fines(["office"], f.t13_fines_office), agencySubtotals: true },
    { report: fines(["nationality_group"], f.t14_fines_natgroup) },
    { report: t15() },
    { report: t16() },
    { report: fines(["target_group"], f.t17_fines_target) },
    { report: fines(["gender"], f.t18_fines_gender) },
  ];
}

function sum(t: Record<string, Years>, y: string) {
  return Object.values(t).reduce((s, v) => s + (v[y] ?? 0), 0);
}
