// The daily import (issue 18): a file of 2,000 new newcomers plus new events for 500 already known
// ones, into a database that already holds the 10× volume, against the honest floor.
//
//   npx tsx --conditions=react-server bench/daily-import.bench.ts --data DIR [--new 2000] [--known 500] [--runs 7]
//
// DIR holds a kept benchmark database (`bench_publications`, e.g. the 10× one that
// `bench/publications.bench.ts --newcomers 1500000 --data DIR` loads: 1.5 M newcomers, 5.7 M
// events). The bench writes into it (the imports commit), so point it at a copy. Untimed, once: the
// known newcomers are imported first (valid national numbers; the bulk-loaded ones have none).
// Then, round by round (each round its own 2,000 new and 500 known newcomers):
//  - floor: the same rows written the simplest fast way, knowing in advance what is new — COPY of
//    the new newcomers, their events and decisions, and of the known ones' new events, formatted
//    in advance, into the real schema with every index, key and trigger (the report tables kept by
//    the triggers, as every save keeps them); rolled back, not committed (so it does a little less
//    than the import). For 2,000 rows into tables of 1.5 M, maintaining the indexes is the fast
//    way: dropping and rebuilding them (the bulk path) would rebuild 1.5 M entries each.
//  - import: importExchangeFile end to end, as `npm run import` runs it (read, parse, validate,
//    look up who exists, COPY the new, stage and insert the known ones' events that are not
//    recorded yet, report tables, commit).
// Floor and import alternate; median and spread of the rounds. The import's counts are checked
// against the floor's rows.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { ExchangeNewcomer } from "../lib/domain/exchange/record";
import { chunked, DECISION_COPY, EVENT_COPY, eventRow, NEWCOMER_COPY } from "../lib/server/exchange/copy-rows";
import { copyIn } from "../lib/server/exchange/copy-text";
import { importExchangeFile } from "../lib/server/exchange/import-exchange";
import { loadReferenceCodes } from "../lib/server/exchange/reference-codes";
import { validateExchangeText } from "../lib/server/exchange/validate-file";
import { freshCopyBlocks } from "./support/copy-blocks";
import { startBenchServer } from "./support/fresh-server";
import { syntheticNewcomer } from "./support/synthetic-newcomers";

const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const DATA = arg("data");
const NEW = Number(arg("new") ?? 2000);
const KNOWN = Number(arg("known") ?? 500);
const RUNS = Math.max(7, Number(arg("runs") ?? 7));
// synthetic indexes far from anything else in the database (the known ones, then each round's new ones)
const KNOWN_BASE = 3_000_000;
const NEW_BASE = 4_000_000;

/** Known newcomers that have a contract and no attestation yet (the round adds one). */
const knownIndex = (round: number, j: number) => {
  let i = KNOWN_BASE + (round * KNOWN + j) * 15;
  while (i % 5 === 4 || i % 3 === 0) i++;
  return i;
};
const withAttestation = (n: ExchangeNewcomer, i: number): ExchangeNewcomer => {
  const contract = n.events.find((e) => e.type === "CONTRACT")!;
  const date = new Date(Date.parse(contract.date) + (200 + (i % 90)) * 86_400_000).toISOString().slice(0, 10);
  return { ...n, events: [...n.events, { type: "ATTESTATION", date }] };
};
const roundFile = (round: number) => {
  const lines: string[] = [];
  for (let j = 0; j < NEW; j++) lines.push(JSON.stringify(syntheticNewcomer(NEW_BASE + round * NEW + j)));
  for (let j = 0; j < KNOWN; j++) {
    const i = knownIndex(round, j);
    lines.push(JSON.stringify(withAttestation(syntheticNewcomer(i), i)));
  }
  return `${lines.join("\n")}\n`;
};

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const stat = (xs: number[]) => `${(median(xs) / 1000).toFixed(2)} s (${(Math.min(...xs) / 1000).toFixed(2)}–${(Math.max(...xs) / 1000).toFixed(2)})`;

/** The floor of one round: the same rows by COPY into the real schema, knowing what is new; rolled back. */
async function floor(c: pg.Client, text: string): Promise<{ ms: number; newcomers: number; events: number }> {
  const { newcomers } = validateExchangeText(text, await loadReferenceCodes(c));
  const existing = new Map(
    (
      await c.query<{ id: string; national_number: string }>("SELECT id, national_number FROM newcomer WHERE national_number = ANY($1)", [
        newcomers.map((n) => n.nationalNumber),
      ])
    ).rows.map((r) => [r.national_number, r.id]),
  );
  const fresh = newcomers.filter((n) => !existing.has(n.nationalNumber));
  const known = newcomers.filter((n) => existing.has(n.nationalNumber));
  const now = new Date().toISOString();
  const blocks = freshCopyBlocks(fresh, now);
  // the known ones' new event: their attestation, the last of the line (the first attestation)
  const knownEvents = [
    ...chunked(known.length, (i) => {
      const n = known[i]!;
      return eventRow(n.events.at(-1)!, crypto.randomUUID(), existing.get(n.nationalNumber)!, n.gender, now, true);
    }),
  ];
  const started = performance.now();
  await c.query("BEGIN");
  await copyIn(c, NEWCOMER_COPY, blocks.newcomers);
  await copyIn(c, EVENT_COPY, [...blocks.events, ...knownEvents]);
  await copyIn(c, DECISION_COPY, blocks.decisions);
  const ms = performance.now() - started;
  await c.query("ROLLBACK");
  return { ms, newcomers: fresh.length, events: fresh.reduce((a, n) => a + n.events.length, 0) + known.length };
}

async function main() {
  if (!DATA) throw new Error("--data DIR: a kept benchmark database (a copy: the imports commit into it)");
  const load = () =>
    os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ");
  console.log(`Dagelijkse import: ${NEW} nieuwe inburgeraars en ${KNOWN} gekende met een nieuwe stap, ${RUNS} rondes; belasting ${load()}`);
  const server = await startBenchServer(path.resolve(DATA));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "daily-import-"));
  // the bench's client ends before the server stops (else its connection's end is an unhandled error)
  let closeClient = async () => {};
  try {
    const url = await server.database("bench_publications");
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    closeClient = () => c.end();
    const size = (await c.query("SELECT (SELECT count(*) FROM newcomer) AS newcomers, (SELECT count(*) FROM track_event) AS events")).rows[0];
    console.log(`Databank: ${size.newcomers} inburgeraars, ${size.events} gebeurtenissen`);
    // each round's newcomers must be new here: a database this bench already ran on holds them
    const first = syntheticNewcomer(NEW_BASE).nationalNumber;
    if ((await c.query("SELECT 1 FROM newcomer WHERE national_number = $1", [first])).rowCount) {
      throw new Error(`De databank in ${DATA} heeft deze bench al gedraaid (de import schrijft erin): neem een nieuwe kopie.`);
    }
    // untimed: the known newcomers of every round (+1 for the warm-up), with valid national numbers
    const knownFile = path.join(dir, "known.jsonl");
    const knownLines: string[] = [];
    for (let r = 0; r <= RUNS; r++) for (let j = 0; j < KNOWN; j++) knownLines.push(JSON.stringify(syntheticNewcomer(knownIndex(r, j))));
    fs.writeFileSync(knownFile, `${knownLines.join("\n")}\n`);
    const pre = await importExchangeFile({ databaseUrl: url, filePath: knownFile });
    if (!pre.ok) throw new Error(`de gekende inburgeraars: ${JSON.stringify(pre.errors.slice(0, 3))}`);
    console.log(`Vooraf (niet getimed): ${pre.newcomers} gekende inburgeraars ingelezen in ${pre.seconds.toFixed(1)} s`);
    await c.query("VACUUM ANALYZE newcomer, track_event, infringement_decision");

    const floors: number[] = [];
    const imports: number[] = [];
    for (let r = 0; r <= RUNS; r++) {
      const file = path.join(dir, `round-${r}.jsonl`);
      const text = roundFile(r);
      fs.writeFileSync(file, text);
      const f = await floor(c, text);
      const started = performance.now();
      const result = await importExchangeFile({ databaseUrl: url, filePath: file });
      const ms = performance.now() - started;
      if (!result.ok) throw new Error(`ronde ${r}: ${JSON.stringify(result.errors.slice(0, 3))}`);
      // the same result: the new newcomers, and every event the floor wrote (the known ones' old events skipped)
      if (result.newcomers !== f.newcomers || result.events !== f.events) {
        throw new Error(`ronde ${r}: import ${result.newcomers} inburgeraars / ${result.events} gebeurtenissen, vloer ${f.newcomers} / ${f.events}`);
      }
      console.log(
        `  ronde ${r}${r === 0 ? " (opwarming, niet meegeteld)" : ""}: vloer ${(f.ms / 1000).toFixed(2)} s, import ${(ms / 1000).toFixed(2)} s ` +
          `(${result.newcomers} nieuw, ${result.events} gebeurtenissen), verhouding ${(ms / f.ms).toFixed(2)}`,
      );
      if (r > 0) {
        floors.push(f.ms);
        imports.push(ms);
      }
    }
    const ratios = imports.map((m, i) => m / floors[i]!);
    console.log(`\nVloer (COPY van dezelfde rijen, alles onderhouden): ${stat(floors)}`);
    console.log(`Import (importExchangeFile, van bestand tot commit): ${stat(imports)}; eis < 10 s: ${median(imports) < 10_000 ? "gehaald" : "NIET gehaald"}`);
    console.log(
      `Verhouding import ÷ vloer per ronde: mediaan ${median(ratios).toFixed(2)} (${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)})`,
    );
    console.log(`Belasting: ${load()}`);
  } finally {
    await closeClient().catch(() => {});
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
