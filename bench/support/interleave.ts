// Interleaved timing: the case and its floor alternate run by run (case, floor, case, floor, …),
// so a change in the machine's load hits both alike; reported as the median and the spread
// (lowest–highest) of each, and the ratio of the medians.
export interface Timed {
  median: number;
  min: number;
  max: number;
  runs: number[];
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export function summary(runs: number[]): Timed {
  return { median: median(runs), min: Math.min(...runs), max: Math.max(...runs), runs };
}

export async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

/** `runs` alternating pairs (at least 7); the very first call of each is its own figure (`first`), not in the median. */
export async function interleaved(a: () => Promise<unknown>, b: () => Promise<unknown>, runs: number) {
  const n = Math.max(7, runs);
  const firstA = await time(a);
  const firstB = await time(b);
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < n; i++) {
    xs.push(await time(a));
    ys.push(await time(b));
  }
  const sa = summary(xs);
  const sb = summary(ys);
  return { a: sa, b: sb, firstA, firstB, ratio: sa.median / sb.median };
}

export const fmt = (t: Timed) => `${t.median.toFixed(0)} ms (${t.min.toFixed(0)}–${t.max.toFixed(0)}, n=${t.runs.length})`;
