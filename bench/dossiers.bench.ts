// Dossier list and worklists at scale (issues 14 and 18), through the app's own code path.
// Data: the demo generator's own output (lib/demo-data: its name pools, its mix of nationalities,
// genders, residence statuses, offices and track steps, ~4 events per newcomer), scaled to N
// newcomers (default 1,000,000) and loaded with the app's import (bulk-load mode). Measured:
// listNewcomers (the page's rows and count, through Prisma) and the count statement alone for
// every filter combination the list form offers (bench/support/list-cases.ts), and listWorklist
// for each worklist, as a STAFF member and an ADMIN; first visit after a PostgreSQL restart
// (cold) and the median and spread of RUNS interleaved passes (warm), each beside a floor measured
// in the same run through the same client: a lookup of one newcomer by national number. Then the
// write cost of the track state's triggers (a dossier event saved with and without them) and of the name words' (a newcomer saved and renamed).
// Fails when a list count or page takes 50 ms or more, a worklist page or count 100 ms or more,
// or a list count plan scans the whole newcomer table.
//   node --conditions=react-server --import tsx bench/dossiers.bench.ts
//   BENCH_NEWCOMERS=20000 BENCH_RUNS=7 BENCH_DATA_DIR=/tmp/x (keeps and reuses the loaded database) BENCH_VERBOSE=1 (every case)
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort, type RunningPostgres, startEmbeddedPostgres } from "../lib/db/embedded-postgres";
import { ensureDatabaseExists } from "../lib/db/local-database";
import { migrate } from "../lib/db/migrate";
import { seedReferenceData } from "../lib/db/seed";
import { writeDemoFile } from "../lib/demo-data/write";
import type { Actor } from "../lib/server/auth/actor";
import { type ListCase, listCases } from "./support/list-cases";

const N = Number(process.env.BENCH_NEWCOMERS ?? 1_000_000);
const RUNS = Math.max(7, Number(process.env.BENCH_RUNS ?? 7));
/** Newcomers in the demo set at scale 1 (lib/demo-data/README.md: about 201,000). */
const DEMO_SCALE_1 = 201_000;
const LIST_GOAL_MS = 50;
const WORKLIST_GOAL_MS = 100;

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
async function timed(f: () => Promise<unknown>): Promise<number> {
  const t0 = process.hrtime.bigint();
  await f();
  return ms(t0);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const spread = (xs: number[]) => `${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)}`;

async function startServer(dataDir: string, port: number): Promise<RunningPostgres> {
  return startEmbeddedPostgres({ dataDir, port, log: () => {} });
}

/** Runs `fn` on a connection of its own. */
async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** About 200 newcomers spread over the table (a 1 % sample of its pages), for the write cases. */
async function sampleNewcomerIds(c: pg.Client): Promise<string[]> {
  return (await c.query<{ id: string }>(`SELECT id FROM newcomer TABLESAMPLE SYSTEM (1) LIMIT 200`)).rows.map((r) => r.id);
}

/** Loads the demo set at N newcomers through the app's import, unless `dir` holds it already. */
async function load(server: RunningPostgres, dir: string): Promise<string> {
  const marker = path.join(dir, `loaded-${N}`);
  const url = server.url("bench");
  await ensureDatabaseExists(server.url(), "bench");
  // a kept database gets the migrations added since it was loaded, and then what autovacuum does
  // after a migration filled a table (statistics, the visibility map that index-only scans need)
  await migrate(url, () => {});
  if (fs.existsSync(marker)) {
    await withClient(url, (v) => v.query("VACUUM ANALYZE"));
    return url;
  }
  await withClient(url, seedReferenceData);
  const file = path.join(dir, `demo-${N}.jsonl`);
  let t = Date.now();
  const written = await writeDemoFile(file, { scale: N / DEMO_SCALE_1 });
  console.error(`demo set: ${written.newcomers} newcomers, ${written.events} events in ${((Date.now() - t) / 1000).toFixed(0)} s`);
  const { importExchangeFile } = await import("../lib/server/exchange/import-exchange");
  t = Date.now();
  const result = await importExchangeFile({ databaseUrl: url, filePath: file });
  if (!result.ok) throw new Error(`import failed: ${JSON.stringify(result.errors.slice(0, 3))}`);
  console.error(`imported (bulk-load mode, incl. report tables and track state) in ${((Date.now() - t) / 1000).toFixed(0)} s`);
  fs.rmSync(file);
  // the statistics and the visibility map (index-only counts): the import takes and VACUUMs what it loaded (vacuumBulkLoaded)
  fs.writeFileSync(marker, "");
  return url;
}

/** Drops the app's pooled connections (after a restart of PostgreSQL they are dead). */
async function resetAppPool() {
  const g = globalThis as unknown as { __inburgeringDb?: { pool: pg.Pool } };
  await g.__inburgeringDb?.pool.end().catch(() => {});
  delete g.__inburgeringDb;
}

async function main() {
  const keep = process.env.BENCH_DATA_DIR;
  const dir = keep ?? fs.mkdtempSync(path.join(os.tmpdir(), "dossiers-bench-"));
  fs.mkdirSync(dir, { recursive: true });
  fs.chmodSync(dir, 0o755);
  const dataDir = path.join(dir, "pg");
  const port = await freePort();
  let server = await startServer(dataDir, port);
  try {
    const url = await load(server, dir);
    process.env.DATABASE_URL = url;
    const { listNewcomers, newcomerListCount } = await import("../lib/server/dossiers/list-newcomers");
    const { listNewcomersSchema } = await import("../lib/server/dossiers/newcomer.schema");
    const { listWorklist, worklistQueries } = await import("../lib/server/worklists/worklists");
    const { WORKLISTS } = await import("../lib/server/worklists/definitions");
    const { db } = await import("../lib/server/db");
    const pool = new pg.Pool({ connectionString: url, max: 2 });
    pool.on("error", () => {});

    const staff: Actor = {
      userId: "00000000-0000-0000-0000-000000000000",
      email: "bench@test",
      name: "Bench",
      role: "STAFF",
      agencyCode: "ATLAS",
      officeCode: "ATLAS",
      locale: "nl",
      ip: null,
    };
    const admin: Actor = { ...staff, role: "ADMIN", agencyCode: null, officeCode: null };
    // search texts and values taken from the data (a common surname fragment, a person of Atlas)
    const one = (
      await pool.query(`SELECT national_number, last_name, first_name, birth_date::text AS b FROM newcomer WHERE agency_code = 'ATLAS'
      ORDER BY id OFFSET 1000 LIMIT 1`)
    ).rows[0] as { national_number: string; last_name: string; first_name: string; b: string };
    const nn = one.national_number;
    const [y, m, d] = one.b.split("-");
    const word = (s: string) =>
      s
        .normalize("NFD")
        .replace(/[^A-Za-z]/g, "")
        .toLowerCase();
    const yearsRow = (
      await pool.query(`SELECT extraction_year AS y, count(*) AS c FROM newcomer WHERE extraction_year IS NOT NULL
      GROUP BY 1 ORDER BY 2 DESC`)
    ).rows as { y: number }[];
    const years: [number, number] = [yearsRow[0]?.y ?? 2020, yearsRow.at(-1)?.y ?? 2017];
    const cases = listCases({
      office: (await pool.query(`SELECT code FROM office WHERE agency_code = 'ATLAS' ORDER BY code LIMIT 1`)).rows[0].code,
      years,
      search: {
        name: word(one.last_name).slice(0, 4),
        twoWords: `${word(one.last_name).slice(0, 5)} ${word(one.first_name).slice(0, 3)}`,
        nnPrefix: `${nn.slice(0, 2)}.${nn.slice(2, 4)}.${nn.slice(4, 6)}`,
        nn,
        birthDate: `${d}/${m}/${y}`,
        nameYear: `${word(one.last_name)} ${y}`,
      },
    });
    const worklistCases = WORKLISTS.flatMap((list) => [
      ...(list === "herinneringen" || list === "overdracht" ? [] : [{ list, actor: staff, office: null as string | null }]),
      ...(list === "herinneringen" || list === "overdracht" ? [] : [{ list, actor: staff, office: "ATLAS" }]),
      { list, actor: admin, office: null as string | null },
    ]);
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Brussels" }).format(new Date());
    const now = new Date();
    const wq = (office: string | null) => ({ page: 1, sort: "sinds" as const, desc: false, office, exact: false });

    const actorOf = (c: ListCase) => (c.admin ? admin : staff);
    const floorOnce = () => timed(() => db.newcomer.findUnique({ where: { nationalNumber: nn }, select: { id: true, lastName: true } }));
    const listPage = (c: ListCase) => timed(() => listNewcomers(actorOf(c), c.input));
    // the count statement the page runs (for a plain name search: the dictionary lookup that picks it, then the words' count)
    const listCount = (c: ListCase) => timed(async () => db.$queryRaw(await newcomerListCount(actorOf(c), listNewcomersSchema.parse(c.input))));
    const wlPage = (w: (typeof worklistCases)[number]) => timed(() => listWorklist(w.actor, w.list, wq(w.office), now));
    const wlCount = (w: (typeof worklistCases)[number]) => timed(() => db.$queryRaw(worklistQueries(w.actor, w.list, wq(w.office), today).count));

    const lines: string[] = [];
    let failed = false;

    // plans: no list count may scan the whole newcomer table
    const seqScans: string[] = [];
    for (const c of cases) {
      const count = await newcomerListCount(actorOf(c), listNewcomersSchema.parse(c.input));
      const plan = (await pool.query(`EXPLAIN ${count.text}`, count.values)).rows.map((r) => r["QUERY PLAN"]).join("\n");
      // the newcomer table itself (newcomer_alias, empty here, is rightly read by a sequential scan)
      if (/Seq Scan on newcomer\s/.test(plan)) seqScans.push(c.label);
      if (process.env.BENCH_EXPLAIN) lines.push(`${c.label}\n${plan}`);
    }
    if (seqScans.length) {
      failed = true;
      lines.push(`SEQ SCAN of newcomer in the count of: ${seqScans.join("; ")}`);
    }

    // cold: the first visit after a restart of PostgreSQL (empty shared buffers; the OS file cache stays, which cannot be dropped here)
    await resetAppPool();
    await pool.end();
    await server.stop();
    server = await startServer(dataDir, port);
    const cold = { floor: await floorOnce(), page: [] as number[], worklist: [] as number[] };
    for (const c of cases) cold.page.push(await listPage(c));
    for (const w of worklistCases) cold.worklist.push(await wlPage(w));

    // warm: RUNS interleaved passes (floor, every case's page and count, every worklist)
    const floor: number[] = [];
    const page = cases.map(() => [] as number[]);
    const count = cases.map(() => [] as number[]);
    const wPage = worklistCases.map(() => [] as number[]);
    const wCount = worklistCases.map(() => [] as number[]);
    for (let r = 0; r < RUNS; r++) {
      floor.push(await floorOnce());
      for (const [i, c] of cases.entries()) {
        page[i]!.push(await listPage(c));
        count[i]!.push(await listCount(c));
      }
      for (const [i, w] of worklistCases.entries()) {
        wPage[i]!.push(await wlPage(w));
        wCount[i]!.push(await wlCount(w));
      }
    }
    const f = median(floor);
    lines.push(`floor (one newcomer by national number, Prisma): warm ${f.toFixed(2)} ms (${spread(floor)}), cold ${cold.floor.toFixed(1)} ms`);
    lines.push(
      "",
      "| group | cases | page: median of medians | page: slowest median (case) | count: median of medians | count: slowest median (case) |" +
        " cold page: median / max |",
    );
    lines.push("|---|---|---|---|---|---|---|");
    for (const group of ["filters", "search", "sort", "admin"] as const) {
      const idx = cases.flatMap((c, i) => (c.group === group ? [i] : []));
      const pm = idx.map((i) => median(page[i]!));
      const cm = idx.map((i) => median(count[i]!));
      const worst = (xs: number[]) => idx[xs.indexOf(Math.max(...xs))]!;
      const pw = worst(pm);
      const cw = worst(cm);
      const coldPages = idx.map((i) => cold.page[i]!);
      lines.push(
        `| ${group} | ${idx.length} | ${median(pm).toFixed(1)} ms (${(median(pm) / f).toFixed(1)}× floor) | ` +
          `${median(page[pw]!).toFixed(1)} ms, spread ${spread(page[pw]!)} (${cases[pw]!.label}) | ${median(cm).toFixed(1)} ms | ` +
          `${median(count[cw]!).toFixed(1)} ms, spread ${spread(count[cw]!)} (${cases[cw]!.label}) | ` +
          `${median(coldPages).toFixed(1)} / ${Math.max(...coldPages).toFixed(1)} ms |`,
      );
    }
    const over = cases.flatMap((c, i) => (median(page[i]!) >= LIST_GOAL_MS || median(count[i]!) >= LIST_GOAL_MS ? [c.label] : []));
    if (over.length) {
      failed = true;
      lines.push(`OVER ${LIST_GOAL_MS} ms (page or count, warm median): ${over.join("; ")}`);
    }
    if (process.env.BENCH_VERBOSE) {
      for (const [i, c] of cases.entries()) {
        lines.push(
          `${c.group} ${c.label}: page ${median(page[i]!).toFixed(1)} (${spread(page[i]!)}), ` +
            `count ${median(count[i]!).toFixed(1)} (${spread(count[i]!)}), cold ${cold.page[i]!.toFixed(1)}`,
        );
      }
    }

    lines.push(
      "",
      "| worklist | actor | found (capped count) | page + count (listWorklist): median, spread | count alone: median, spread | cold page | ÷ floor |",
    );
    lines.push("|---|---|---|---|---|---|---|");
    for (const [i, w] of worklistCases.entries()) {
      const found = (await db.$queryRaw<{ c: bigint }[]>(worklistQueries(w.actor, w.list, wq(w.office), today).count))[0]!.c;
      const p = median(wPage[i]!);
      const c = median(wCount[i]!);
      const slow = p >= WORKLIST_GOAL_MS || c >= WORKLIST_GOAL_MS;
      if (slow) failed = true;
      lines.push(
        `| ${w.list}${w.office ? ` (kantoor ${w.office})` : ""} | ${w.actor.role} | ${found} | ${p.toFixed(1)} ms, ${spread(wPage[i]!)} | ` +
          `${c.toFixed(1)} ms, ${spread(wCount[i]!)} | ${cold.worklist[i]!.toFixed(1)} ms | ${(p / f).toFixed(1)}× |` +
          (slow ? ` OVER ${WORKLIST_GOAL_MS} ms!` : ""),
      );
    }

    lines.push("", await writeCost(url, await trackStateWrites(url)));
    lines.push("", await writeCost(url, await nameWordWrites(url)));
    console.log(
      `Dossier list and worklists, ${N.toLocaleString("nl-BE")} newcomers (demo set), ${RUNS} interleaved runs, ${cases.length} list cases:`,
      `\n${lines.join("\n")}`,
    );
    await resetAppPool();
    if (failed) process.exitCode = 1;
  } catch (e) {
    console.error(e);
    process.exitCode = 1;
  } finally {
    await server.stop();
    if (!keep) fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** One save measured with and without some triggers: how to make, change and remove a row. */
interface WriteCase {
  title: string;
  table: string;
  triggers: string[];
  labels: [string, string];
  /** inserts a row for the i-th sample, returns its id */
  insert: (c: pg.Client, i: number) => Promise<string>;
  update: (c: pg.Client, id: string) => Promise<unknown>;
  remove: (c: pg.Client, id: string) => Promise<unknown>;
}

/**
 * The write cost of triggers: one row saved (BEGIN; INSERT; COMMIT, as psql would) and changed,
 * with every trigger, and with `triggers` disabled, interleaved, median of 40 each. Run as the
 * owner (ALTER TABLE), rolled back to nothing: each saved row is removed again untimed.
 */
async function writeCost(url: string, w: WriteCase): Promise<string> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const setState = async (on: boolean) => {
    for (const t of w.triggers) await c.query(`ALTER TABLE ${w.table} ${on ? "ENABLE" : "DISABLE"} TRIGGER ${t}`);
  };
  const t = { with: { insert: [] as number[], update: [] as number[] }, without: { insert: [] as number[], update: [] as number[] } };
  try {
    for (let i = 0; i < 82; i++) {
      const on = i % 2 === 0;
      await setState(on);
      let id = "";
      const ti = await timed(async () => {
        await c.query("BEGIN");
        id = await w.insert(c, i);
        await c.query("COMMIT");
      });
      const tu = await timed(async () => {
        await c.query("BEGIN");
        await w.update(c, id);
        await c.query("COMMIT");
      });
      await w.remove(c, id);
      if (i < 2) continue; // each connection's first statements plan the trigger functions
      (on ? t.with : t.without).insert.push(ti);
      (on ? t.with : t.without).update.push(tu);
    }
  } finally {
    await setState(true);
    await c.end();
  }
  const row = (k: "insert" | "update") =>
    `| ${w.labels[k === "insert" ? 0 : 1]} | ${median(t.with[k]).toFixed(2)} ms (${spread(t.with[k])}) | ` +
    `${median(t.without[k]).toFixed(2)} ms (${spread(t.without[k])}) | ${(median(t.with[k]) / median(t.without[k])).toFixed(2)} |`;
  return [w.title, "| save | with the triggers | without | ratio |", "|---|---|---|---|", row("insert"), row("update")].join("\n");
}

/** The track state's triggers on a dossier event (a new step, a step re-dated), on random newcomers. */
async function trackStateWrites(url: string): Promise<WriteCase> {
  const ids = await withClient(url, sampleNewcomerIds);
  return {
    title: "Write cost of the track state (BEGIN; statement; COMMIT; every other trigger on in both columns; median of 40, interleaved):",
    table: "track_event",
    triggers: ["track_event_state_insert", "track_event_state_update", "track_event_state_delete"],
    labels: ["new event", "event re-dated"],
    insert: async (c, i) =>
      (
        await c.query<{ id: string }>(
          `INSERT INTO track_event (newcomer_id, type, date, office_code, agency_code, nationality_code, nationality_group, residence_status_code,
             target_group, gender, updated_at)
           SELECT id, 'INVITATION', DATE '2026-11-02', office_code, agency_code, nationality_code, nationality_group, residence_status_code, target_group,
             gender, now()
           FROM newcomer WHERE id = $1 RETURNING id`,
          [ids[i % ids.length]],
        )
      ).rows[0]!.id,
    update: (c, id) => c.query(`UPDATE track_event SET date = DATE '2026-11-03' WHERE id = $1`, [id]),
    remove: (c, id) => c.query(`DELETE FROM track_event WHERE id = $1`, [id]),
  };
}

/** The name words' triggers on a newcomer (a new newcomer, a newcomer renamed), copied from random ones under numbers no one has. */
async function nameWordWrites(url: string): Promise<WriteCase> {
  const [ids, numbers] = await withClient(url, async (c) => [
    await sampleNewcomerIds(c),
    (
      await c.query<{ nn: string }>(
        `SELECT nn FROM (SELECT '0000' || lpad(i::text, 7, '0') AS nn FROM generate_series(1, 500) i) x
          WHERE NOT EXISTS (SELECT 1 FROM newcomer n WHERE n.national_number = x.nn) LIMIT 82`,
      )
    ).rows.map((r) => r.nn),
  ]);
  return {
    title: "Write cost of the name words (BEGIN; statement; COMMIT; every other trigger on in both columns; median of 40, interleaved):",
    table: "newcomer",
    triggers: ["newcomer_name_words_insert", "newcomer_name_words_update"],
    labels: ["new newcomer", "newcomer renamed"],
    insert: async (c, i) =>
      (
        await c.query<{ id: string }>(
          `INSERT INTO newcomer (national_number, last_name, first_name, search_name, birth_date, gender, nationality_code, nationality_group,
             residence_status_code, target_group, office_code, agency_code, updated_at)
           SELECT $2, last_name, first_name || 'x', search_name || 'x', birth_date, gender, nationality_code, nationality_group,
             residence_status_code, target_group, office_code, agency_code, now()
           FROM newcomer WHERE id = $1 RETURNING id`,
          [ids[i % ids.length], numbers[i]],
        )
      ).rows[0]!.id,
    update: (c, id) => c.query(`UPDATE newcomer SET last_name = last_name || 'y', search_name = search_name || 'y' WHERE id = $1`, [id]),
    remove: (c, id) => c.query(`DELETE FROM newcomer WHERE id = $1`, [id]),
  };
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
