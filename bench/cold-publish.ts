// The first "voor publicatie" protection in a fresh process (issue 13, cold publish): the answer's
// nationality and residence-status tables of nr. 113 (fixture) protected together, as a publish
// does, once with the solver still to load (what the first manager paid before
// instrumentation.ts) and once with it loaded at start-up (what the server does now).
//   npx tsx bench/cold-publish.ts cold      # the solver loads on first use
//   npx tsx bench/cold-publish.ts preload   # loaded at start (as register()), then the publish
// Run each in its own process; prints the solver load and the first protection in ms.
import { t04, t07, t15, t16 } from "@/lib/domain/reports/disclosure/fixture.test-support";
import { solver } from "@/lib/domain/reports/disclosure/interval";
import { protectTables } from "@/lib/domain/reports/disclosure/protect";

async function main() {
  const mode = process.argv[2] === "preload" ? "preload" : "cold";
  const t0 = performance.now();
  if (mode === "preload") {
    await solver();
    console.log(`solver loaded at start: ${(performance.now() - t0).toFixed(0)} ms (before any request)`);
  }
  const tables = [t04(), t07(), t15(), t16()].map((report) => ({ report }));
  const t1 = performance.now();
  await protectTables(tables, { cache: false });
  const first = performance.now() - t1;
  const t2 = performance.now();
  await protectTables(tables, { cache: false });
  console.log(`${mode}: first protection ${first.toFixed(0)} ms, second (warm) ${(performance.now() - t2).toFixed(0)} ms`);
}

void main();
