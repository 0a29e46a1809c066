// bench/request-cost.ts — what one request of each kind costs: app CPU, database CPU, statements.
// The figures of docs/capacity.md.
//
//   node node_modules/tsx/dist/cli.mjs --conditions=react-server bench/request-cost.ts [--runs 10] [--import 10000]
//
// Runs against the database of a running e2e server (scripts/e2e-server.ts: the embedded
// PostgreSQL with the demo data set, 201,203 newcomers; .data/e2e-state.json) and its production
// build (.next). It starts one more app instance whose connections go through a statement counter
// (bench/support/statement-counter.ts), signs in over HTTP as a browser does
// (bench/support/http-user.ts), and per request kind does 2 warm-up requests and then --runs
// measured ones, one at a time, reporting per request: the app's CPU (user + system of the app
// process, from /proc), PostgreSQL's CPU (the postmaster and every backend, exited ones included),
// the statements the app sent, and the median wall time. Then an import of --import newcomers
// (bench/support/synthetic-newcomers.ts) through importExchangeFile — the engine of the upload
// page and `npm run import` — into two scratch databases on the same server: an empty one (bulk
// mode) and one holding the demo data set (the share is small: the incremental path).
// Writes happen in a fresh agency (reads use the demo accounts), so the demo figures stay as they are.
import { hash } from "@node-rs/argon2";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { DEMO_PASSWORD } from "../lib/db/demo-users";
import { migrate } from "../lib/db/migrate";
import { ensureRoles } from "../lib/db/roles";
import { rolePasswordFile } from "../lib/db/local-database";
import { ARGON2_OPTIONS, seedReferenceData } from "../lib/db/seed";
import { makeNationalNumber } from "../lib/domain/national-number";
import { importExchangeFile } from "../lib/server/exchange/import-exchange";
import { loadDemoDataIfEmpty } from "../scripts/lib/demo-data";
import { actionsKey, authSecret, startNext, waitForHttp } from "../scripts/lib/next-server";
import { formData, HttpUser, serverActionIds, type Answer } from "./support/http-user";
import { startStatementCounter } from "./support/statement-counter";
import { syntheticExchangeText } from "./support/synthetic-newcomers";

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
};
const RUNS = Number(arg("runs", "10"));
const IMPORT_N = Number(arg("import", "10000"));
const log = (s: string) => console.log(`[cost] ${s}`);
const root = process.cwd();

/** CPU seconds of a process and its live direct children, plus (withReaped) the children it has reaped. */
function cpuSeconds(pid: number, withReaped = false): number {
  let total = 0;
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const f = fs.readFileSync(`/proc/${entry}/stat`, "utf8").split(") ")[1]!.split(" ");
      // f[1] parent pid; f[11], f[12] utime, stime; f[13], f[14] cutime, cstime (reaped children), in ticks of 1/100 s
      if (Number(entry) === pid) total += Number(f[11]) + Number(f[12]) + (withReaped ? Number(f[13]) + Number(f[14]) : 0);
      else if (Number(f[1]) === pid) total += Number(f[11]) + Number(f[12]);
    } catch {
      /* ended meanwhile */
    }
  }
  return total / 100;
}

interface Row {
  kind: string;
  firstAppMs: number | null;
  appMs: number;
  dbMs: number;
  statements: number;
  wallMs: number;
  bytes: number;
}

async function main() {
  const state = JSON.parse(fs.readFileSync(path.join(root, ".data", "e2e-state.json"), "utf8")) as { databaseUrl: string; appUrl: string };
  const postmaster = Number(fs.readFileSync(path.join(root, ".data", "e2e-pg", "postmaster.pid"), "utf8").split("\n")[0]);
  const target = new URL(state.appUrl);
  const counter = await startStatementCounter({ host: target.hostname, port: Number(target.port) });
  const owner = new pg.Pool({ connectionString: state.databaseUrl, max: 2 });

  // a fresh agency and STAFF member for the writes
  const code = `CAP_${crypto.randomBytes(3).toString("hex").toUpperCase()}`;
  await owner.query(`INSERT INTO agency (code, label) VALUES ($1, $2)`, [code, `Capaciteit ${code}`]);
  await owner.query(`INSERT INTO office (code, agency_code, label) VALUES ($1, $2, $3)`, [`${code}_K1`, code, `Kantoor ${code}`]);
  const writerEmail = `${code.toLowerCase()}@capacity.test`;
  const writerPassword = crypto.randomBytes(12).toString("hex");
  await owner.query(
    `INSERT INTO app_user (email, name, password_hash, role, agency_code, office_code, updated_at) VALUES ($1, 'Capaciteit', $2, 'STAFF', $3, $4, now())`,
    [writerEmail, await hash(writerPassword, ARGON2_OPTIONS), code, `${code}_K1`],
  );
  const staffAgency = (await owner.query<{ agency_code: string }>(`SELECT agency_code FROM app_user WHERE email = 'medewerker@atlas.demo'`)).rows[0]!
    .agency_code;
  const dossierIds = (
    await owner.query<{ id: string }>(`SELECT id FROM newcomer WHERE agency_code = $1 ORDER BY id LIMIT $2`, [staffAgency, RUNS + 2])
  ).rows.map((r) => r.id);

  const port = Number(arg("port", "0")) || 3222;
  const base = `http://127.0.0.1:${port}`;
  const app = startNext(port, {
    DATABASE_URL: counter.via(state.appUrl),
    NEXTAUTH_URL: base,
    NEXTAUTH_SECRET: authSecret(),
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: actionsKey(),
  });
  const rows: Row[] = [];
  try {
    await waitForHttp(`${base}/login`, 120_000);
    const staff = new HttpUser(base, "medewerker@atlas.demo");
    const manager = new HttpUser(base, "manager@agii.demo");
    const writer = new HttpUser(base, writerEmail);
    for (const [u, pw] of [
      [staff, DEMO_PASSWORD],
      [manager, DEMO_PASSWORD],
      [writer, writerPassword],
    ] as const) {
      await u.signIn(pw);
      if (!u.signedIn) throw new Error(`aanmelden als ${u.email} mislukt`);
    }
    const actions = serverActionIds();
    const createId = actions.get("app/(app)/dossiers/actions.ts#createNewcomerAction")!;
    const stepId = actions.get("app/(app)/dossiers/actions.ts#recordEventAction")!;
    const created: string[] = [];
    let seq = 0;
    const period = { from: "2019", to: "2022", asOf: "2023-01-15" };

    const kinds: [string, (i: number) => Promise<Answer>, (a: Answer) => boolean][] = [
      ["dossier list (STAFF, Atlas)", () => staff.get("/dossiers"), (a) => a.status === 200 && a.body.includes('data-testid="result-count"')],
      [
        "one dossier (STAFF, Atlas)",
        (i) => staff.get(`/dossiers/${dossierIds[i % dossierIds.length]}`),
        (a) => a.status === 200 && a.body.includes('data-testid="newcomer-name"'),
      ],
      [
        "save: create a newcomer (server action)",
        async () => {
          const birthDate = `19${String(50 + crypto.randomInt(0, 49))}-0${1 + crypto.randomInt(0, 9)}-1${crypto.randomInt(0, 9)}`;
          const fields = {
            nationalNumber: makeNationalNumber(birthDate, 801 + 2 * crypto.randomInt(0, 98)),
            lastName: `Capaciteit${seq++}`,
            firstName: "Meting",
            birthDate,
            gender: "M",
            nationalityCode: "MAR",
            residenceStatusCode: "GEZINSHERENIGING_BELG",
            targetGroup: "PLICHT",
            officeCode: `${code}_K1`,
          };
          const a = await writer.action("/dossiers/nieuw", createId, [null, formData(fields)]);
          const id = /\/dossiers\/([0-9a-f-]{36})/.exec(a.headers.get("x-action-redirect") ?? "")?.[1];
          if (id) created.push(id);
          return a;
        },
        (a) => Boolean(a.headers.get("x-action-redirect")),
      ],
      [
        "save: record a step (server action)",
        async (i) => {
          const id = created[i % created.length]!;
          return writer.action(`/dossiers/${id}`, stepId, [id, null, formData({ type: "EXTRACTION", date: "2024-01-10", note: `cap-${i}` })]);
        },
        (a) => a.status === 200 && a.body.includes('"ok":true'),
      ],
      [
        "report page (vraag-2, contracts per agency, all of Flanders)",
        () => manager.get(`/rapporten/vraag-2?${new URLSearchParams({ measure: "contracts", by: "agency", ...period })}`),
        (a) => a.status === 200 && a.body.includes("<table"),
      ],
      [
        "report page (vraag-2, contracts per nationality × gender)",
        () => manager.get(`/rapporten/vraag-2?${new URLSearchParams({ measure: "contracts", by: "nationality,gender", ...period })}`),
        (a) => a.status === 200 && a.body.includes("<table"),
      ],
      [
        "the answer page (tables 1–18)",
        () => manager.get(`/rapporten/antwoord?${new URLSearchParams(period)}`),
        (a) => a.status === 200 && a.body.includes("<table"),
      ],
      [
        "the answer page, for publication (disclosure control)",
        () => manager.get(`/rapporten/antwoord?${new URLSearchParams({ ...period, publicatie: "1" })}`),
        (a) => a.status === 200 && a.body.includes("<table"),
      ],
    ];
    // each step needs a dossier of its own: the creates come first
    for (const [kind, run, ok] of kinds) {
      const warm = kind.startsWith("save: record") ? 0 : 2;
      // the first request of a kind: cold caches (the disclosure-control cache of the publication
      // variant, Node's JIT for the page's code); the measured ones repeat it warm
      let firstAppMs: number | null = null;
      for (let i = 0; i < warm; i++) {
        const c0 = cpuSeconds(app.pid!);
        await run(RUNS + i);
        if (i === 0) firstAppMs = (cpuSeconds(app.pid!) - c0) * 1000;
      }
      const app0 = cpuSeconds(app.pid!),
        db0 = cpuSeconds(postmaster, true),
        st0 = counter.statements;
      const walls: number[] = [];
      let bytes = 0;
      for (let i = 0; i < RUNS; i++) {
        const a = await run(i);
        if (!ok(a)) throw new Error(`${kind}: HTTP ${a.status} ${a.body.slice(0, 300)}`);
        walls.push(a.ms);
        bytes += a.body.length;
      }
      // let the last request's deferred work (audit writes after the answer, if any) land
      await new Promise((r) => setTimeout(r, 300));
      walls.sort((x, y) => x - y);
      rows.push({
        kind,
        firstAppMs,
        appMs: ((cpuSeconds(app.pid!) - app0) * 1000) / RUNS,
        dbMs: ((cpuSeconds(postmaster, true) - db0) * 1000) / RUNS,
        statements: (counter.statements - st0) / RUNS,
        wallMs: walls[Math.floor(walls.length / 2)]!,
        bytes: bytes / RUNS,
      });
      log(`${kind}: done`);
    }
  } finally {
    app.kill("SIGTERM");
    await new Promise((r) => app.once("exit", r));
  }

  // the import, into scratch databases on the same server
  const superUrl = new URL(state.databaseUrl);
  superUrl.username = "postgres";
  superUrl.password = "postgres";
  superUrl.pathname = "/postgres";
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "cost-import-")), "import.jsonl");
  fs.writeFileSync(file, syntheticExchangeText(IMPORT_N, { offset: 3_000_000 }));
  for (const [name, withDemo] of [
    ["inburgering_cost_empty", false],
    ["inburgering_cost_demo", true],
  ] as const) {
    const su = new pg.Client({ connectionString: superUrl.toString() });
    await su.connect();
    await su.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await su.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
    await su.end();
    const roles = await ensureRoles(superUrl.toString(), name, rolePasswordFile());
    await migrate(roles.ownerUrl, () => {});
    const c = new pg.Client({ connectionString: roles.ownerUrl });
    await c.connect();
    await seedReferenceData(c);
    await c.end();
    if (withDemo) await loadDemoDataIfEmpty(roles.ownerUrl, () => {});
    const cpu0 = process.cpuUsage(),
      db0 = cpuSeconds(postmaster, true),
      st0 = counter.statements,
      t0 = performance.now();
    const result = await importExchangeFile({
      databaseUrl: counter.via(roles.appUrl),
      filePath: file,
      fileName: "import.jsonl",
      onPhase: () => {},
      onProgress: () => {},
    });
    const wall = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    if (!result.ok) throw new Error(`import: ${JSON.stringify(result.errors.slice(0, 3))}`);
    rows.push({
      firstAppMs: null,
      kind:
        `import of ${IMPORT_N.toLocaleString("en")} newcomers (${result.events.toLocaleString("en")} events) ` +
        `into ${withDemo ? "the demo data set (201,203)" : "an empty database"}`,
      appMs: (cpu.user + cpu.system) / 1000,
      dbMs: (cpuSeconds(postmaster, true) - db0) * 1000,
      statements: counter.statements - st0,
      wallMs: wall,
      bytes: 0,
    });
    const su2 = new pg.Client({ connectionString: superUrl.toString() });
    await su2.connect();
    await su2.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await su2.end();
    log(`import into ${name}: done`);
  }
  await owner.end();
  await counter.close();

  console.log(
    `\nPer request (${RUNS} measured after warm-up; load average at the end ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}):\n`,
  );
  console.log("| request | app CPU ms (first request) | app CPU ms | PostgreSQL CPU ms | statements | wall ms (median) | answer KB |");
  console.log("|---|---|---|---|---|---|---|");
  for (const r of rows)
    console.log(
      `| ${r.kind} | ${r.firstAppMs === null ? "–" : r.firstAppMs.toFixed(0)} | ${r.appMs.toFixed(1)} | ${r.dbMs.toFixed(1)} | ` +
        `${Number.isInteger(r.statements) ? r.statements : r.statements.toFixed(1)} | ${r.wallMs.toFixed(0)} | ` +
        `${r.bytes ? (r.bytes / 1024).toFixed(0) : "–"} |`,
    );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
