import { describe, expect, it } from "vitest";
import { publishedCell, suppressSmallCells } from "./small-cells";

const hiddenCells = (h: boolean[][]) => h.flatMap((row, r) => row.flatMap((x, c) => (x ? [[r, c]] : [])));

/** Can a hidden cell be recalculated? Only if it is the single hidden cell of a row or column. */
function recalculable(h: boolean[][]): boolean {
  const rows = h.some((row) => row.filter(Boolean).length === 1);
  const cols = h[0]?.some((_, c) => h.filter((row) => row[c]).length === 1) ?? false;
  return rows || cols;
}

describe("small cells for publication", () => {
  it("hides nothing when every cell is 0 or at least 5", () => {
    expect(hiddenCells(suppressSmallCells([[0, 5], [12, 40]]))).toEqual([]);
  });

  it("hides a small cell and the smallest other cells that would reveal it through the totals", () => {
    const cells = [
      [3, 20, 30],
      [50, 60, 70],
      [80, 90, 100],
    ];
    const h = suppressSmallCells(cells);
    expect(h[0]![0]).toBe(true);
    expect(h[0]![1]).toBe(true); // smallest other in row 0
    expect(h[1]![0]).toBe(true); // smallest other in column 0
    expect(recalculable(h)).toBe(false);
  });

  it("never leaves a single hidden cell in a line, over many random tables", () => {
    let seed = 42;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let t = 0; t < 200; t++) {
      const nCols = 2 + Math.floor(rnd() * 4);
      const cells = Array.from({ length: 2 + Math.floor(rnd() * 6) }, () => Array.from({ length: nCols }, () => Math.floor(rnd() * 30)));
      const h = suppressSmallCells(cells);
      cells.forEach((row, r) => row.forEach((v, c) => v > 0 && v < 5 && expect(h[r]![c]).toBe(true)));
      // a line with one hidden cell is only acceptable when it has no other non-zero cell to hide
      h.forEach((row, r) => {
        if (row.filter(Boolean).length === 1) expect(cells[r]!.filter((v, c) => v > 0 && !row[c]).length).toBe(0);
      });
      for (let c = 0; c < nCols; c++) {
        if (h.filter((row) => row[c]).length === 1) expect(cells.filter((row, r) => row[c]! > 0 && !h[r]![c]).length).toBe(0);
      }
    }
  });

  it("reads <5 for small hidden cells and x for protecting ones", () => {
    expect(publishedCell(3, true)).toBe("<5");
    expect(publishedCell(20, true)).toBe("x");
    expect(publishedCell(20, false)).toBe(20);
  });
});
