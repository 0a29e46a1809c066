// Report benchmark (see bench/README.md, "Rapporten").
//   npx tsx bench/reports.bench.ts [--newcomers N | --jsonl FILE] [--runs 5] [--explain] [--pages [--replica]]
// Starts a fresh embedded PostgreSQL (or a new database on BENCH_DATABASE_URL's server), loads
// N synthetic newcomers (default 1 500 000, ~10× Flanders) or a JSONL file with COPY, then
// measures, in the same run: the full answer (Tables 1–18) through runReport against the floor
// (the same aggregates as hand-written SQL run with pg), each report page's engine call, and the
// "first contract" query with and without the is_first_of_type marker. Prints EXPLAIN plans.
// `--pages --replica`: also makes a streaming standby of the (embedded) database and times the
// same pages with the app reading its reports there (REPORTS_DATABASE_URL), side by side.
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
import { buildReportQuery } from "@/lib/domain/reports/sql";
import { parseReportParams } from "@/lib/domain/reports/report-params.schema";
import { contractsWithoutMarker, countFloorQueries, floorQueries } from "./support/report-floor";
import { buildDirectReportQuery, reportCells } from "../tests/support/direct-report-sql";
import { loadRecords, readJsonl } from "./support/report-load";
import { timeReportPages } from "./support/report-pages";
import { syntheticRecords } from "./support/report-synthetic";

const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const NEWCOMERS = Number(arg("newcomers") ?? 1_500_000);
const JSONL = arg("jsonl");
const RUNS = Number(arg("runs") ?? 5);
const PERIOD = { from: 2019, to: 2022, asOf: "2023-01-15" };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}
async function timeRuns(fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const xs: number[] = [];
  for (let i = 0; i < RUNS; i++) xs.push(await time(fn));
  return median(xs);
}

async function main() {
  let url: string,
    stop = async () => {};
  let makeStandby: (() => Promise<{ url: string; standby: RunningStandby }>) | null = null;
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
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-reports-"));
    fs.chmodSync(dir, 0o755);
    const server = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port: await freePort(), log: () => {} });
    await ensureDatabaseExists(server.url(), "bench");
    url = server.url("bench");
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
    stop = async () => {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    };
  }
  try {
    await migrate(url);
    const pool = new pg.Pool({ connectionString: url, max: 4 });
    const client = await pool.connect();
    await seedReferenceData(client);
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
    // the marker must single out exactly the DISTINCT ON choice of every (newcomer, type) pair
    const check = await client.query(`SELECT count(*) AS wrong FROM (
      SELECT DISTINCT ON (newcomer_id, type) id FROM track_event WHERE cancelled_at IS NULL ORDER BY newcomer_id, type, date, created_at, id) f
      FULL JOIN (SELECT id FROM track_event WHERE is_first_of_type) m USING (id) WHERE f.id IS NULL OR m.id IS NULL`);
    console.log(`Marker: ${check.rows[0].wrong === "0" ? "klopt voor elke (inburgeraar, soort)" : `${check.rows[0].wrong} FOUTEN`}`);
    const sizes = await client.query(`SELECT (SELECT count(*) FROM report_fact) AS facts, (SELECT count(*) FROM report_count) AS counts,
      (SELECT string_agg(grain || ': ' || n, ', ' ORDER BY grain) FROM (SELECT grain, count(*) AS n FROM report_count GROUP BY grain) g) AS grains`);
    console.log(`report_fact: ${sizes.rows[0].facts} feiten; report_count: ${sizes.rows[0].counts} rijen (per grain ${sizes.rows[0].grains})`);
    client.release();

    // the full answer: runReport per table (sequential, as one connection would) vs the floor
    const answer = () =>
      (async () => {
        for (const t of answerTables)
          for (const m of t.measures)
            await runReport(pool, { measure: m, by: t.by, from: t.lastYearOnly ? PERIOD.to : PERIOD.from, to: PERIOD.to, asOf: PERIOD.asOf });
      })();
    const floor = () =>
      (async () => {
        for (const q of floorQueries) await pool.query(q, floorParams.slice(0, q.includes("$4") ? 4 : 3));
      })();
    const floorParams = [`${PERIOD.from}-01-01`, `${PERIOD.to}-12-31`, PERIOD.asOf, `${PERIOD.to}-01-01`];
    const asOfYear = Number(PERIOD.asOf.slice(0, 4));
    const countFloor = () =>
      (async () => {
        for (const q of countFloorQueries) await pool.query(q, [PERIOD.from, PERIOD.to, PERIOD.asOf, asOfYear, `${asOfYear}-01-01`, `${asOfYear}-12-31`]);
      })();
    const answerMs = await timeRuns(answer);
    const countFloorMs = await timeRuns(countFloor);
    const floorMs = await timeRuns(floor);
    console.log(`\nAntwoord (18 tabellen, 19 queries): engine ${answerMs.toFixed(0)} ms`);
    console.log(
      `  vloer over dezelfde teltabellen (report_count/report_fact, met de hand): ${countFloorMs.toFixed(0)} ms, ` +
        `verhouding ${(answerMs / countFloorMs).toFixed(2)} (eis ≤ 1,5)`,
    );
    console.log(`  vloer over de gebeurtenissen zelf (track_event, met de hand): ${floorMs.toFixed(0)} ms, verhouding ${(answerMs / floorMs).toFixed(2)}`);

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
      const pages = await timeReportPages(url, cases, PERIOD, RUNS, (s) => console.log(s));
      if (args.includes("--replica") && makeStandby) {
        // the same pages with the reports read from a streaming standby of this database (the
        // sign-in, the session and the audit stay on the primary)
        const { url: replicaUrl, standby } = await makeStandby();
        try {
          await waitForReplay(url, replicaUrl);
          const onReplica = await timeReportPages(url, cases, PERIOD, RUNS, (s) => console.log(s), replicaUrl);
          console.log("  pagina: hoofddatabank | replica (REPORTS_DATABASE_URL)");
          pages.forEach((p, i) =>
            console.log(
              `  ${p.page}: ${p.ms.toFixed(0)} ms | ${onReplica[i]!.ms.toFixed(0)} ms${Math.max(p.ms, onReplica[i]!.ms) < 300 ? "" : "  (> 300 ms!)"}`,
            ),
          );
        } finally {
          await standby.remove();
        }
      } else for (const p of pages) console.log(`  ${p.page}: ${p.ms.toFixed(0)} ms${p.ms < 300 ? "" : "  (> 300 ms!)"}`);
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
    await pool.end();
  } finally {
    await stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
