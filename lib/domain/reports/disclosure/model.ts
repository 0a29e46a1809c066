// The model statistical disclosure control works on: every figure a publication shows (inner
// cells, row totals, the Totaal line, the grand total, agency subtotals) is one cell, and every
// way an attacker can add figures up is one linear constraint (a total equals the sum of its
// parts). Several tables of one publication go into ONE model: a figure that two tables both show
// (Tables 2–7 all total the same contracts per year) is one cell, found by its canonical key, so
// the protection and the attacker see all tables at once. Pure: no I/O.
import type { Measure } from "../definitions";

export interface Cell {
  key: string;
  value: number;
  /** 0 for an inner cell, higher for totals over more (prefer hiding inner cells over totals) */
  level: number;
}

/** Σ coef·x = 0 over the cells named by index. */
export interface Constraint {
  terms: [cell: number, coef: number][];
}

export interface Model {
  cells: Cell[];
  constraints: Constraint[];
  /** cells whose suppression is required by the threshold rule (1–4), before secondary suppression */
  primary: boolean[];
  /**
   * figures already public (an earlier publication showed them with the same value, consistency
   * across publications): always shown, never hidden to protect another — hiding them protects nothing
   */
  fixed?: boolean[];
}

/** One dimension restriction of a cell: dimension → value; "year" is one of them. */
export type Coordinates = Record<string, string>;

/**
 * The canonical key of a figure: the measure over the population restricted by `coords`. Two
 * figures with the same key are the same number (whatever table shows them). `fines` are the
 * infringements decided as BOETE (sql.ts: state = 'BOETE'), so Table 11's BOETE row and the fines
 * totals of Tables 13–18 get one key; an office implies its agency, so (agency, office) keys as
 * office alone.
 */
export function cellKey(measure: Measure, scope: string | null, coords: Coordinates, impliedBy: (dim: string, coords: Coordinates) => boolean): string {
  const c: Coordinates = { ...coords };
  let m: string = measure;
  if (measure === "fines") {
    m = "infringements";
    c.decision = "BOETE";
  }
  const parts = Object.keys(c)
    .filter((d) => !impliedBy(d, c))
    .sort()
    .map((d) => `${d}=${c[d]}`);
  return `${m}|${scope ?? "*"}|${parts.join("|")}`;
}

export class ModelBuilder {
  readonly cells: Cell[] = [];
  readonly constraints: Constraint[] = [];
  private readonly byKey = new Map<string, number>();
  private readonly seen = new Set<string>();

  /**
   * The index of the cell with `key`, created on first use. Two tables that show different values
   * under one key are not showing the same figure after all (e.g. a report whose definition
   * differs in a way the key does not capture): they get separate cells rather than a false
   * relation — an equality that does not hold would make the model infeasible.
   */
  cell(key: string, value: number, level: number): number {
    const at = this.byKey.get(key);
    if (at !== undefined) {
      const c = this.cells[at]!;
      if (c.value !== value) return this.cell(`${key}#${value}`, value, level);
      c.level = Math.max(c.level, level);
      return at;
    }
    this.cells.push({ key, value, level });
    this.byKey.set(key, this.cells.length - 1);
    return this.cells.length - 1;
  }

  find(key: string): number | undefined {
    return this.byKey.get(key);
  }

  /** total = Σ parts (parts may carry a factor, e.g. an amount × a count); the same equation once. */
  sum(total: number, parts: (number | [number, number])[]): void {
    const terms = new Map<number, number>([[total, -1]]);
    for (const p of parts) {
      const [i, f] = typeof p === "number" ? [p, 1] : p;
      terms.set(i, (terms.get(i) ?? 0) + f);
    }
    const list = [...terms].filter(([, f]) => f !== 0).sort((a, b) => a[0] - b[0]);
    if (list.length === 0) return;
    const id = list.map(([i, f]) => `${i}:${f}`).join(",");
    if (this.seen.has(id)) return;
    const residual = list.reduce((s, [i, f]) => s + f * this.cells[i]!.value, 0);
    if (Math.abs(residual) > 1e-6) throw new Error(`Een totaal klopt niet met zijn delen (${this.cells[total]!.key})`);
    this.seen.add(id);
    this.constraints.push({ terms: list });
  }

  /** Like `sum`, but a relation the data does not satisfy is left out instead of failing (see rollups). */
  trySum(total: number, parts: number[]): boolean {
    const residual = parts.reduce((s, i) => s + this.cells[i]!.value, 0) - this.cells[total]!.value;
    if (residual !== 0) return false;
    this.sum(total, parts);
    return true;
  }

  build(isPrimary: (cell: Cell, index: number) => boolean): Model {
    return { cells: this.cells, constraints: this.constraints, primary: this.cells.map((c, i) => isPrimary(c, i)) };
  }
}
