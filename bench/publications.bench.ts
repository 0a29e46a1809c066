// Publication benchmark (see bench/README.md, "Publicaties", issue 13).
//   npx tsx --conditions=react-server bench/publications.bench.ts [--newcomers N] [--runs 7] [--changes 0.01]
// A fresh embedded PostgreSQL with N synthetic newcomers (default 1 500 000, ~10× Flanders)
// loaded the bulk way (as reports.bench.ts), then an instant T, then later records: a share of the
// events corrected (date moved), cancelled, and new newcomers — so the knowledge history after T
// is what a few months of work leave. Measured, interleaved (floor and case alternate, median of
// RUNS ≥ 7), against the same reports as of now:
//   - the whole answer (Tables 1–18) recomputed as recorded on T (runReport with recordedOn);
//   - its diff against now: the answer now plus the one statement of the reasons (change-reasons.ts);
//   - publishing the full answer for publication (publishReport: reports, disclosure control, store,
//     audit), the first one and one with an earlier publication to stay consistent with (time).
import pg from "pg";
import { answerSpecs } from "@/lib/domain/reports/publication/spec";
import { buildReasonsQuery } from "@/lib/domain/reports/publication/change-reasons";
import { runReport } from "@/lib/domain/reports/run-report";
import { startBenchServer } from "./support/fresh-server";
import { loadRecords } from "./support/report-load";
import { syntheticRecords } from "./support/report-synthetic";

const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const NEWCOMERS = Number(arg("newcomers") ?? 1_500_000);
const RUNS = Math.max(7, Number(arg("runs") ?? 7));
const CHANGES = Number(arg("changes") ?? 0.01);
const PERIOD = { from: 2019, to: 2022, asOf: "2023-01-15" };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}
/** floor and case alternately (a busy moment of the shared machine hits both), after one warm-up each. */
async function interleaved(floor: () => Promise<unknown>, subject: () => Promise<unknown>): Promise<{ floor: number; subject: number }> {
  await floor();
  await subject();
  const f: number[] = [];
  const s: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    f.push(await time(floor));
    s.push(await time(subject));
  }
  return { floor: median(f), subject: median(s) };
}

async function main() {
  const server = await startBenchServer();
  try {
    const url = await server.database("bench_publications");
    const pool = new pg.Pool({ connectionString: url, max: 4 });
    const client = await pool.connect();
    console.log(`Laden: ${NEWCOMERS} synthetische inburgeraars …`);
    // bulk path as reports.bench.ts: triggers and indexes off during the COPY, report_rebuild() once
    const indexes = (
      await client.query<{ name: string; def: string }>(
        `SELECT indexname AS name, indexdef AS def FROM pg_indexes
          WHERE schemaname = 'public' AND tablename IN ('track_event', 'newcomer', 'infringement_decision') AND indexname NOT LIKE '%_pkey'`,
      )
    ).rows;
    for (const ix of indexes) await client.query(`DROP INDEX "${ix.name}"`);
    await client.query("SET session_replication_role = replica");
    const loaded = await loadRecords(client, syntheticRecords(NEWCOMERS), 100_000, (s) => console.log(s), true);
    await client.query("RESET session_replication_role");
    for (const ix of indexes) await client.query(ix.def);
    await client.query("SET maintenance_work_mem = '256MB'");
    await client.query("SELECT report_rebuild()");
    await client.query("VACUUM ANALYZE");
    console.log(`Geladen: ${loaded.newcomers} inburgeraars, ${loaded.events} gebeurtenissen`);

    // T, then what came later: corrections, cancellations, new records (through the triggers)
    const T = (await client.query<{ t: Date }>("SELECT clock_timestamp() AS t")).rows[0]!.t.toISOString();
    const share = Math.round(loaded.events * CHANGES);
    const later = await time(async () => {
      await client.query(
        `UPDATE track_event SET date = date + 20, updated_at = now()
          WHERE id IN (SELECT id FROM track_event WHERE cancelled_at IS NULL AND date < '2022-12-01' ORDER BY md5(id::text) LIMIT $1)`,
        [share],
      );
      await client.query(
        `UPDATE track_event SET cancelled_at = now(), cancel_reason = 'bench', updated_at = now()
          WHERE id IN (SELECT id FROM track_event WHERE cancelled_at IS NULL AND type <> 'EXTRACTION' ORDER BY md5(id::text || 'c') LIMIT $1)`,
        [Math.round(share / 2)],
      );
    });
    await client.query("VACUUM ANALYZE");
    const history = await client.query(`SELECT count(*) FILTER (WHERE recorded_to IS NOT NULL) AS closed, count(*) AS facts FROM report_fact`);
    console.log(
      `Na T: ${share} correcties en ${Math.round(share / 2)} annuleringen in ${(later / 1000).toFixed(1)} s; ` +
        `report_fact ${history.rows[0].facts} versies, waarvan ${history.rows[0].closed} afgesloten`,
    );
    client.release();

    const specs = answerSpecs(PERIOD.from, PERIOD.to);
    const answer = (recordedOn?: string) => Promise.all(specs.map((s) => runReport(pool, { ...s, asOf: PERIOD.asOf, ...(recordedOn ? { recordedOn } : {}) })));
    const reasons = buildReasonsQuery({ specs, asOf: PERIOD.asOf, agency: null, since: T, until: null })!;
    const diff = () => Promise.all([answer(), pool.query(reasons.text, reasons.values)]);

    console.log(`\nHet hele antwoord (${specs.length} rapporten), mediaan van ${RUNS}, afgewisseld met hetzelfde antwoord zoals nu:`);
    const recorded = await interleaved(
      () => answer(),
      () => answer(T),
    );
    console.log(
      `  zoals geregistreerd op T: ${recorded.subject.toFixed(0)} ms tegen ${recorded.floor.toFixed(0)} ms nu, ` +
        `verhouding ${(recorded.subject / recorded.floor).toFixed(2)} (eis ≤ 2)`,
    );
    const changed = await interleaved(() => answer(), diff);
    console.log(
      `  verschil met nu (antwoord nu + redenen in één statement): ${changed.subject.toFixed(0)} ms tegen ${changed.floor.toFixed(0)} ms, ` +
        `verhouding ${(changed.subject / changed.floor).toFixed(2)} (eis ≤ 2)`,
    );
    const reasonRows = (await pool.query(reasons.text, reasons.values)).rows.length;
    console.log(`  (redenen: ${reasonRows} cellen met een verklaring)`);

    // publishing, through the data layer as the app does it (Prisma on this database)
    process.env.DATABASE_URL = url;
    await pool.query(`INSERT INTO app_user (email, name, password_hash, role, updated_at) VALUES ('bench-publisher@test', 'Bench', 'x', 'ADMIN', now())`);
    const { commandLineActor } = await import("../lib/server/reports/command-line-actor");
    const { publishReport } = await import("../lib/server/reports/publish");
    const actor = await commandLineActor("bench-publisher@test");
    const publish = (title: string) =>
      publishReport(actor, { title, questionNumber: 113, tables: "answer", ...PERIOD, status: "VOORLOPIG", forPublication: true });
    const first = await time(() => publish("Bench eerste"));
    const second = await time(() => publish("Bench tweede"));
    console.log(
      `\nPubliceren van het hele antwoord (voor publicatie): ${first.toFixed(0)} ms; ` +
        `met een eerdere publicatie om consistent mee te blijven: ${second.toFixed(0)} ms (eis < 2000 ms)`,
    );
    const { db, sqlPool } = await import("../lib/server/db");
    await db.$disconnect();
    // the data layer's own pg pool too: the server is stopped next, and an idle client would report it
    await sqlPool().end();
    await pool.end();
  } finally {
    await server.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
