// What an attacker can tell about each hidden cell: the smallest and largest value it can take
// given every shown figure, every relation of the publication (model.ts) and that a hidden cell
// is at least 1 (zeros are shown, so a hidden cell is not zero). Two linear programmes per
// hidden cell (min and max), per connected group of hidden cells, the integrality relaxed — so
// the range is at least as wide as the integer one; callers compare ceil(min) and floor(max).
//
// Solver: `highs` (HiGHS, University of Edinburgh, compiled to WebAssembly by highs-js). Chosen
// because HiGHS is a maintained, state-of-the-art LP/MIP solver with an exact simplex (no
// heuristics that could miss an attack), the package has no native parts (installs anywhere
// npm does), ships types, and keeps a model in memory so the min and max of every cell re-solve
// from the previous basis instead of starting over. javascript-lp-solver was the alternative:
// pure JS but unmaintained for years and much slower on the thousand-variable programmes of a
// nationality table.
import { eliminate, type Vec } from "./elimination";
import type { Model } from "./model";

export interface Range {
  min: number;
  max: number;
}

type HighsModule = Awaited<ReturnType<typeof import("highs")["default"]>>;
let loading: Promise<HighsModule> | null = null;
/**
 * The solver, loaded once per process (about 0.3 s for the WebAssembly; started when the server
 * starts, instrumentation.ts). A failed load is not kept, so the next call tries again.
 */
export function solver(): Promise<HighsModule> {
  loading ??= import("highs")
    .then((m) => m.default())
    .catch((e: unknown) => {
      loading = null;
      throw e;
    });
  return loading;
}

/** Groups of hidden cells tied together by a relation that holds at least one of each. */
function components(model: Model, hidden: boolean[]) {
  const parent = model.cells.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (const c of model.constraints) {
    let first = -1;
    for (const [k] of c.terms) {
      if (!hidden[k]) continue;
      if (first < 0) first = k;
      else parent[find(k)] = find(first);
    }
  }
  const groups = new Map<number, number[]>();
  hidden.forEach((h, i) => {
    if (!h) return;
    const r = find(i);
    groups.set(r, [...(groups.get(r) ?? []), i]);
  });
  return [...groups.values()];
}

/**
 * The attacker's range for every hidden cell (or for `only` of them). With `exact` false (the
 * protection's own check) a cell's range may be a narrower one already shown wide enough by
 * feasible tables found on the way (every LP solution is a table the attacker cannot rule out),
 * which saves most LPs; the attacker test asks for the exact optima.
 */
export async function attackerRanges(model: Model, hidden: boolean[], only?: Set<number>, { exact = true, minValues = 3 } = {}): Promise<Map<number, Range>> {
  const highs = await solver();
  const out = new Map<number, Range>();
  const touching = new Map<number, number[]>(); // hidden cell → constraints it appears in
  model.constraints.forEach((c, ci) => {
    for (const [k] of c.terms) if (hidden[k]) touching.set(k, [...(touching.get(k) ?? []), ci]);
  });
  for (const group of components(model, hidden)) {
    if (only && !group.some((i) => only.has(i))) continue;
    const col = new Map(group.map((cell, j) => [cell, j]));
    const rows = new Set(group.flatMap((cell) => touching.get(cell) ?? []));
    const lp = highs.createModel();
    try {
      lp.options.set({ output_flag: false, presolve: "off", solver: "simplex", simplex_strategy: 4 });
      lp.addVars(new Float64Array(group.length).fill(1), new Float64Array(group.length).fill(highs.infinity));
      for (const ci of rows) {
        let rhs = 0;
        const indices: number[] = [],
          values: number[] = [];
        for (const [k, f] of model.constraints[ci]!.terms) {
          if (hidden[k]) {
            indices.push(col.get(k)!);
            values.push(f);
          } else rhs -= f * model.cells[k]!.value;
        }
        lp.addRow(rhs, rhs, { indices, values });
      }
      // the widest values seen per cell over feasible tables: the true one, then every LP optimum
      const lo = group.map((c) => model.cells[c]!.value),
        hi = lo.slice();
      const seen = (j: number) => ({ min: lo[j]!, max: hi[j]! });
      let last = -1;
      const solve = (sense: "minimize" | "maximize") => {
        lp.changeObjectiveSense(highs.constants.objectiveSense[sense]);
        lp.run();
        if (lp.getModelStatus() !== 7) return;
        const x = lp.getSolution().colValue;
        for (let q = 0; q < group.length; q++) (lo[q] = Math.min(lo[q]!, x[q]!)), (hi[q] = Math.max(hi[q]!, x[q]!));
      };
      if (!exact) {
        // two LPs moving all cells of interest at once (up, down) often show most of them wide
        const targets = group.filter((c) => !only || only.has(c)).map((c) => col.get(c)!);
        for (const j of targets) lp.changeColCost(j, 1);
        solve("maximize");
        solve("minimize");
        // and a few seeded random directions: each optimum is another table, widening many ranges
        let seed = 113;
        for (let k = 0; k < 4 && targets.length > 8; k++) {
          for (const j of targets) lp.changeColCost(j, (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31 < 0.5 ? -1 : 1);
          solve("maximize");
        }
        for (const j of targets) lp.changeColCost(j, 0);
      }
      // twins: two hidden cells alone in a relation with equal weights (a row's single non-zero
      // cell and its row total, x + y = shown) move together, so their ranges have one width —
      // one LP tells both
      const twins = new Map<number, [number, number][]>(); // cell → [twin, sign of the relation]
      if (!exact) {
        for (const ci of rows) {
          const h = model.constraints[ci]!.terms.filter(([k]) => hidden[k]);
          if (h.length !== 2 || Math.abs(h[0]![1]) !== Math.abs(h[1]![1])) continue;
          const sign = -Math.sign(h[0]![1]) * Math.sign(h[1]![1]);
          twins.set(h[0]![0], [...(twins.get(h[0]![0]) ?? []), [h[1]![0], sign]]);
          twins.set(h[1]![0], [...(twins.get(h[1]![0]) ?? []), [h[0]![0], sign]]);
        }
      }
      const settle = (cell: number, r: Range) => {
        out.set(cell, r);
        const todo: [number, Range][] = [[cell, r]];
        while (todo.length) {
          const [x, rx] = todo.pop()!;
          const vx = model.cells[x]!.value;
          for (const [y, sign] of twins.get(x) ?? []) {
            if (out.has(y)) continue;
            const vy = model.cells[y]!.value;
            const ry = sign > 0 ? { min: rx.min + vy - vx, max: rx.max + vy - vx } : { min: vy - (rx.max - vx), max: vy + (vx - rx.min) };
            out.set(y, ry);
            todo.push([y, ry]);
          }
        }
      };
      for (const cell of group) {
        if (only && !only.has(cell)) continue;
        if (out.has(cell)) continue;
        const j = col.get(cell)!;
        if (!exact && wideEnough(seen(j), minValues)) {
          settle(cell, seen(j));
          continue;
        }
        if (last >= 0) lp.changeColCost(last, 0);
        lp.changeColCost(j, 1);
        last = j;
        const bound = (sense: "minimize" | "maximize") => {
          lp.changeObjectiveSense(highs.constants.objectiveSense[sense]);
          lp.run();
          const status = lp.getModelStatus();
          if (status === 7) {
            const x = lp.getSolution().colValue;
            for (let q = 0; q < group.length; q++) {
              if (x[q]! < lo[q]!) lo[q] = x[q]!;
              if (x[q]! > hi[q]!) hi[q] = x[q]!;
            }
            return lp.getObjectiveValue();
          }
          if (sense === "maximize" && (status === 10 || status === 9)) return Infinity;
          throw new Error(`LP van de onthullingscontrole: status ${status}`);
        };
        const max = bound("maximize");
        if (!exact && wideEnough({ min: lo[j]!, max }, minValues)) {
          settle(cell, { min: lo[j]!, max });
          continue;
        }
        settle(cell, { min: bound("minimize"), max });
      }
    } finally {
      lp.dispose();
    }
  }
  return out;
}

/**
 * A cheap sufficient test before any LP: a direction d that keeps every relation (A·d = 0 on the
 * hidden cells), with d = 1 on the cell, such that the true table moved by t·d stays feasible
 * (hidden cells ≥ 1) for t over a window of width 2 — then the cell can take 3 values and no LP
 * is needed. The directions tried are the null-space vectors of the hidden cells' system
 * (one per free cell, from Gaussian elimination). Returns the cells that passed.
 */
export function quickWide(model: Model, hidden: boolean[]): Set<number> {
  // dependent hidden cell → Σ coef·free (constants dropped), over the relations among hidden cells
  const { expr, usedIn } = eliminate(
    model.constraints.map((c) => c.terms.filter(([k]) => hidden[k])),
    (row) => {
      let pivot = -1;
      for (const k of row.keys()) if (pivot < 0 || model.cells[k]!.value > model.cells[pivot]!.value) pivot = k;
      return pivot;
    },
  );
  // the null-space direction of a free cell f: 1 on f, the coefficient of f on every dependent
  const direction = (f: number): Vec => {
    const d: Vec = new Map([[f, 1]]);
    for (const dep of usedIn.get(f) ?? []) {
      const x = expr.get(dep)!.get(f);
      if (x !== undefined) d.set(dep, x);
    }
    return d;
  };
  const fits = (d: Vec, scale: number) => {
    for (const lo of [-1, 0, -2]) {
      let ok = true;
      for (const [k, x] of d) {
        const v = model.cells[k]!.value,
          s = x * scale;
        if (v + lo * s < 1 - 1e-9 || v + (lo + 2) * s < 1 - 1e-9) {
          ok = false;
          break;
        }
      }
      if (ok) return true;
    }
    return false;
  };
  const wide = new Set<number>();
  hidden.forEach((h, i) => {
    if (!h) return;
    const e = expr.get(i);
    if (!e) {
      if (fits(direction(i), 1)) wide.add(i);
      return;
    }
    for (const [f, c] of e) {
      if (fits(direction(f), 1 / c)) {
        wide.add(i);
        return;
      }
    }
  });
  return wide;
}

/** At least 3 whole values possible: the attacker can neither recover the cell nor narrow it to 2. */
export function wideEnough(r: Range, minValues = 3): boolean {
  return Math.floor(r.max + 1e-6) - Math.ceil(r.min - 1e-6) >= minValues - 1;
}
