// npm test — the three tiers in order: unit (vitest), integration (vitest against a fresh real
// PostgreSQL) and end-to-end (Playwright in Debian's Chromium against the production build).
// Ends with one summary line "N passed, N failed".
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ensureChromium } from "./lib/chromium";

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}
const root = process.cwd();
const results = path.join(root, "test-results");
fs.mkdirSync(results, { recursive: true });

function run(label: string, cmd: string, args: string[], env: Record<string, string> = {}): boolean {
  console.log(`\n=== ${label} ===`);
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } });
  return r.status === 0;
}

function vitestTally(file: string): Tally {
  if (!fs.existsSync(file)) return { passed: 0, failed: 1, skipped: 0 };
  const j = JSON.parse(fs.readFileSync(file, "utf8")) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
  return { passed: j.numPassedTests, failed: j.numFailedTests, skipped: j.numPendingTests + j.numTodoTests };
}

function playwrightTally(file: string): Tally {
  if (!fs.existsSync(file)) return { passed: 0, failed: 1, skipped: 0 };
  const j = JSON.parse(fs.readFileSync(file, "utf8")) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
  return { passed: j.stats.expected + j.stats.flaky, failed: j.stats.unexpected, skipped: j.stats.skipped };
}

const node = process.execPath;
const vitest = path.join(root, "node_modules", "vitest", "vitest.mjs");
const playwright = path.join(root, "node_modules", "@playwright", "test", "cli.js");
const only = process.argv[2]; // optional: unit | integration | e2e

const tallies: Record<string, Tally> = {};
let ok = true;
for (const tier of ["unit", "integration"] as const) {
  if (only && only !== tier) continue;
  const out = path.join(results, `${tier}-results.json`);
  fs.rmSync(out, { force: true });
  ok = run(`${tier}-tests`, node, [vitest, "run", "--project", tier, "--reporter=default", "--reporter=json", `--outputFile.json=${out}`]) && ok;
  tallies[tier] = vitestTally(out);
}
if (!only || only === "e2e") {
  const out = path.join(results, "e2e-results.json");
  fs.rmSync(out, { force: true });
  try {
    const chromium = ensureChromium((l) => console.log(l));
    ok = run("end-to-end-tests (Playwright, Chromium)", node, [playwright, "test"], { CHROMIUM_PATH: chromium }) && ok;
    tallies.e2e = playwrightTally(out);
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    ok = false;
    tallies.e2e = { passed: 0, failed: 1, skipped: 0 };
  }
}

console.log("");
for (const [tier, t] of Object.entries(tallies)) console.log(`${tier}: ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped`);
const total = Object.values(tallies).reduce((a, t) => ({ passed: a.passed + t.passed, failed: a.failed + t.failed, skipped: a.skipped + t.skipped }), {
  passed: 0,
  failed: 0,
  skipped: 0,
});
const failed = total.failed + (ok || total.failed > 0 ? 0 : 1);
console.log(`${total.passed} passed, ${failed} failed, ${total.skipped} skipped`);
process.exit(ok && failed === 0 ? 0 : 1);
