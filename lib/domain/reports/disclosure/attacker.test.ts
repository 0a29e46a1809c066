// The attacker test of issue 13: every hidden figure of a protected publication, solved for its
// min and max by linear programming over everything shown (attacker.test-support.ts), must be
// neither exact nor narrowed to fewer than 3 whole values. And the same attacker against the old
// method (the former small-cells.ts, now old-method.test-support.ts), which it breaks.
import { describe, expect, it } from "vitest";
import type { ReportResult } from "../run-report";
import { publishedCell, suppressSmallCells } from "./old-method.test-support";
import { attack, exact, narrow, oldMarks, type ShownTable } from "./attacker.test-support";
import { shownReport } from "./display";
import { answer, natGender, report, rng, t04, t07, t15, t16 } from "./fixture.test-support";
import { protectTables } from "./protect";
import type { TableInput } from "./tables";

async function protectAndAttack(tables: TableInput[]) {
  const masks = await protectTables(tables);
  const shown: ShownTable[] = tables.map((t, i) => ({ report: t.report, ...shownReport(t.report, masks[i]!) }));
  const findings = await attack(shown);
  return { findings, hidden: findings.length };
}

function expectSafe(findings: Awaited<ReturnType<typeof attack>>) {
  const broken = findings.filter(narrow).map((f) => `${f.figure}=${f.value} in [${f.min}, ${f.max}]`);
  expect(broken).toEqual([]);
  for (const f of findings) expect(f.value).toBeGreaterThanOrEqual(f.min - 1e-6), expect(f.value).toBeLessThanOrEqual(f.max + 1e-6);
}

/** Today's method as displayGrid used it: inner cells "<5"/"x", row totals and the Totaal line always shown. */
function oldShown(r: ReportResult): ShownTable {
  const cells = r.rows.map((row) => r.years.map((y) => row.values[String(y)]!));
  const h = suppressSmallCells(cells);
  return {
    report: r,
    inner: cells.map((row, i) => row.map((v, j) => publishedCell(v, h[i]![j]!))),
    rowTotal: r.rows.map((row) => row.total),
    colTotal: r.years.map((y) => r.totals.values[String(y)]!),
    grand: r.totals.total,
  };
}

describe("disclosure control against an LP attacker", () => {
  it("protects contracts by nationality, by residence status and nationality × gender, published together (Tables 4, 7 of nr. 113)", {
    timeout: 60_000,
  }, async () => {
    const nat = t04();
    const { findings } = await protectAndAttack([{ report: nat }, { report: t07() }, { report: natGender(nat) }]);
    expect(findings.length).toBeGreaterThan(100);
    expectSafe(findings);
  });

  it("protects fines by nationality and by residence status (Tables 15, 16)", { timeout: 60_000 }, async () => {
    const { findings } = await protectAndAttack([{ report: t15() }, { report: t16() }]);
    expect(findings.length).toBeGreaterThan(50);
    expectSafe(findings);
  });

  it("protects every table of the full answer, published as one linked publication", { timeout: 120_000 }, async () => {
    const { findings } = await protectAndAttack(answer());
    expect(findings.length).toBeGreaterThan(100);
    expectSafe(findings);
  });

  it("protects random small tables, lines with a single non-zero cell and office tables with agency subtotals", { timeout: 60_000 }, async () => {
    const rnd = rng(2026);
    for (let t = 0; t < 25; t++) {
      const nYears = 2 + Math.floor(rnd() * 3);
      const rows: [string[], Record<string, number>][] = Array.from({ length: 2 + Math.floor(rnd() * 6) }, (_, i) => [
        [`R${i}`],
        Object.fromEntries(Array.from({ length: nYears }, (_, j) => [2020 + j, rnd() < 0.3 ? 0 : Math.floor(rnd() * (rnd() < 0.5 ? 6 : 40))])),
      ]);
      rows.push([["SINGLE"], Object.fromEntries(Array.from({ length: nYears }, (_, j) => [2020 + j, j === 0 ? 1 + Math.floor(rnd() * 4) : 0]))]);
      const { findings } = await protectAndAttack([{ report: report("contracts", ["nationality"], 2020, 2019 + nYears, rows) }]);
      expectSafe(findings);
    }
    const offices = [
      "ATLAS",
      "IN_GENT",
      "AGII_ANTWERPEN",
      "AGII_LIMBURG",
      "AGII_OOST_VLAANDEREN",
      "AGII_VLAAMS_BRABANT",
      "AGII_WEST_VLAANDEREN",
      "AGII_BRUSSEL",
    ];
    for (let t = 0; t < 10; t++) {
      const rows = offices.map((o) => [[o], { 2021: Math.floor(rnd() * 12), 2022: Math.floor(rnd() * 12) }] as [string[], Record<string, number>]);
      const { findings } = await protectAndAttack([{ report: report("fines", ["office"], 2021, 2022, rows), agencySubtotals: true }]);
      expectSafe(findings);
    }
  });

  it("documents that the old method (small-cells.ts) is unsafe: the same attacker recovers hidden cells", { timeout: 60_000 }, async () => {
    const counts: Record<string, { hidden: number; exact: number; narrow: number }> = {};
    for (const [name, r] of [
      ["contracts by nationality", t04()],
      ["fines by nationality", t15()],
      ["fines by residence status", t16()],
    ] as const) {
      const findings = await attack([oldShown(r)], oldMarks);
      counts[name] = { hidden: findings.length, exact: findings.filter(exact).length, narrow: findings.filter(narrow).length };
    }
    console.log("old method against the attacker:", counts);
    for (const c of Object.values(counts)) expect(c.exact).toBeGreaterThan(0);
  });
});
