// Sparse linear algebra shared by the disclosure control: vectors as Map<index, coefficient>,
// and Gaussian elimination of linear relations into one expression per dependent cell.
// gauss.ts uses it for the model matrix (every cell over free parameters), interval.ts for the
// null space of the hidden cells' system (its quick width test).

export type Vec = Map<number, number>;
const EPS = 1e-9;

/** target += factor · v, dropping coefficients that cancel to (nearly) 0. */
export function axpy(target: Vec, factor: number, v: Vec) {
  for (const [k, x] of v) {
    const y = (target.get(k) ?? 0) + factor * x;
    if (Math.abs(y) < EPS) target.delete(k);
    else target.set(k, y);
  }
}

export interface Elimination {
  /** dependent cell → its expression in free cells (constants dropped) */
  expr: Map<number, Vec>;
  /** free cell → dependents whose expression uses it */
  usedIn: Map<number, Set<number>>;
}

/**
 * Solves the relations (each Σ f·cell = const, given as its terms) one after another for one cell
 * each: the relation is rewritten in the free cells so far, `pickPivot` names the cell it is
 * solved for, and every earlier expression that used that cell as a parameter takes its
 * expression instead. A relation the earlier ones imply is skipped.
 */
export function eliminate(relations: Iterable<readonly (readonly [number, number])[]>, pickPivot: (row: Vec) => number): Elimination {
  const expr = new Map<number, Vec>();
  const usedIn = new Map<number, Set<number>>();
  const use = (dep: number, v: Vec) => {
    for (const k of v.keys()) {
      let s = usedIn.get(k);
      if (!s) usedIn.set(k, (s = new Set()));
      s.add(dep);
    }
  };
  for (const terms of relations) {
    const row: Vec = new Map();
    for (const [k, f] of terms) axpy(row, f, expr.get(k) ?? new Map([[k, 1]]));
    if (row.size === 0) continue; // implied by the others
    const pivot = pickPivot(row);
    const a = row.get(pivot)!;
    row.delete(pivot);
    const e: Vec = new Map();
    axpy(e, -1 / a, row);
    for (const dep of usedIn.get(pivot) ?? []) {
      const d = expr.get(dep)!;
      const f = d.get(pivot);
      if (f === undefined) continue;
      d.delete(pivot);
      axpy(d, f, e);
      use(dep, e);
    }
    usedIn.delete(pivot);
    expr.set(pivot, e);
    use(pivot, e);
  }
  return { expr, usedIn };
}
