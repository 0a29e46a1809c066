import { describe, expect, it } from "vitest";
import { displayGrid, displayTotalLine } from "../display-grid";
import { report } from "./fixture.test-support";
import { protectTables, publicationMasks, SUPPRESSED } from "./protect";

const r = report("contracts", ["nationality"], 2021, 2022, [
  [["AND"], { 2021: 1, 2022: 0 }], // a line whose other cell is 0: its row total must go too
  [["BEL"], { 2021: 40, 2022: 52 }],
  [["FRA"], { 2021: 3, 2022: 30 }],
  [["NLD"], { 2021: 61, 2022: 70 }],
]);

describe("a report as shown for publication", () => {
  it("shows every figure when not a publication", async () => {
    const [mask] = await publicationMasks([r], false);
    expect(mask).toBeNull();
    expect(displayGrid(r, null)).toEqual([
      [1, 0, 1],
      [40, 52, 92],
      [3, 30, 33],
      [61, 70, 131],
    ]);
    expect(displayTotalLine(r, null)).toEqual([105, 152, 257]);
  });

  it("hides small cells, their row totals when they would give them away, with one mark; zeros stay", async () => {
    const [mask] = await protectTables([{ report: r }]);
    const grid = displayGrid(r, mask!);
    expect(grid[0]).toEqual([SUPPRESSED, 0, SUPPRESSED]); // "Andorra;0;<5;0;1" gave the 1 away
    expect(grid[2]![0]).toBe(SUPPRESSED);
    const shown = [...grid.flat(), ...displayTotalLine(r, mask!)];
    expect(shown.filter((v) => typeof v === "string").every((v) => v === SUPPRESSED)).toBe(true);
    expect(shown).not.toContain("<5");
  });
});
