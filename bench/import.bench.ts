// Import throughput: `npx tsx --conditions=react-server bench/import.bench.ts [NEWCOMERS]`
// (default 200,000, ~4 events each). In one run, on a fresh embedded PostgreSQL:
//  - floor: a plain COPY of exactly the rows the import writes (same tables, same indexes, rows
//    formatted in advance, untimed) — what the database itself needs;
//  - import: importExchangeFile end to end (read, parse, validate, format, COPY, commit);
//  - raw floor: the same COPY into tables without foreign keys and secondary indexes (dropped,
//    untimed, as the import's bulk-load mode does) — the cost of writing the rows alone;
//  - honest floor: the raw COPY plus, in the same transaction, the indexes built, the keys checked
//    and the report tables and the track state derived (report_rebuild(), newcomer_track_state_rebuild()),
//    the loaded tables vacuumed after the commit — the import's end state, the fast way;
// and prints the rates, the ratios, and where the import's time goes.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { syntheticExchangeText } from "./support/synthetic-newcomers";
import { startBenchServer } from "./support/fresh-server";
import { copyIn } from "../lib/server/exchange/copy-text";
import { DECISION_COPY, EVENT_COPY, NEWCOMER_COPY } from "../lib/server/exchange/copy-rows";
import { freshCopyBlocks } from "./support/copy-blocks";
import { dropForeignKeys, dropSecondaryIndexes, vacuumBulkLoaded } from "../lib/server/exchange/bulk-load";
import { importExchangeFile } from "../lib/server/exchange/import-exchange";
import { loadReferenceCodes } from "../lib/server/exchange/reference-codes";
import { validateExchangeText } from "../lib/server/exchange/validate-file";

const count = Number(process.argv[2] ?? 200_000);
const rate = (n: number, s: number) => Math.round(n / s).toLocaleString("en-US");

const BULK_TABLES = ["newcomer", "track_event", "infringement_decision"];

/**
 * full: COPY into the real schema, everything maintained row by row; raw: COPY into the tables
 * without keys, secondary indexes and triggers; honest: the raw COPY, then what it left out done
 * the fast way in the same transaction — the indexes built, the keys checked (one set-based
 * check each), the report tables and the track state derived once (report_rebuild(),
 * newcomer_track_state_rebuild()), and after the commit the VACUUM of what was loaded
 * (vacuumBulkLoaded): the same end state as the import.
 */
async function floor(url: string, text: string, mode: "full" | "raw" | "honest" = "full"): Promise<{ seconds: number; events: number }> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  let keys: Awaited<ReturnType<typeof dropForeignKeys>> = [];
  let indexes: Awaited<ReturnType<typeof dropSecondaryIndexes>> = [];
  if (mode !== "full") {
    keys = await dropForeignKeys(c, BULK_TABLES);
    indexes = await dropSecondaryIndexes(c, BULK_TABLES);
    // nothing maintained: neither the first-of-type marker nor the report tables
    await c.query("ALTER TABLE track_event DISABLE TRIGGER USER");
    await c.query("ALTER TABLE infringement_decision DISABLE TRIGGER USER");
  }
  const { newcomers } = validateExchangeText(text, await loadReferenceCodes(c));
  const now = new Date().toISOString();
  const blocks = freshCopyBlocks(newcomers, now);
  const started = performance.now();
  await c.query("BEGIN");
  await c.query("SET LOCAL gin_pending_list_limit = '64MB'");
  await copyIn(c, NEWCOMER_COPY, blocks.newcomers);
  await copyIn(c, EVENT_COPY, blocks.events);
  await copyIn(c, DECISION_COPY, blocks.decisions);
  if (mode === "honest") {
    await c.query("SET LOCAL maintenance_work_mem = '256MB'");
    for (const ix of indexes) await c.query(ix.definition);
    for (const fk of keys) await c.query(`ALTER TABLE ${fk.table} ADD CONSTRAINT "${fk.name}" ${fk.definition}`);
    await c.query("ALTER TABLE track_event ENABLE TRIGGER USER");
    await c.query("ALTER TABLE infringement_decision ENABLE TRIGGER USER");
    await c.query("SELECT report_rebuild()");
    await c.query("SELECT newcomer_track_state_rebuild()");
  }
  await c.query("COMMIT");
  // as the import does after its commit: the loaded tables vacuumed, ready to be read
  if (mode === "honest") await vacuumBulkLoaded(c);
  const seconds = (performance.now() - started) / 1000;
  await c.end();
  return { seconds, events: newcomers.reduce((a, n) => a + n.events.length, 0) };
}

async function main() {
  console.log(`import benchmark: ${count.toLocaleString("en-US")} synthetic newcomers, ${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(1)}`);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "import-bench-")), "newcomers.jsonl");
  fs.writeFileSync(file, syntheticExchangeText(count));
  const text = fs.readFileSync(file, "utf8");
  const server = await startBenchServer();
  try {
    const floorUrl = await server.database("floor");
    const rawFloorUrl = await server.database("rawfloor");
    const honestFloorUrl = await server.database("honestfloor");
    const importUrl = await server.database("import");
    const f = await floor(floorUrl, text);
    console.log(
      `floor  (plain COPY of the same rows): ${f.seconds.toFixed(2)} s = ${rate(count, f.seconds)} newcomers/s (${f.events.toLocaleString("en-US")} events)`,
    );
    const r = await floor(rawFloorUrl, text, "raw");
    console.log(`raw floor (the same COPY without foreign keys and secondary indexes): ${r.seconds.toFixed(2)} s = ${rate(count, r.seconds)} newcomers/s`);
    const h = await floor(honestFloorUrl, text, "honest");
    console.log(
      `honest floor (the raw COPY + index build + key checks + report and track-state rebuild, one transaction; then VACUUM): ` +
        `${h.seconds.toFixed(2)} s = ${rate(count, h.seconds)} newcomers/s`,
    );

    const marks: Record<string, number> = { start: performance.now() };
    const result = await importExchangeFile({
      databaseUrl: importUrl,
      filePath: file,
      onPhase: (phase) => {
        marks[phase] = performance.now();
      },
    });
    marks.end = performance.now();
    if (!result.ok) throw new Error(`import refused the synthetic file: ${JSON.stringify(result.errors.slice(0, 3))}`);
    const s = (a: string, b: string) => ((marks[b]! - marks[a]!) / 1000).toFixed(2);
    console.log(`import (validate-first, one transaction): ${result.seconds.toFixed(2)} s = ${rate(count, result.seconds)} newcomers/s`);
    console.log(
      `  read file + reference codes ${s("start", "VALIDATING")} s · parse + validate ${s("VALIDATING", "IMPORTING")} s · ` +
        `lookup + format + COPY + commit ${s("IMPORTING", "end")} s`,
    );
    console.log(`ratio import/floor: ${(f.seconds / result.seconds).toFixed(2)} (import rate ÷ floor rate; 1.00 = as fast as a plain COPY)`);
    console.log(`ratio import/raw floor: ${(r.seconds / result.seconds).toFixed(2)} (the import also validates, rebuilds the indexes and re-checks the keys)`);
    console.log(
      `ratio import ÷ honest floor: ${(result.seconds / h.seconds).toFixed(2)} (the same end state; the import also reads, parses and validates the file)`,
    );
    const target = 20_000;
    console.log(
      `target ${target.toLocaleString("en-US")}/s: ${count / result.seconds >= target ? "met" : "NOT met"} by the import; ` +
        `floor ${count / f.seconds >= target ? "above" : "BELOW"} it`,
    );
  } finally {
    await server.stop();
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
