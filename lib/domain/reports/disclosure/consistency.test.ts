// Consistency across publications (issue 13): a figure hidden by an earlier publication is hidden
// again by a later one covering the same years, unless its value changed; and an attacker given
// BOTH publications recovers or narrows no hidden figure of either (attacker.test-support.ts).
import { describe, expect, it } from "vitest";
import type { ReportResult } from "../run-report";
import { attack, narrow, type ShownTable } from "./attacker.test-support";
import { shownReport } from "./display";
import { report, t04 } from "./fixture.test-support";
import { protectTables, publicationMasks, publicationModel, type TableMask } from "./protect";

/** Table 4 over other years: the same figures per year, so the same cell keys and values where they overlap. */
function years(r: ReportResult, from: number, to: number, change: (keys: string[], year: number, v: number) => number = (_k, _y, v) => v): ReportResult {
  const ys = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  // the fixture has 2020–2022; 2023 is made up from 2022 (seeded by the row's position)
  return report(
    r.measure,
    r.by,
    from,
    to,
    r.rows.map((row, i) => [row.keys, Object.fromEntries(ys.map((y) => [y, change(row.keys, y, row.values[String(y)] ?? (row.values["2022"]! + i) % 7)]))]),
  );
}

/** The hidden (keys, year) cells of a table, the Totaal line as keys "". */
function hiddenCells(r: ReportResult, m: TableMask): Set<string> {
  const out = new Set<string>();
  r.rows.forEach((row, i) => r.years.forEach((y, j) => m.inner[i]![j] && out.add(`${row.keys.join("/")}|${y}`)));
  r.years.forEach((y, j) => m.colTotal[j] && out.add(`|${y}`));
  return out;
}

const shown = (r: ReportResult, m: TableMask): ShownTable => ({ report: r, ...shownReport(r, m) });

describe("disclosure control consistent across publications", () => {
  it("hides again what an earlier publication hid over the same years, and both together give nothing away", { timeout: 120_000 }, async () => {
    const first = years(t04(), 2020, 2022);
    const [m1] = await protectTables([{ report: first }], { cache: false });
    const second = years(t04(), 2021, 2023);
    const [m2] = (await publicationMasks([second], true, null, [], [{ report: first, mask: m1! }])) as TableMask[];
    const before = [...hiddenCells(first, m1!)].filter((c) => !c.endsWith("|2020"));
    expect(before.length).toBeGreaterThan(10);
    const after = hiddenCells(second, m2!);
    expect(before.filter((c) => !after.has(c))).toEqual([]);
    const findings = await attack([shown(first, m1!), shown(second, m2!)]);
    expect(findings.filter(narrow).map((f) => `${f.figure}=${f.value} in [${f.min}, ${f.max}]`)).toEqual([]);
  });

  it("forces only the figures whose value did not change: a changed one is another figure", async () => {
    const first = years(t04(), 2021, 2022);
    const [m1] = await protectTables([{ report: first }], { cache: false });
    const hidden = first.rows.flatMap((_r, i) => (m1!.inner[i]![1] && first.rows[i]!.values["2022"]! >= 5 ? [i] : []));
    expect(hidden.length).toBeGreaterThan(1);
    // the first of them grows by 40 (late records), the others stay as they were
    const grown = first.rows[hidden[0]!]!.keys.join();
    const later = years(t04(), 2021, 2022, (k, y, v) => (k.join() === grown && y === 2022 ? v + 40 : v));
    const { model, positions } = publicationModel([{ report: later }, { report: first, known: m1! }]);
    const primary = (row: number) => model.primary[positions[0]!.inner[row]![1]!];
    expect(primary(hidden[0]!)).toBe(false);
    for (const row of hidden.slice(1)) expect(primary(row)).toBe(true);
    // the earlier table keeps its mask (it is only there to be known)
    const masks = await protectTables([{ report: later }, { report: first, known: m1! }], { cache: false });
    expect(masks[1]).toEqual(m1);
  });

  it("keeps an earlier publication's agency subtotals in the model: hidden there stays hidden, shown is public, both together give nothing away", async () => {
    // fines by office (Table 13's shape) with small cells, so that agency subtotals get hidden
    const offices: [string, number[]][] = [
      ["ATLAS", [31, 3, 27]],
      ["IN_GENT", [22, 14, 2]],
      ["AGII_ANTWERPEN", [2, 9, 11]],
      ["AGII_LIMBURG", [8, 2, 6]],
      ["AGII_OOST_VLAANDEREN", [3, 12, 7]],
      ["AGII_VLAAMS_BRABANT", [9, 4, 13]],
      ["AGII_WEST_VLAANDEREN", [15, 6, 3]],
    ];
    const byOffice = (from: number, to: number) =>
      report(
        "fines",
        ["office"],
        from,
        to,
        offices.map(([o, v]) => [[o], Object.fromEntries([2021, 2022, 2023].filter((y) => y >= from && y <= to).map((y) => [y, v[y - 2021]!]))]),
      );
    const first = byOffice(2021, 2022);
    const [m1] = await protectTables([{ report: first, agencySubtotals: true }], { cache: false });
    const hiddenSubtotals = (m: TableMask, year: number, years: number[]) =>
      m.subtotals.filter((s) => s.years[years.indexOf(year)]).map((s) => `${s.key}|${year}`);
    // the fixture is chosen so that the first publication hides a subtotal of the shared year
    expect(hiddenSubtotals(m1!, 2022, first.years)).not.toEqual([]);
    const second = byOffice(2022, 2023);
    const [m2] = (await publicationMasks([second], true, null, [true], [{ report: first, mask: m1!, agencySubtotals: true }])) as TableMask[];
    expect(hiddenSubtotals(m1!, 2022, first.years).filter((c) => !hiddenSubtotals(m2!, 2022, second.years).includes(c))).toEqual([]);
    const findings = await attack([
      { report: first, ...shownReport(first, m1!, true) },
      { report: second, ...shownReport(second, m2!, true) },
    ]);
    expect(findings.filter(narrow).map((f) => `${f.figure}=${f.value} in [${f.min}, ${f.max}]`)).toEqual([]);
    // a later table without subtotals (a report page's): the earlier subtotals are still cells of the model, shown ones fixed
    const { model, positions } = publicationModel([{ report: second }, { report: first, known: m1!, agencySubtotals: true }]);
    for (const [k, s] of positions[1]!.subtotals.entries())
      s.years.forEach((c, j) => {
        expect(model.fixed?.[c] || model.primary[c], `${s.key} ${first.years[j]}`).toBe(true);
        expect(model.primary[c]).toBe(m1!.subtotals[k]!.years[j]);
      });
  });
});
