// Anonymising dossiers (issue 15): `runRetention` (lib/server/retention/run.ts) over N due
// dossiers, against a floor measured in the same run on the same rows — one plain UPDATE per
// table of the same personal columns (newcomer, track_event, infringement_decision), with the same
// triggers, rolled back. Target: 100,000 dossiers in < 2 minutes on this machine.
//   npx tsx --conditions=react-server bench/retention.bench.ts [NEWCOMERS=100000] [BATCH=500]
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startBenchServer } from "./support/fresh-server";
import { syntheticExchangeText } from "./support/synthetic-newcomers";

const N = Number(process.argv[2] ?? 100_000);
const BATCH = Number(process.argv[3] ?? 500);
// far enough ahead that every synthetic track (2019–2022) is past its term
const NOW = new Date("2040-01-01T00:00:00Z");

async function main() {
  const server = await startBenchServer();
  try {
    const url = await server.database("retention_bench");
    process.env.DATABASE_URL = url;
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "retention-bench-")), "dossiers.jsonl");
    fs.writeFileSync(file, syntheticExchangeText(N));
    const { importExchangeFile } = await import("../lib/server/exchange/import-exchange");
    const imported = await importExchangeFile({ databaseUrl: url, filePath: file });
    if (!imported.ok) throw new Error("import failed");
    const c = new pg.Client({ connectionString: url });
    c.on("error", () => {}); // the server stops in `finally`: the real error is the one thrown below
    await c.connect();
    await c.query("VACUUM ANALYZE");
    const { dueIds, countDue } = await import("../lib/server/retention/due");
    const { db } = await import("../lib/server/db");
    const before = new Date("2035-01-01T00:00:00Z"); // the rule's cutoff from NOW (5 years)
    const due = await countDue(db, before);
    // the rows the run will anonymise (due, no hold), for the floor
    const ids = await dueIds(db, before);

    let t = performance.now();
    await c.query("BEGIN");
    await c.query(
      `UPDATE newcomer SET national_number = 'X' || lpad(nextval('newcomer_anonymous_number_seq')::text, 10, '0'), last_name = 'P-' || left(id::text, 12),
              first_name = '', search_name = 'p-' || left(id::text, 12), birth_date = make_date(extract(year FROM birth_date)::int, 1, 1),
              street = NULL, postal_code = NULL, city = NULL, pseudonym = 'P-' || left(id::text, 12), anonymised_at = now()
        WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    await c.query(
      `UPDATE track_event SET note = NULL, cancel_reason = CASE WHEN cancel_reason IS NULL THEN NULL ELSE 'x' END WHERE newcomer_id = ANY($1::uuid[])
        AND (note IS NOT NULL OR cancel_reason IS NOT NULL)`,
      [ids],
    );
    await c.query(
      `UPDATE infringement_decision SET motivation = '', correction_reason = CASE WHEN correction_reason IS NULL THEN NULL ELSE 'x' END
        WHERE event_id IN (SELECT id FROM track_event WHERE newcomer_id = ANY($1::uuid[])) AND (motivation <> '' OR correction_reason IS NOT NULL)`,
      [ids],
    );
    const floor = (performance.now() - t) / 1000;
    await c.query("ROLLBACK");

    const { runRetention } = await import("../lib/server/retention/run");
    t = performance.now();
    const r = await runRetention(null, { apply: true, before, now: NOW, batchSize: BATCH, purge: false });
    const run = (performance.now() - t) / 1000;
    await c.end();
    await db.$disconnect();
    const rate = (n: number, s: number) => `${s.toFixed(1)} s = ${Math.round(n / s).toLocaleString("en")}/s`;
    console.log(`newcomers: ${N}, due: ${due.total}, held: ${due.held}, anonymised: ${r.anonymised} (batches of ${BATCH})`);
    console.log(`floor (plain UPDATE of the same rows): ${rate(ids.length, floor)}`);
    console.log(`retention --apply: ${rate(r.anonymised, run)}`);
    console.log(`ratio: ${(run / floor).toFixed(2)} × the floor; projected for 100,000: ${((run / Math.max(1, r.anonymised)) * 100_000).toFixed(0)} s`);
    if (r.anonymised !== ids.length) throw new Error(`anonymised ${r.anonymised}, expected ${ids.length}`);
  } catch (e) {
    console.error(e);
    process.exitCode = 1;
  } finally {
    await server.stop();
  }
}

// the pools of the data layer lose their server when it stops at the end: not an error of the run
process.on("uncaughtException", (e: unknown) => {
  if ((e as { code?: string }).code === "57P01") return;
  throw e;
});

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
