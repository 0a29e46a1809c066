// Secondary suppression by Gaussian elimination: the method of Statistics Norway (Langsrud 2024,
// "Secondary cell suppression by Gaussian elimination: an algorithm suitable for handling
// issues with zeros and singletons", SSBtools::GaussSuppression). Chosen over the hypercube
// method because it works on any set of linear relations — totals, hierarchical subtotals and
// several linked tables alike — instead of only on n-dimensional tables, and it is fast and
// deterministic (no optimisation solver in the loop).
//
// The idea: every figure is a linear function of free parameters (the "model matrix": here the
// null space of the constraints, computed below, in which the inner cells are the parameters).
// A hidden primary cell is disclosed exactly when its vector lies in the span of the vectors of
// the published cells. The cells are decided one at a time in priority order (those we would
// rather publish first): a cell is published unless publishing it would bring a primary into
// that span, in which case it is suppressed (secondary). The span is kept in reduced echelon
// form, and each primary as its residual against it: a primary falls into the span by
// publishing c exactly when its residual is a multiple of c's residual.
//
// This only guards against exact recovery by linear algebra. Bounds (hidden cells are ≥ 1 when
// zeros are shown) can still pin a cell down or narrow it; interval.ts checks that with LP.
import { axpy, eliminate, type Vec } from "./elimination";
import type { Model } from "./model";

/**
 * Each cell as a vector over free parameters: solve the constraints for one cell each (the most
 * aggregated cell of a constraint becomes the dependent one, so inner cells stay parameters).
 */
export function modelMatrix(model: Model): Vec[] {
  // most aggregated constraints first: their total is then a dependent, not a parameter
  const order = model.constraints.map((c, i) => ({ i, level: Math.max(...c.terms.map(([k]) => model.cells[k]!.level)) }));
  order.sort((a, b) => a.level - b.level);
  const { expr } = eliminate(
    order.map(({ i }) => model.constraints[i]!.terms),
    (row) => {
      let pivot = -1;
      for (const k of row.keys()) {
        const c = model.cells[k]!,
          p = pivot < 0 ? null : model.cells[pivot]!;
        if (!p || c.level > p.level || (c.level === p.level && c.value > p.value)) pivot = k;
      }
      return pivot;
    },
  );
  return model.cells.map((_, i) => expr.get(i) ?? new Map([[i, 1]]));
}

/** Publication order: the figures already public first, zeros (always shown), then totals before inner cells, small before large. */
export function publishOrder(model: Model): number[] {
  const fixed = (i: number) => model.fixed?.[i] === true;
  return model.cells
    .map((_c, i) => i)
    .filter((i) => !model.primary[i])
    .sort((a, b) => {
      const ca = model.cells[a]!,
        cb = model.cells[b]!;
      if (fixed(a) !== fixed(b)) return fixed(a) ? -1 : 1;
      if ((ca.value === 0) !== (cb.value === 0)) return ca.value === 0 ? -1 : 1;
      return cb.level - ca.level || ca.value - cb.value || a - b;
    });
}

/** The suppressed cells (primary and secondary) by Gaussian elimination; zeros are never suppressed. */
export function gaussSuppression(model: Model, order = publishOrder(model)): boolean[] {
  const X = modelMatrix(model);
  const hidden = model.primary.slice();
  const basis = new Map<number, Vec>(); // pivot parameter → basis vector (pivot coefficient 1, no other pivots)
  const basisWith = new Map<number, Set<number>>(); // parameter → pivots whose vector contains it
  const primaries = new Map<number, Vec>(); // primary cell → residual against the basis
  const primWith = new Map<number, Set<number>>(); // parameter → primaries whose residual contains it
  const index = (ix: Map<number, Set<number>>, owner: number, v: Vec) => {
    for (const k of v.keys()) {
      let s = ix.get(k);
      if (!s) ix.set(k, (s = new Set()));
      s.add(owner);
    }
  };
  const reduce = (v0: Vec): Vec => {
    const v = new Map(v0);
    for (const k of [...v.keys()]) {
      const f = v.get(k);
      const b = basis.get(k);
      if (f !== undefined && b) axpy(v, -f, b);
    }
    return v;
  };
  model.primary.forEach((p, i) => {
    if (!p) return;
    primaries.set(i, new Map(X[i]!));
    index(primWith, i, X[i]!);
  });
  const parallel = (a: Vec, b: Vec) => {
    if (a.size !== b.size) return false;
    let ratio: number | null = null;
    for (const [k, x] of a) {
      const y = b.get(k);
      if (y === undefined) return false;
      if (ratio === null) ratio = y / x;
      else if (Math.abs(y - ratio * x) > 1e-7 * Math.max(1, Math.abs(y))) return false;
    }
    return true;
  };
  for (const c of order) {
    const r = reduce(X[c]!);
    if (r.size === 0) continue; // already known from what is published: hiding it would protect nothing
    const first = r.keys().next().value!;
    let reveals = false;
    for (const p of primWith.get(first) ?? []) {
      if (parallel(r, primaries.get(p)!)) {
        reveals = true;
        break;
      }
    }
    // a figure already public stays in the span whatever it reveals: hiding it now would not take it back
    if (reveals && model.cells[c]!.value !== 0 && !model.fixed?.[c]) {
      hidden[c] = true;
      continue;
    }
    // publish c: r joins the basis; eliminate its pivot from the basis and from the primaries
    let pivot = first;
    for (const [k, x] of r) if (Math.abs(x) > Math.abs(r.get(pivot)!)) pivot = k;
    const scale = 1 / r.get(pivot)!;
    for (const [k, x] of r) r.set(k, x * scale);
    for (const owner of [...(basisWith.get(pivot) ?? [])]) {
      const b = basis.get(owner)!;
      const f = b.get(pivot);
      if (f === undefined) continue;
      axpy(b, -f, r);
      index(basisWith, owner, r);
    }
    for (const p of [...(primWith.get(pivot) ?? [])]) {
      const v = primaries.get(p)!;
      const f = v.get(pivot);
      if (f === undefined) continue;
      axpy(v, -f, r);
      index(primWith, p, r);
    }
    basis.set(pivot, r);
    index(basisWith, pivot, r);
  }
  return hidden;
}
