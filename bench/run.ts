// npm run bench — runs every bench/*.bench.ts in sequence with its default size, each as its
// own `tsx` process (so one benchmark's heap and JIT state do not colour the next).
// npm run bench -- NAME [ARGS…] runs only bench/NAME*.bench.ts and passes ARGS on (benchmarks
// take different arguments, so arguments only go to a named one).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const dir = path.join(process.cwd(), "bench");
const tsx = path.join(process.cwd(), "node_modules", "tsx", "dist", "cli.mjs");
const [only, ...args] = process.argv.slice(2);
const benches = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith(".bench.ts") && (!only || f.startsWith(only)))
  .sort();
if (benches.length === 0) {
  console.error(`no bench/${only ?? ""}*.bench.ts`);
  process.exit(2);
}
let failed = 0;
for (const bench of benches) {
  console.log(`\n=== ${bench} ===`);
  // react-server: lib/server modules (server-only) load outside Next.js
  const r = spawnSync(process.execPath, [tsx, "--conditions=react-server", path.join(dir, bench), ...(only ? args : [])], { stdio: "inherit" });
  if (r.status !== 0) failed++;
}
console.log(`\n${benches.length - failed}/${benches.length} benchmarks ran`);
process.exit(failed ? 1 : 0);
