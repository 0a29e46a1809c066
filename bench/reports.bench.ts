// Report benchmark (see bench/README.md, "Rapporten").
//   npx tsx bench/reports.bench.ts [--newcomers N | --jsonl FILE] [--runs 5] [--explain] [--pages [--replica]]
// Starts a fresh embedded PostgreSQL (or a new database on BENCH_DATABASE_URL's server), loads
// N synthetic newcomers (default 1 500 000, ~10× Flanders) or a JSONL file with COPY, then
// measures, in the same run: the full answer (Tables 1–18) through runReport against the floor
// (the same aggregates as hand-written SQL run with pg), each report page's engine call, and the
// "first contract" query with and without the is_first_of_type marker. Prints EXPLAIN plans.
// `--pages --replica`: also makes a streaming standby of the (embedded) database and times the
// same pages with the app reading its reports there (REPORTS_DATABASE_URL), side by side.
// `--writes`: the per-save cost of the report triggers through recordTrackEvent (with / without).
// `--as-of D1,D2,…`: the reference dates the answer and the pages are timed at (default four).
// `--data DIR [--database NAME]`: the embedded server's data in DIR, kept after the run; a database
// that already holds newcomers is measured as it is (no load), e.g. the 10× database that
// bench/publications.bench.ts keeps (`--database bench_publications`): a 10× load takes ~40 min.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort, startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { startEmbeddedStandby, waitForReplay, type RunningStandby } from "@/lib/db/embedded-standby";
import { ensureDatabaseExists } from "@/lib/db/local-database";
import { migrate } from "@/lib/db/migrate";
import { seedReferenceData } from "@/lib/db/seed";
import { answerTables } from "@/lib/domain/reports/answer-tables";
import { questions } from "@/lib/domain/reports/questions";
import { runReport } from "@/lib/domain/reports/run-report";
import { REPORT_CONCURRENCY, runReports } from "@/lib/domain/reports/run-reports";
import { buildReportQuery } from "@/lib/domain/reports/sql";
import { parseReportParams } from "@/lib/domain/reports/report-params.schema";
import { contractsWithoutMarker, countFloorParams, countFloorQueries, floorQueries } from "./support/report-floor";
import { buildDirectReportQuery, reportCells } from "../tests/support/direct-report-sql";
import { loadRecords, readJsonl } from "./support/report-load";
import { type PageTiming, timeReportPages } from "./support/report-pages";
import { waitForPrewarm } from "./support/prewarm";
import { syntheticRecords } from "./support/report-synthetic";
import { fmt, interleaved, median, time } from "./support/interleave";

const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const NEWCOMERS = Number(arg("newcomers") ?? 1_500_000);
const JSONL = arg("jsonl");
const RUNS = Number(arg("runs") ?? 5);
const KEEP = arg("data") ? path.resolve(arg("data")!) : undefined;
const DATABASE = arg("database") ?? "bench";
const PERIOD = { from: 2019, to: 2022, asOf: "2023-01-15" };
// several reference dates: early in the year after the period (the published answer's), at the
// end of the period, in its last year, and mid-year after it (the facts that start or end in the
// as-of year are counted row by row, so the date matters)
const AS_OF_DATES = (arg("as-of") ?? "2023-01-15,2022-06-30,2022-12-31,2023-07-01").split(",");

/**
 * A pool whose idle connections may die: the bench restarts PostgreSQL itself, and stops it when a
 * step fails; a query's own error still rejects it (and is printed), only the idle ones are dropped.
 */
function openPool(connectionString: string, max: number): pg.Pool {
  const pool = new pg.Pool({ connectionString, max });
  pool.on("error", () => {});
  return pool;
}

async function timeRuns(fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const xs: number[] = [];
  for (let i = 0; i < RUNS; i++) xs.push(await time(fn));
  return median(xs);
}

/** The bulk load of a fresh database: COPY without triggers and indexes, then the indexes and report_rebuild(). */
async function load(client: pg.PoolClient) {
  console.log(`Laden: ${JSONL ?? `${NEWCOMERS} synthetische inburgeraars`} …`);
  // Bulk path (default): triggers off, indexes dropped and rebuilt after, the marker written by
  // the loader and checked below. `--trigger-path` loads through the triggers instead (the way
  // a COPY-based import does), which is far slower at this volume (see bench/README.md).
  const viaTriggers = args.includes("--trigger-path");
  const indexDefs = viaTriggers
    ? []
    : (
        await client.query<{ name: string; def: string }>(
          `SELECT indexname AS name, indexdef AS def FROM pg_indexes
            WHERE schemaname = 'public' AND tablename IN ('track_event', 'newcomer', 'infringement_decision') AND indexname NOT LIKE '%_pkey'`,
        )
      ).rows;
  if (!viaTriggers) {
    for (const ix of indexDefs) await client.query(`DROP INDEX "${ix.name}"`);
    await client.query("SET session_replication_role = replica");
  }
  const loadMs = await time(async () => {
    const loaded = await loadRecords(client, JSONL ? readJsonl(JSONL) : syntheticRecords(NEWCOMERS), 100_000, (s) => console.log(s), !viaTriggers);
    console.log(`Geladen: ${loaded.newcomers} inburgeraars, ${loaded.events} gebeurtenissen`);
  });
  console.log(`Laden (${viaTriggers ? "COPY + triggers" : "COPY zonder triggers en indexen"}) ${(loadMs / 1000).toFixed(1)} s`);
  if (!viaTriggers) {
    await client.query("RESET session_replication_role");
    const ixMs = await time(async () => {
      for (const ix of indexDefs) await client.query(ix.def);
    });
    console.log(`Indexen opnieuw opgebouwd: ${(ixMs / 1000).toFixed(1)} s`);
    // the triggers were off: derive report_fact / report_count once, as a bulk import does
    await client.query("SET maintenance_work_mem = '256MB'");
    const rebuildMs = await time(() => client.query("SELECT report_rebuild()"));
    console.log(`Rapporttellingen afgeleid (report_rebuild): ${(rebuildMs / 1000).toFixed(1)} s`);
  }
  await client.query("VACUUM ANALYZE");
}

async function main() {
  let url: string,
    stop = async () => {};
  let makeStandby: (() => Promise<{ url: string; standby: RunningStandby }>) | null = null;
  // the embedded server only: stop and start it again on the same data directory (a first visit after a restart)
  let restart: (() => Promise<void>) | null = null;
  const external = process.env.BENCH_DATABASE_URL;
  if (external && args.includes("--replica"))
    throw new Error("--replica werkt alleen met de ingebouwde PostgreSQL (zonder BENCH_DATABASE_URL): de standby is een kopie van zijn datamap.");
  if (external) {
    const u = new URL(external);
    u.pathname = "/postgres";
    const name = `bench_reports_${Date.now()}`;
    await ensureDatabaseExists(u.toString(), name);
    u.pathname = `/${name}`;
    url = u.toString();
  } else {
    const dir = KEEP ?? fs.mkdtempSync(path.join(os.tmpdir(), "bench-reports-"));
    fs.mkdirSync(dir, { recursive: true });
    fs.chmodSync(dir, 0o755);
    const serverOpts = { dataDir: path.join(dir, "pg"), port: await freePort(), log: () => {} };
    let server = await startEmbeddedPostgres(serverOpts);
    await ensureDatabaseExists(server.url(), DATABASE);
    url = server.url(DATABASE);
    makeStandby = async () => {
      const port = await freePort();
      const standby = await startEmbeddedStandby({
        primaryUrl: server.url(),
        primaryDataDir: server.dataDir,
        dataDir: path.join(dir, "standby"),
        port,
        log: () => {},
      });
      return { url: standby.url("bench"), standby };
    };
    restart = async () => {
      await server.stop();
      server = await startEmbeddedPostgres(serverOpts);
    };
    stop = async () => {
      await server.stop();
      if (!KEEP) fs.rmSync(dir, { recursive: true, force: true });
    };
  }
  try {
    await migrate(url);
    let pool = openPool(url, 4);
    const client = await pool.connect();
    await seedReferenceData(client);
    const kept = Number((await client.query<{ n: string }>("SELECT count(*) AS n FROM newcomer")).rows[0]!.n);
    if (kept > 0) console.log(`Bewaarde databank (${KEEP}, ${DATABASE}): ${kept} inburgeraars, niet opnieuw geladen`);
    else await load(client);
    // the marker must single out exactly the DISTINCT ON choice of every (newcomer, type) pair
    const check = await client.query(`SELECT count(*) AS wrong FROM (
      SELECT DISTINCT ON (newcomer_id, type) id FROM track_event WHERE cancelled_at IS NULL ORDER BY newcomer_id, type, date, created_at, id) f
      FULL JOIN (SELECT id FROM track_event WHERE is_first_of_type) m USING (id) WHERE f.id IS NULL OR m.id IS NULL`);
    console.log(`Marker: ${check.rows[0].wrong === "0" ? "klopt voor elke (inburgeraar, soort)" : `${check.rows[0].wrong} FOUTEN`}`);
    const sizes = await client.query(`SELECT (SELECT count(*) FROM report_fact) AS facts, (SELECT count(*) FROM report_count) AS counts,
      (SELECT string_agg(grain || ': ' || n, ', ' ORDER BY grain) FROM (SELECT grain, count(*) AS n FROM report_count GROUP BY grain) g) AS grains`);
    console.log(`report_fact: ${sizes.rows[0].facts} feiten; report_count: ${sizes.rows[0].counts} rijen (per grain ${sizes.rows[0].grains})`);
    client.release();

    // The full answer the way the page runs it (lib/server/reports/get-answer.ts): the 19 reports
    // through runReports over a pool as large as the app's (DATABASE_POOL_SIZE, 10), at several reference
    // dates, each against two floors, alternating run by run (bench/support/interleave.ts):
    // - the count floor: the same 19 aggregates by hand over the engine's own derived tables
    //   (report_count / report_fact) — what the engine adds on top of its tables;
    // - the independent floor: the same 19 reports written directly over track_event
    //   (tests/support/direct-report-sql.ts), the simplest way without any derived table; its
    //   cells are checked equal to the engine's in the run. What the derived tables cost instead
    //   is the derivation (report_rebuild, above) and the triggers on every save (--writes).
    let answerPool = openPool(url, 10);
    const answerInputs = (asOf: string) =>
      answerTables.flatMap((t) => t.measures.map((m) => ({ measure: m, by: t.by, from: t.lastYearOnly ? PERIOD.to : PERIOD.from, to: PERIOD.to, asOf })));
    const answer = (asOf: string, on: pg.Pool = answerPool) => runReports(on, answerInputs(asOf));
    // the floors with the same parallelism as the engine (REPORT_CONCURRENCY statements in flight)
    const limited = async (tasks: (() => Promise<unknown>)[]) => {
      let next = 0;
      const worker = async () => {
        while (next < tasks.length) await tasks[next++]!();
      };
      await Promise.all(Array.from({ length: REPORT_CONCURRENCY }, worker));
    };
    const countFloor = (asOf: string, on: pg.Pool = answerPool) => {
      const values = countFloorParams(PERIOD.from, PERIOD.to, asOf);
      return limited(countFloorQueries.map((q) => () => on.query(q, values)));
    };
    const directAnswer = (asOf: string, on: pg.Pool = answerPool) =>
      limited(
        answerInputs(asOf).map((i) => () => {
          const q = buildDirectReportQuery(parseReportParams(i));
          return on.query(q.text, q.values);
        }),
      );
    console.log(
      `\nAntwoord (18 tabellen, 19 rapporten, ${REPORT_CONCURRENCY} tegelijk zoals de pagina, pool 10), afwisselend met de vloer, ${Math.max(7, RUNS)} paren:`,
    );
    for (const asOf of AS_OF_DATES) {
      const total = async (text: string, values: unknown[], column: string) =>
        (await answerPool.query(`SELECT coalesce(sum(t.${column}), 0)::text AS t FROM (${text}) t`, values)).rows[0].t;
      let same = 0;
      let sameTotals = 0;
      const floorValues = countFloorParams(PERIOD.from, PERIOD.to, asOf);
      for (const [n, i] of answerInputs(asOf).entries()) {
        const p = parseReportParams(i);
        const q = buildReportQuery(p);
        if ((await reportCells(answerPool, q)).join("\n") === (await reportCells(answerPool, buildDirectReportQuery(p))).join("\n")) same++;
        // the count floor groups by raw columns, the engine by dimensions: their totals must agree
        if ((await total(q.text, q.values, "value")) === (await total(countFloorQueries[n]!, floorValues, "sum"))) sameTotals++;
      }
      const vsCount = await interleaved(
        () => answer(asOf),
        () => countFloor(asOf),
        RUNS,
      );
      const vsDirect = await interleaved(
        () => answer(asOf),
        () => directAnswer(asOf),
        Math.min(RUNS, 7),
      );
      console.log(`  peildatum ${asOf}: engine ${fmt(vsCount.a)}`);
      console.log(
        `    vloer over de eigen teltabellen: ${fmt(vsCount.b)}, verhouding ${vsCount.ratio.toFixed(2)} (eis ≤ 1,5); ` +
          `zelfde totalen: ${sameTotals === 19 ? "ja, 19 van 19" : `NEE, ${19 - sameTotals} verschillen`}`,
      );
      console.log(
        `    onafhankelijke vloer direct over track_event: ${fmt(vsDirect.b)}, verhouding ${vsDirect.ratio.toFixed(3)}; ` +
          `zelfde cellen: ${same === 19 ? "ja, 19 van 19" : `NEE, ${19 - same} verschillen`}`,
      );
    }
    // the hand-written floor over track_event of earlier runs (one statement per table, in sequence)
    const floorParams = [`${PERIOD.from}-01-01`, `${PERIOD.to}-12-31`, PERIOD.asOf, `${PERIOD.to}-01-01`];
    const floor = async () => {
      for (const q of floorQueries) await pool.query(q, floorParams.slice(0, q.includes("$4") ? 4 : 3));
    };
    console.log(`  (met de hand over track_event, na elkaar: ${(await timeRuns(floor)).toFixed(0)} ms)`);

    // stops and starts PostgreSQL, and replaces the bench's pools (their connections died with it)
    // `prewarmed`: then waits until pg_prewarm has reloaded the blocks cached before (returns how long)
    const restartDb = restart
      ? async (prewarmed = false) => {
          await Promise.all([pool.end(), answerPool.end()]).catch(() => {});
          await restart!();
          const waited = prewarmed ? await waitForPrewarm(url) : 0;
          pool = openPool(url, 4);
          answerPool = openPool(url, 10);
          return waited;
        }
      : null;
    if (restartDb) {
      // a first visitor after a database restart: empty shared buffers (the OS cache stays), new
      // connections without catalog caches or plans; each figure is the first run after its own restart
      console.log("\nNa een herstart van PostgreSQL (eerste run, nieuwe verbindingen):");
      const cold: [string, (on: pg.Pool) => Promise<unknown>][] = [
        ["engine (antwoord)", (on) => answer(PERIOD.asOf, on)],
        ["vloer over de eigen teltabellen", (on) => countFloor(PERIOD.asOf, on)],
        ["onafhankelijke vloer over track_event", (on) => directAnswer(PERIOD.asOf, on)],
      ];
      const coldMs: number[] = [];
      for (const [label, fn] of cold) {
        await restartDb();
        const ms = await time(() => fn(answerPool));
        const warm = await time(() => fn(answerPool));
        coldMs.push(ms);
        console.log(`  ${label}: ${ms.toFixed(0)} ms koud, daarna ${warm.toFixed(0)} ms`);
      }
      console.log(`  verhouding koud engine ÷ koude vloer over de teltabellen: ${(coldMs[0]! / coldMs[1]!).toFixed(2)}`);
      // the first visitor of the day comes seconds after a restart, not at once: by then pg_prewarm
      // (lib/db/embedded-postgres.ts) has reloaded the blocks cached before it; the connections are still new
      console.log("Na een herstart, zodra pg_prewarm de buffers teruggeladen heeft (eerste run, nieuwe verbindingen):");
      const prewarmedMs: number[] = [];
      for (const [label, fn] of cold.slice(0, 2)) {
        // what the buffers hold at shutdown is what pg_prewarm restores: first the visitor's own work, warm
        for (let i = 0; i < 3; i++) await fn(answerPool);
        const waited = await restartDb(true);
        const ms = await time(() => fn(answerPool));
        prewarmedMs.push(ms);
        console.log(`  ${label}: ${ms.toFixed(0)} ms (pg_prewarm klaar ${(waited / 1000).toFixed(1)} s na de start)`);
      }
      console.log(`  verhouding engine ÷ vloer over de teltabellen: ${(prewarmedMs[0]! / prewarmedMs[1]!).toFixed(2)}`);
    }

    if (args.includes("--writes")) {
      // the per-save cost of the report triggers, through the app's write function
      process.env.DATABASE_URL = url;
      const { timeReportTriggerWrites } = await import("./support/report-writes");
      const w = await timeReportTriggerWrites(url);
      console.log("\nOpslaan van een stap (recordTrackEvent, één transactie), rapporttriggers aan/uit in afwisselende blokken:");
      console.log(`  met de rapporttriggers: ${fmt(w.withTriggers)}; zonder: ${fmt(w.without)}; verhouding ${w.ratio.toFixed(2)} (eis ≤ 1,5)`);
    }

    // each report page's engine call (its default report), and the heaviest choices per page
    console.log("\nRapportpagina's (engine-aanroep van de pagina, mediaan):");
    const pageCases: [string, string, string[]][] = [
      ...Object.values(questions).map((q) => [q.slug, q.defaultMeasure, q.defaultBy] as [string, string, string[]]),
      ["vraag-1", "reach", ["province", "registered"]],
      ["vraag-2", "contracts", ["nationality", "gender"]],
      ["vraag-2", "attestations", ["residence_status"]],
      ["vraag-3", "fines", ["nationality", "amount"]],
      ["vraag-4", "dvz_advices", ["agency", "follow_up"]],
    ];
    let mismatches = 0;
    for (const [slug, measure, by] of pageCases) {
      const ms = await timeRuns(() => runReport(pool, { measure, by, ...PERIOD }));
      // the same report written directly over track_event (the engine before report_count) must
      // give the same cells
      const p = parseReportParams({ measure, by, ...PERIOD });
      const direct = await time(async () => {
        if ((await reportCells(pool, buildReportQuery(p))).join("\n") !== (await reportCells(pool, buildDirectReportQuery(p))).join("\n")) mismatches++;
      });
      console.log(
        `  ${slug} ${measure} per ${by.join(",")}: ${ms.toFixed(0)} ms${ms < 300 ? "" : "  (> 300 ms!)"}  ` +
          `(direct over track_event + vergelijking: ${direct.toFixed(0)} ms)`,
      );
    }
    console.log(`  Zelfde cellen als de query direct over track_event: ${mismatches === 0 ? "ja, voor elke pagina" : `NEE, ${mismatches} verschillen`}`);
    const agencyMs = await timeRuns(() => runReport(pool, { measure: "contracts", by: ["office"], ...PERIOD, agency: "ATLAS" }));
    console.log(`  vraag-2 contracts per office, alleen ATLAS: ${agencyMs.toFixed(0)} ms`);

    if (args.includes("--pages")) {
      // the same pages over HTTP from the production build, signed in as a Flemish-scope manager
      console.log("\nRapportpagina's over HTTP (next start, aangemeld als manager@agii.demo, volledige HTML, mediaan):");
      const cases = [...pageCases.map(([slug, measure, by]) => ({ slug, measure, by })), { slug: "antwoord", measure: "", by: [] }];
      const { pages, cold } = await timeReportPages(url, cases, PERIOD, RUNS, (s) => console.log(s), undefined, {
        asOfDates: AS_OF_DATES,
        // the first visitor after a restart, once pg_prewarm has reloaded the buffers (see above)
        ...(restartDb ? { restart: () => restartDb(true).then((ms) => console.log(`  (pg_prewarm klaar ${(ms / 1000).toFixed(1)} s na de herstart)`)) } : {}),
      });
      const shown = (p: PageTiming) =>
        `eerste bezoek ${p.first.toFixed(0)} ms (${p.firstMin.toFixed(0)}–${p.firstMax.toFixed(0)})` +
        `${p.first < 300 ? "" : " (> 300 ms!)"}, daarna ${p.ms.toFixed(0)} ms (${p.min.toFixed(0)}–${p.max.toFixed(0)})` +
        (p.ms < 300 ? "" : "  (> 300 ms!)");
      if (args.includes("--replica") && makeStandby) {
        // the same pages with the reports read from a streaming standby of this database (the
        // sign-in, the session and the audit stay on the primary)
        const { url: replicaUrl, standby } = await makeStandby();
        try {
          await waitForReplay(url, replicaUrl);
          const onReplica = await timeReportPages(url, cases, PERIOD, RUNS, (s) => console.log(s), replicaUrl, { asOfDates: AS_OF_DATES });
          console.log("  pagina: hoofddatabank | replica (REPORTS_DATABASE_URL)");
          pages.forEach((p, i) => console.log(`  ${p.page}: ${shown(p)} | ${shown(onReplica.pages[i]!)}`));
        } finally {
          await standby.remove();
        }
      } else for (const p of pages) console.log(`  ${p.page}: ${shown(p)}`);
      if (cold)
        console.log(
          `  antwoord, eerste bezoek na een herstart van PostgreSQL (pg_prewarm klaar): ${cold.ms.toFixed(0)} ms${cold.ms < 600 ? "" : "  (> 600 ms!)"}` +
            (cold.failedBefore ? ` (${cold.failedBefore} mislukte aanvraag ervoor)` : ""),
        );
    }

    const params = [`${PERIOD.from}-01-01`, `${PERIOD.to}-12-31`, PERIOD.asOf];
    const withMarker = await timeRuns(() => pool.query(floorQueries[1]!, params));
    const without = await timeRuns(() => pool.query(contractsWithoutMarker, params));
    console.log(`\nEerste contract per inburgeraar: met marker ${withMarker.toFixed(0)} ms, met DISTINCT ON ${without.toFixed(0)} ms`);

    if (args.includes("--explain")) {
      for (const [measure, by] of [
        ["contracts", ["office"]],
        ["reach", ["office", "registered"]],
        ["contracts", ["nationality", "gender"]],
        ["fines", ["nationality"]],
      ] as const) {
        const q = buildReportQuery(parseReportParams({ measure, by: [...by], ...PERIOD }));
        const plan = await pool.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${q.text}`, q.values);
        console.log(`\nEXPLAIN ${measure} per ${by.join(",")}:\n${plan.rows.map((r) => r["QUERY PLAN"]).join("\n")}`);
      }
    }
    await Promise.all([pool.end(), answerPool.end()]);
  } finally {
    await stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
