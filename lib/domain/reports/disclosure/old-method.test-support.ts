// THE OLD METHOD, kept only so the attacker test can show it is unsafe (issue 13): it hid cells
// 1–4 as "<5" and, per row and year column, the smallest other cell so no line had a single
// hidden cell — but kept every row total and the Totaal line shown, left a line whose other cells
// are 0 with its single hidden cell, and told "<5" from "x". The LP attacker recovers 27 of the 97
// hidden cells of contracts by nationality (2020–2022) exactly. Replaced by disclosure/protect.ts.
//
// "Voor publicatie": cells under 5 are shown as "<5" (primary suppression), and enough other
// cells are hidden too that no hidden cell can be recalculated from the row and column totals
// (secondary suppression). Pure: takes the table of numbers, returns which cells to hide.
//
// Rule: a line (a row across the years, or a year column across the rows) with exactly one
// hidden cell gives that cell away by subtraction from its total, so the smallest other non-zero
// cell of that line is hidden as well; repeat until no line has exactly one hidden cell. Zeros
// are shown: a zero reveals nothing about a person. Totals themselves stay shown.

const PUBLICATION_THRESHOLD = 5;

export type Suppressed = boolean[][];

/** Which cells of `cells` (rows × columns) to hide for publication. */
export function suppressSmallCells(cells: number[][], threshold = PUBLICATION_THRESHOLD): Suppressed {
  const hidden = cells.map((row) => row.map((v) => v > 0 && v < threshold));
  const nRows = cells.length;
  const nCols = nRows ? cells[0]!.length : 0;
  const hideSmallestOther = (positions: [number, number][]) => {
    const candidates = positions.filter(([r, c]) => !hidden[r]![c] && cells[r]![c]! > 0);
    if (candidates.length === 0) return false;
    candidates.sort((a, b) => cells[a[0]]![a[1]]! - cells[b[0]]![b[1]]!);
    const [r, c] = candidates[0]!;
    hidden[r]![c] = true;
    return true;
  };
  let changed = true;
  while (changed) {
    changed = false;
    for (let r = 0; r < nRows; r++) {
      const line = Array.from({ length: nCols }, (_, c) => [r, c] as [number, number]);
      if (line.filter(([i, j]) => hidden[i]![j]).length === 1 && hideSmallestOther(line)) changed = true;
    }
    for (let c = 0; c < nCols; c++) {
      const line = Array.from({ length: nRows }, (_, r) => [r, c] as [number, number]);
      if (line.filter(([i, j]) => hidden[i]![j]).length === 1 && hideSmallestOther(line)) changed = true;
    }
  }
  return hidden;
}

/** How a cell reads in a publication: "<5" when hidden because small, "x" when hidden to protect another. */
export function publishedCell(value: number, hidden: boolean, threshold = PUBLICATION_THRESHOLD): string | number {
  if (!hidden) return value;
  return value < threshold ? `<${threshold}` : "x";
}
