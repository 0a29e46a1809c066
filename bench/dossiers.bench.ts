// Dossier list at scale: N synthetic newcomers (default 1,000,000, loaded with COPY) plus an
// extraction for each and a registration for a third, then the list queries exactly as the app
// runs them (newcomerListQueries), timed as a ratio against a floor measured in the same run:
// a plain lookup of one newcomer by its unique national number. Also fails when a list plan
// scans the whole newcomer table. The worklists (issue 14) are timed the same way, each one's first
// page and its count, and fail above 100 ms.
//   node --conditions=react-server --import tsx bench/dossiers.bench.ts   [BENCH_NEWCOMERS=200000]
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { freePort, startEmbeddedPostgres } from "../lib/db/embedded-postgres";
import { ensureDatabaseExists } from "../lib/db/local-database";
import { migrate } from "../lib/db/migrate";
import { seedReferenceData } from "../lib/db/seed";
import { makeNationalNumber } from "../lib/domain/national-number";
import { toSearchName } from "../lib/domain/search-name";
import type { Actor } from "../lib/server/auth/actor";

const N = Number(process.env.BENCH_NEWCOMERS ?? 1_000_000);
const RUNS = 15;
const SYLLABLES = [
  "ver",
  "mee",
  "ren",
  "jan",
  "sen",
  "ben",
  "ali",
  "oz",
  "turk",
  "yil",
  "maz",
  "da",
  "sil",
  "va",
  "ko",
  "wal",
  "ski",
  "el",
  "am",
  "ra",
  "ni",
  "pe",
  "ters",
  "dub",
  "ois",
  "ngu",
  "yen",
  "ha",
  "san",
  "mo",
];
const FIRST = ["Ayşe", "José", "Mohamed", "Fatima", "Anna", "Piotr", "Olena", "Samira", "Yusuf", "Maria", "Ahmed", "Noor"];
const OFFICES: [string, string][] = [
  ["ATLAS", "ATLAS"],
  ["IN_GENT", "IN_GENT"],
  ["AGII_ANTWERPEN", "AGII"],
  ["AGII_LIMBURG", "AGII"],
  ["AGII_OOST_VLAANDEREN", "AGII"],
  ["AGII_BRUSSEL", "AGII"],
];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

function* newcomerRows(): Generator<string> {
  const r = rng(42);
  // unique national numbers: every birth date (1950…2005) × odd sequence numbers
  let day = 0,
    seq = 1;
  for (let i = 0; i < N; i++) {
    const birth = new Date(Date.UTC(1950, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
    const nn = makeNationalNumber(birth, seq);
    day++;
    if (day >= 20_000) {
      day = 0;
      seq += 2;
    }
    const last = Array.from({ length: 2 + Math.floor(r() * 2) }, () => SYLLABLES[Math.floor(r() * SYLLABLES.length)]).join("");
    const lastName = last.charAt(0).toUpperCase() + last.slice(1);
    const firstName = FIRST[Math.floor(r() * FIRST.length)]!;
    const [office, agency] = OFFICES[Math.floor(r() * OFFICES.length)]!;
    const tg = r() < 0.7 ? "PLICHT" : r() < 0.9 ? "RECHT" : "ONBEPAALD";
    yield `${nn}\t${lastName}\t${firstName}\t${toSearchName(lastName, firstName)}\t${birth}\tM\tMAR\tDERDELANDER\tGEZINSHERENIGING_BELG\t` +
      `${tg}\t${office}\t${agency}\t2026-01-01 00:00:00+00\n`;
  }
}

async function copy(client: pg.PoolClient, sql: string, rows: Iterable<string>) {
  const batch = function* () {
    let buf = "";
    for (const row of rows) {
      buf += row;
      if (buf.length > 1 << 20) {
        yield buf;
        buf = "";
      }
    }
    if (buf) yield buf;
  };
  await pipeline(Readable.from(batch()), client.query(copyFrom(sql)));
}

async function median(pool: pg.Pool, text: string, values: unknown[]) {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = process.hrtime.bigint();
    await pool.query(text, values);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dossiers-bench-"));
  fs.chmodSync(dir, 0o755);
  const server = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port: await freePort() });
  try {
    await ensureDatabaseExists(server.url(), "bench");
    const url = server.url("bench");
    await migrate(url);
    const pool = new pg.Pool({ connectionString: url, max: 2 });
    pool.on("error", () => {}); // the server stops at the end; idle clients then report it
    const c = await pool.connect();
    c.on("error", () => {});
    await seedReferenceData(c);
    let t = Date.now();
    await copy(
      c,
      `COPY newcomer (national_number, last_name, first_name, search_name, birth_date, gender, nationality_code, nationality_group,
        residence_status_code, target_group, office_code, agency_code, updated_at) FROM STDIN`,
      newcomerRows(),
    );
    console.error(`loaded ${N} newcomers in ${((Date.now() - t) / 1000).toFixed(0)} s`);
    t = Date.now();
    await c.query(`INSERT INTO track_event (newcomer_id, type, date, office_code, agency_code, nationality_code, nationality_group, residence_status_code,
        target_group, gender, updated_at)
      SELECT id, 'EXTRACTION', DATE '2015-01-01' + (abs(hashtext(id::text)) % 2900), office_code, agency_code, nationality_code, nationality_group,
        residence_status_code, target_group, gender, now() FROM newcomer`);
    await c.query(`INSERT INTO track_event (newcomer_id, type, date, office_code, agency_code, nationality_code, nationality_group, residence_status_code,
        target_group, gender, updated_at)
      SELECT id, 'REGISTRATION', DATE '2023-06-01', office_code, agency_code, nationality_code, nationality_group, residence_status_code, target_group, gender,
        now() FROM newcomer WHERE abs(hashtext(id::text)) % 3 = 0`);
    // the worklists' clocks (issue 14): an invitation for everyone, a contract for half of the
    // registered, an undecided infringement for 1 in 50 of the others and a final open fine for half of those
    const copyCols = `office_code, agency_code, nationality_code, nationality_group, residence_status_code, target_group, gender, now()`;
    const h = `abs(hashtext(id::text))`;
    await c.query(`INSERT INTO track_event (newcomer_id, type, date, office_code, agency_code, nationality_code, nationality_group, residence_status_code,
        target_group, gender, updated_at)
      SELECT id, 'INVITATION', DATE '2015-01-15' + (${h} % 2900), ${copyCols} FROM newcomer`);
    await c.query(`INSERT INTO track_event (newcomer_id, type, date, office_code, agency_code, nationality_code, nationality_group, residence_status_code,
        target_group, gender, updated_at)
      SELECT id, 'CONTRACT', DATE '2023-07-15', ${copyCols} FROM newcomer WHERE ${h} % 6 = 0`);
    await c.query(`INSERT INTO track_event (newcomer_id, type, date, office_code, agency_code, nationality_code, nationality_group, residence_status_code,
        target_group, gender, infringement_type, updated_at)
      SELECT id, 'INFRINGEMENT', DATE '2024-01-10', office_code, agency_code, nationality_code, nationality_group, residence_status_code, target_group,
        gender, 'NIET_TIJDIG_AANGEMELD', now() FROM newcomer WHERE ${h} % 50 = 1`);
    await c.query(`INSERT INTO infringement_decision (event_id, outcome, decided_on, amount_eur, status, payment_status, updated_at)
      SELECT e.id, 'BOETE', DATE '2024-03-01', 150, 'FINAL', 'OPEN', now() FROM track_event e
      WHERE e.type = 'INFRINGEMENT' AND abs(hashtext(e.id::text)) % 2 = 0`);
    await c.query("ANALYZE");
    console.error(`events in ${((Date.now() - t) / 1000).toFixed(0)} s`);
    c.release();

    process.env.DATABASE_URL = url;
    const { newcomerListQueries } = await import("../lib/server/dossiers/list-newcomers");
    const { listNewcomersSchema } = await import("../lib/server/dossiers/newcomer.schema");
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
    const someNn = (await pool.query<{ national_number: string }>("SELECT national_number FROM newcomer WHERE agency_code = 'ATLAS' OFFSET 1000 LIMIT 1"))
      .rows[0]!.national_number;

    const floor = await median(pool, "SELECT id, last_name FROM newcomer WHERE national_number = $1", [someNn]);
    const cases: [string, Actor, Record<string, string>][] = [
      ["naam-fragment 'turk', sorteren op naam", staff, { q: "turk" }],
      ["naam-fragment 'yilmaz ana'", staff, { q: "yilmaz ana" }],
      ["zonder zoekterm, sorteren op naam, pagina 3", staff, { page: "3" }],
      ["kantoor + doelgroep, geboortedatum aflopend", staff, { office: "ATLAS", targetGroup: "RECHT", sort: "-geboortedatum" }],
      ["extractiejaar 2019 + stand 'aangemeld'", staff, { extractionYear: "2019", status: "REGISTRATION" }],
      ["rijksregisternummer met punten (prefix)", staff, { q: `${someNn.slice(0, 2)}.${someNn.slice(2, 4)}.${someNn.slice(4, 6)}` }],
      ["beheerder, naam-fragment 'dubois'", admin, { q: "dubois" }],
    ];
    const lines: string[] = [`floor (lookup by national number): ${floor.toFixed(2)} ms`];
    let failed = false;
    for (const [label, actor, input] of cases) {
      const q = newcomerListQueries(actor, listNewcomersSchema.parse(input));
      const rows = await median(pool, q.rows.text, q.rows.values);
      const count = await median(pool, q.count.text, q.count.values);
      const plan =
        (await pool.query(`EXPLAIN ${q.rows.text}`, q.rows.values)).rows.map((r) => r["QUERY PLAN"] as string).join("\n") +
        "\n" +
        (await pool.query(`EXPLAIN ${q.count.text}`, q.count.values)).rows.map((r) => r["QUERY PLAN"] as string).join("\n");
      const seq = /Seq Scan on newcomer/.test(plan);
      if (seq) failed = true;
      lines.push(
        `${label}: rows ${rows.toFixed(1)} ms (${(rows / floor).toFixed(0)}× floor), ` +
          `count ${count.toFixed(1)} ms (${(count / floor).toFixed(0)}× floor)${seq ? "  SEQ SCAN!" : ""}`,
      );
      if (process.env.BENCH_EXPLAIN) lines.push(plan);
    }
    // the worklists (lib/server/worklists): each one's first page and its (capped) count, < 100 ms at 1 M
    const { worklistQueries } = await import("../lib/server/worklists/worklists");
    const { WORKLISTS, WORKLIST_PERMISSION } = await import("../lib/server/worklists/definitions");
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Brussels" }).format(new Date());
    for (const list of WORKLISTS) {
      const actor = WORKLIST_PERMISSION[list] === "fine.read" ? admin : staff;
      const q = worklistQueries(actor, list, { page: 1, sort: "sinds", desc: false, office: null, exact: false }, today);
      const rows = await median(pool, q.rows.text, q.rows.values);
      const count = await median(pool, q.count.text, q.count.values);
      const found = (await pool.query<{ c: string }>(q.count.text, q.count.values)).rows[0]!.c;
      const slow = rows >= 100 || count >= 100;
      if (slow) failed = true;
      lines.push(
        `werklijst ${list} (${actor.role}, ${found} gevonden, telling afgetopt): rows ${rows.toFixed(1)} ms (${(rows / floor).toFixed(0)}× floor), ` +
          `count ${count.toFixed(1)} ms (${(count / floor).toFixed(0)}× floor)${slow ? "  OVER 100 ms!" : ""}`,
      );
      if (process.env.BENCH_EXPLAIN) lines.push((await pool.query(`EXPLAIN ${q.count.text}`, q.count.values)).rows.map((r) => r["QUERY PLAN"]).join("\n"));
    }
    const explain = newcomerListQueries(staff, listNewcomersSchema.parse({ q: "turk" }));
    const analyzed = (await pool.query(`EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) ${explain.rows.text}`, explain.rows.values)).rows
      .map((r) => r["QUERY PLAN"])
      .join("\n");
    console.log(
      `Dossier list, ${N.toLocaleString("nl-BE")} newcomers, median of ${RUNS}:\n${lines.join("\n")}\n\nEXPLAIN ANALYZE (naam-fragment 'turk'):\n${analyzed}`,
    );
    await pool.end();
    if (failed) process.exitCode = 1;
  } catch (e) {
    console.error(e);
    process.exitCode = 1;
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
