// A multiset of codes with exact remaining counts. Every breakdown of a published table becomes a
// pool; each generated record draws one code from each pool, so the marginals come out exact by
// construction. Tiers express plausibility: a draw takes from the first tier that still has stock,
// proportionally to what is left, and only falls back to any code when the tiers are empty.
import type { Rng } from "./rng";

export class CountPool {
  private readonly left = new Map<string, number>();
  private total = 0;

  constructor(counts: Record<string, number> | Map<string, number>) {
    const entries = counts instanceof Map ? [...counts] : Object.entries(counts);
    for (const [code, n] of entries) {
      if (n > 0) {
        this.left.set(code, n);
        this.total += n;
      }
    }
  }

  get size(): number {
    return this.total;
  }

  has(code: string): number {
    return this.left.get(code) ?? 0;
  }

  take(code: string): void {
    const n = this.left.get(code) ?? 0;
    if (n <= 0) throw new Error(`pool has no ${code} left`);
    this.left.set(code, n - 1);
    this.total--;
  }

  /** Draws one code: first tier with stock wins; with no tier left, any code. */
  draw(rng: Rng, tiers: readonly (readonly string[])[] = []): string {
    for (const tier of tiers) {
      const code = this.drawAmong(rng, tier);
      if (code !== undefined) return code;
    }
    const any = this.drawAmong(rng, [...this.left.keys()]);
    if (any === undefined) throw new Error("pool is empty");
    return any;
  }

  private drawAmong(rng: Rng, candidates: readonly string[]): string | undefined {
    let sum = 0;
    for (const c of candidates) sum += this.left.get(c) ?? 0;
    if (sum === 0) return undefined;
    let r = rng.next() * sum;
    for (const c of candidates) {
      const n = this.left.get(c) ?? 0;
      if (r < n) {
        this.take(c);
        return c;
      }
      r -= n;
    }
    // Floating-point edge: take the last candidate with stock.
    const last = [...candidates].reverse().find((c) => (this.left.get(c) ?? 0) > 0)!;
    this.take(last);
    return last;
  }

  /** All remaining codes, one entry per unit, in code order (callers shuffle). */
  expand(): string[] {
    const out: string[] = [];
    for (const [code, n] of this.left) for (let i = 0; i < n; i++) out.push(code);
    return out;
  }
}

/**
 * Scales counts by `factor` so that they sum to exactly `total` (largest remainder), keeping every
 * breakdown of one table family consistent after scaling.
 */
export function scaleCounts(counts: Record<string, number>, factor: number, total: number): Record<string, number> {
  if (factor === 1) return { ...counts };
  const entries = Object.entries(counts).map(([k, n]) => ({ k, exact: n * factor, n: Math.floor(n * factor) }));
  let missing = total - entries.reduce((s, e) => s + e.n, 0);
  const order = [...entries].sort((a, b) => b.exact - b.n - (a.exact - a.n) || (a.k < b.k ? -1 : 1));
  // Usually one pass of largest remainders; more when the caller's total was rounded elsewhere.
  for (let i = 0; missing > 0 && order.length > 0; i = (i + 1) % order.length) {
    order[i]!.n++;
    missing--;
  }
  const largestFirst = [...entries].sort((a, b) => b.n - a.n);
  for (let i = 0; missing < 0 && largestFirst.length > 0; i = (i + 1) % largestFirst.length) {
    if (largestFirst[i]!.n > 0) {
      largestFirst[i]!.n--;
      missing++;
    }
  }
  return Object.fromEntries(entries.map((e) => [e.k, e.n]));
}

export function sumCounts(counts: Record<string, number>): number {
  return Object.values(counts).reduce((s, n) => s + n, 0);
}
