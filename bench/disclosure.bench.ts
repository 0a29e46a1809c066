// Disclosure-control benchmark (pure, no database): how long "voor publicatie" takes.
//   npx tsx bench/disclosure.bench.ts
// Measures: each table of the answer to nr. 113 protected alone (what a report page does), the
// full answer protected as one linked publication, and the largest breakdown — fines by
// nationality × amount at ~10× the volume, ~1,000 rows (synthesised with a seeded generator).
import { answer, report, rng } from "@/lib/domain/reports/disclosure/fixture.test-support";
import { solver } from "@/lib/domain/reports/disclosure/interval";
import { protectTables, type TableMask } from "@/lib/domain/reports/disclosure/protect";

async function time<T>(f: () => Promise<T>, runs = 3): Promise<{ ms: number; value: T }> {
  let best = Infinity;
  let value!: T;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    value = await f();
    best = Math.min(best, performance.now() - start);
  }
  return { ms: best, value };
}

const hiddenOf = (masks: TableMask[]) =>
  masks.reduce(
    (s, m) => s + m.inner.flat().filter(Boolean).length + m.rowTotal.filter(Boolean).length + m.colTotal.filter(Boolean).length + (m.grand ? 1 : 0),
    0,
  );

async function main() {
  const start = performance.now();
  await solver();
  console.log(`solver load: ${(performance.now() - start).toFixed(0)} ms (once per process)`);

  const tables = answer();
  const pages: string[] = [];
  let worst = 0;
  for (const t of tables) {
    const { ms } = await time(() => protectTables([t], { cache: false }));
    worst = Math.max(worst, ms);
    pages.push(`${t.report.measure}/${t.report.by.join("+")} (${t.report.rows.length} rows): ${ms.toFixed(1)} ms`);
  }
  console.log(`one table (a page), best of 3:\n  ${pages.join("\n  ")}`);
  console.log(`slowest page table: ${worst.toFixed(1)} ms`);

  const full = await time(() => protectTables(tables, { cache: false }));
  console.log(`full answer (${tables.length} tables, one publication): ${full.ms.toFixed(0)} ms, ${hiddenOf(full.value)} figures hidden`);

  // fines by nationality × amount at ~10×: 180 nationalities, up to 12 amounts each, 4 years
  const rnd = rng(113);
  const amounts = [50, 75, 100, 125, 150, 300, 375, 400, 750, 1500, 2500, 5000];
  const rows: [string[], Record<string, number>][] = [];
  for (let n = 0; n < 180; n++) {
    const size = Math.exp(rnd() * 6); // heavy tail: most nationalities small
    for (const a of amounts) {
      if (rnd() < 0.45) continue;
      rows.push([
        [`N${String(n).padStart(3, "0")}`, String(a)],
        Object.fromEntries([2019, 2020, 2021, 2022].map((y) => [y, Math.max(0, Math.round(size * rnd() * (a < 500 ? 3 : 0.5) - 1))])),
      ]);
    }
  }
  const big = report("fines", ["nationality", "amount"], 2019, 2022, rows);
  const primary = big.rows.flatMap((r) => Object.values(r.values)).filter((v) => v > 0 && v < 5).length;
  const largest = await time(() => protectTables([{ report: big }], { cache: false }), 1);
  console.log(
    `fines by nationality × amount (${big.rows.length} rows × 4 years, ${primary} primary): ${largest.ms.toFixed(0)} ms, ${hiddenOf(largest.value)} hidden`,
  );
  const again = await time(() => protectTables([{ report: big }]), 1);
  console.log(`  the same again (cached pattern): ${again.ms.toFixed(1)} ms`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
