// bench/load.bench.ts — 50 staff members working at once, over the real HTTP endpoints.
//
//   npx tsx --conditions=react-server bench/load.bench.ts [--users 50] [--seconds 60]
//       [--think 1000-3000] [--ramp 10] [--kill-db-at 20] [--data DIR]
//
// A fresh embedded PostgreSQL with the demo data set (scale 1, as `npm run demo`), the production
// build, and N fresh STAFF accounts spread over the offices of the three agencies. Each user signs
// in through next-auth and then, until the time is up, does one thing after another with a think
// time between (uniform in --think, ms): the dossier list, a search by name, opening a dossier,
// creating a newcomer (the server action of /dossiers/nieuw) or recording a step on a dossier it
// created (the server action of the dossier page). Every request is what a browser sends
// (cookies, Origin, the Next-Action protocol). Afterwards the database is checked against what
// the app acknowledged: every acknowledged write present exactly once, nothing duplicated.
//
// The database runs as `npm run demo` runs it: under the supervisor (lib/db/supervise-postgres.ts),
// migrated as the owner role, the app connected as the least-privilege app role.
// With --kill-db-at S the PostgreSQL postmaster is killed (SIGKILL) S seconds into the run; the
// supervisor starts it again (crash recovery included); the run measures how long the app needs
// to serve again once the database accepts connections, and whether every write acknowledged
// before, during and after the outage is there.
//
// The client runs on the same 2-core machine as the server: its own CPU time is printed so the
// figures can be read with that in mind.
import { hash } from "@node-rs/argon2";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort } from "../lib/db/embedded-postgres";
import { ensureDatabaseExists } from "../lib/db/local-database";
import { migrate } from "../lib/db/migrate";
import { ensureRoles } from "../lib/db/roles";
import { startSupervisedPostgres } from "../lib/db/supervise-postgres";
import { ARGON2_OPTIONS, seedReferenceData } from "../lib/db/seed";
import { makeNationalNumber } from "../lib/domain/national-number";
import { loadDemoDataIfEmpty } from "../scripts/lib/demo-data";
import { authSecret, buildIfNeeded, startNext, waitForHttp } from "../scripts/lib/next-server";
import { formData, HttpUser, serverActionIds, type Answer } from "./support/http-user";

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
};
const USERS = Number(arg("users", "50"));
const SECONDS = Number(arg("seconds", "60"));
const [THINK_MIN, THINK_MAX] = arg("think", "1000-3000").split("-").map(Number) as [number, number];
/** staff do not all sign in in the same second: user i signs in at i × ramp / users */
const RAMP_S = Number(arg("ramp", "10"));
const KILL_AT_S = process.argv.includes("--kill-db-at") ? Number(arg("kill-db-at", "20")) : null;
const PASSWORD = "bench-wachtwoord-2026";
const log = (s: string) => console.log(`[load] ${s}`);

type Kind = "signin" | "list" | "search" | "open" | "create" | "step";
const KINDS: Kind[] = ["signin", "list", "search", "open", "create", "step"];
/** The mix of one staff member's day (per request): mostly reading, one in five a write. */
const WEIGHTS: [Kind, number][] = [
  ["list", 30],
  ["search", 25],
  ["open", 25],
  ["create", 10],
  ["step", 10],
];

interface Sample {
  kind: Kind;
  ms: number;
  ok: boolean;
  at: number;
  error?: string;
}
interface BenchUser {
  http: HttpUser;
  officeCode: string;
  agencyCode: string;
  created: { id: string; steps: number }[];
}
interface Ack {
  nationalNumber?: string;
  note?: string;
}

const samples: Sample[] = [];
let t0 = performance.now();
const at = () => (performance.now() - t0) / 1000;
const acknowledged: Ack[] = [];
const unacknowledgedWrites: Ack[] = [];

function pickKind(): Kind {
  let r = Math.random() * WEIGHTS.reduce((a, [, w]) => a + w, 0);
  for (const [k, w] of WEIGHTS) if ((r -= w) < 0) return k;
  return "list";
}
const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)]!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const STEP_ORDER = ["EXTRACTION", "INVITATION", "REGISTRATION", "CONTRACT"] as const;
// each run takes its own block of 1,000 numbers (of 365), so a run on a kept database (--data) does not meet the last one's
const firstSequence = crypto.randomInt(0, 365) * 1000;
let sequence = 0;
/**
 * A valid national number no demo or e2e record uses: the demo generator's sequences stop at 40
 * and e2e's start at 801, so birth dates of 1950–1959 with the odd sequences 601–799.
 */
function benchNationalNumber(): { nn: string; birthDate: string; gender: "M" | "V" } {
  const n = firstSequence + sequence++;
  const day = new Date(Date.UTC(1950, 0, 1) + (n % 3650) * 86_400_000).toISOString().slice(0, 10);
  const seq = 601 + 2 * (Math.floor(n / 3650) % 100); // odd → M
  return { nn: makeNationalNumber(day, seq), birthDate: day, gender: "M" };
}

function describeFailure(a: Answer): string {
  return `HTTP ${a.status} ${a.body.replace(/\s+/g, " ").slice(0, 160)}`;
}

async function main() {
  // --data DIR keeps the database between runs (the demo load takes a minute or two); by default a fresh one
  const keep = process.argv.includes("--data") ? path.resolve(arg("data", "")) : null;
  const dir = keep ?? fs.mkdtempSync(path.join(os.tmpdir(), "inburgering-load-"));
  fs.mkdirSync(dir, { recursive: true });
  fs.chmodSync(dir, 0o755);
  const pgPort = await freePort();
  const pgDir = path.join(dir, "pg");
  const supervisorLog: string[] = [];
  const server = await startSupervisedPostgres({
    dataDir: pgDir,
    port: pgPort,
    log: (l) => supervisorLog.push(`${at().toFixed(1)} s ${l}`),
    backoffMs: [500, 1000, 2000],
  });
  await ensureDatabaseExists(server.url("postgres"), "inburgering");
  const roles = await ensureRoles(server.url("postgres"), "inburgering", path.join(dir, "db-roles.json"));
  const url = roles.ownerUrl;
  await migrate(url);
  const admin = new pg.Pool({ connectionString: url, max: 2 });
  admin.on("error", () => {}); // an idle connection dies with the database in the kill variant
  const seedClient = new pg.Client({ connectionString: url });
  await seedClient.connect();
  await seedReferenceData(seedClient);
  await seedClient.end();
  await loadDemoDataIfEmpty(url, log);

  // fresh staff accounts spread over the offices of the three agencies
  const offices = (
    await admin.query<{ code: string; agency_code: string }>(
      `SELECT code, agency_code FROM office WHERE agency_code IN ('ATLAS','INGENT','AGII') ORDER BY code`,
    )
  ).rows;
  const passwordHash = await hash(PASSWORD, ARGON2_OPTIONS);
  const tag = crypto.randomBytes(3).toString("hex");
  const users: BenchUser[] = [];
  const appPort = await freePort();
  const base = `http://127.0.0.1:${appPort}`;
  for (let i = 0; i < USERS; i++) {
    const office = offices[i % offices.length]!;
    const email = `load-${tag}-${i}@bench.test`;
    await admin.query(`INSERT INTO app_user (email, name, password_hash, role, agency_code, office_code, updated_at) VALUES ($1,$2,$3,'STAFF',$4,$5,now())`, [
      email,
      `Belasting ${i}`,
      passwordHash,
      office.agency_code,
      office.code,
    ]);
    users.push({ http: new HttpUser(base, email), officeCode: office.code, agencyCode: office.agency_code, created: [] });
  }
  // what the users open and search for: real dossiers and names of their own agency
  const byAgency = new Map<string, { ids: string[]; names: string[] }>();
  for (const agency of ["ATLAS", "INGENT", "AGII"]) {
    const r = await admin.query<{ id: string; last_name: string }>(`SELECT id, last_name FROM newcomer WHERE agency_code = $1 ORDER BY random() LIMIT 400`, [
      agency,
    ]);
    byAgency.set(agency, { ids: r.rows.map((x) => x.id), names: [...new Set(r.rows.map((x) => x.last_name))] });
  }
  const nationalities = (
    await admin.query<{ code: string }>(`SELECT code FROM nationality WHERE nationality_group = 'DERDELANDER' ORDER BY code LIMIT 20`)
  ).rows.map((r) => r.code);
  const statuses = (await admin.query<{ code: string }>(`SELECT code FROM residence_status ORDER BY code LIMIT 5`)).rows.map((r) => r.code);

  buildIfNeeded(log);
  const actions = serverActionIds();
  const createId = actions.get("app/(app)/dossiers/actions.ts#createNewcomerAction");
  const stepId = actions.get("app/(app)/dossiers/actions.ts#recordEventAction");
  if (!createId || !stepId) throw new Error("server actions createNewcomerAction / recordEventAction niet gevonden in de build");
  const app = startNext(appPort, { DATABASE_URL: roles.appUrl, NEXTAUTH_URL: base, NEXTAUTH_SECRET: authSecret() });
  await waitForHttp(`${base}/login`);
  log(
    `app op ${base}, ${USERS} gebruikers, ${SECONDS} s, denktijd ${THINK_MIN}–${THINK_MAX} ms` +
      (KILL_AT_S !== null ? `, PostgreSQL gekild na ${KILL_AT_S} s` : ""),
  );

  const cpu0 = process.cpuUsage();
  const machine0 = machineCpu();
  t0 = performance.now();
  const deadline = t0 + SECONDS * 1000;

  async function once(u: BenchUser, kind: Kind) {
    const own = byAgency.get(u.agencyCode)!;
    let a: Answer;
    let ok: boolean;
    switch (kind) {
      case "list":
        a = await u.http.get(`/dossiers`);
        ok = a.status === 200 && a.body.includes('data-testid="result-count"');
        break;
      case "search":
        a = await u.http.get(`/dossiers?q=${encodeURIComponent(pick(own.names))}`);
        ok = a.status === 200 && a.body.includes('data-testid="result-count"');
        break;
      case "open": {
        const id = u.created.length && Math.random() < 0.3 ? pick(u.created).id : pick(own.ids);
        a = await u.http.get(`/dossiers/${id}`);
        ok = a.status === 200 && a.body.includes('data-testid="newcomer-name"');
        break;
      }
      case "create": {
        const p = benchNationalNumber();
        const fields = {
          nationalNumber: p.nn,
          lastName: `Last${tag}`,
          firstName: `Bench${sequence}`,
          birthDate: p.birthDate,
          gender: p.gender,
          nationalityCode: pick(nationalities),
          residenceStatusCode: pick(statuses),
          targetGroup: "PLICHT",
          officeCode: u.officeCode,
        };
        a = await u.http.action("/dossiers/nieuw", createId!, [null, formData(fields)]);
        const redirect = a.headers.get("x-action-redirect") ?? "";
        const id = /\/dossiers\/([0-9a-f-]{36})/.exec(redirect)?.[1];
        ok = Boolean(id);
        if (id) {
          u.created.push({ id, steps: 0 });
          acknowledged.push({ nationalNumber: p.nn });
        } else unacknowledgedWrites.push({ nationalNumber: p.nn });
        break;
      }
      case "step": {
        const target = u.created.find((c) => c.steps < STEP_ORDER.length);
        if (!target) return once(u, "create");
        const note = `bench-${crypto.randomUUID()}`;
        const fields = { type: STEP_ORDER[target.steps]!, date: new Date().toISOString().slice(0, 10), note };
        a = await u.http.action(`/dossiers/${target.id}`, stepId!, [target.id, null, formData(fields)]);
        ok = a.status === 200 && a.body.includes('"ok":true');
        if (ok) {
          target.steps++;
          acknowledged.push({ note });
        } else unacknowledgedWrites.push({ note });
        break;
      }
      default:
        return;
    }
    samples.push({ kind, ms: a.ms, ok, at: at(), ...(ok ? {} : { error: describeFailure(a) }) });
  }

  async function work(u: BenchUser, i: number) {
    await sleep((i * RAMP_S * 1000) / USERS);
    try {
      const s = await u.http.signIn(PASSWORD);
      samples.push({ kind: "signin", ms: s.ms, ok: s.status === 200, at: at(), ...(s.status === 200 ? {} : { error: describeFailure(s) }) });
    } catch (e) {
      samples.push({ kind: "signin", ms: 0, ok: false, at: at(), error: String(e) });
    }
    while (performance.now() < deadline) {
      await sleep(THINK_MIN + Math.random() * (THINK_MAX - THINK_MIN));
      if (performance.now() >= deadline) break;
      const kind = u.http.signedIn ? pickKind() : "signin";
      try {
        if (kind === "signin") {
          const s = await u.http.signIn(PASSWORD);
          samples.push({ kind, ms: s.ms, ok: s.status === 200, at: at() });
        } else await once(u, kind);
      } catch (e) {
        samples.push({ kind, ms: 0, ok: false, at: at(), error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
      }
    }
  }

  // the database kill, as a parallel task
  let outage: { killedAt: number; backAt: number; servingAt: number | null } | null = null;
  const killer = (async () => {
    if (KILL_AT_S === null) return;
    await sleep(KILL_AT_S * 1000);
    const pid = server.pid;
    process.kill(pid, "SIGKILL");
    const killedAt = at();
    log(`PostgreSQL (pid ${pid}) gekild op ${killedAt.toFixed(1)} s`);
    // the supervisor restarts it; the database is back when it accepts a connection again
    let backAt = 0;
    while (!backAt) {
      const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 500 });
      if (
        server.restarts() > 0 &&
        (await c.connect().then(
          () => true,
          () => false,
        ))
      )
        backAt = at();
      await c.end().catch(() => {});
      if (!backAt) await sleep(100);
    }
    log(`PostgreSQL weer op na ${(backAt - killedAt).toFixed(1)} s (herstart door de supervisor, crash recovery inbegrepen)`);
    outage = { killedAt, backAt, servingAt: null };
    const probe = users[0]!.http;
    while (performance.now() < deadline + 30_000) {
      const r = await probe.get("/dossiers").catch(() => null);
      if (r && r.status === 200 && r.body.includes('data-testid="result-count"')) {
        outage.servingAt = at();
        break;
      }
      await sleep(200);
    }
  })();

  const appCpu0 = processCpuSeconds(app.pid!);
  await Promise.all(users.map((u, i) => work(u, i)));
  const appCpu = processCpuSeconds(app.pid!) - appCpu0;
  await killer;
  const wall = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const machine = machineCpu(machine0);

  // what the database holds against what the app acknowledged
  const check = new pg.Pool({ connectionString: url, max: 2 });
  const nns = acknowledged.filter((a) => a.nationalNumber).map((a) => a.nationalNumber!);
  const notes = acknowledged.filter((a) => a.note).map((a) => a.note!);
  const foundNewcomers = (
    await check.query<{ n: string; c: number }>(`SELECT national_number AS n, count(*)::int AS c FROM newcomer WHERE national_number = ANY($1) GROUP BY 1`, [
      nns,
    ])
  ).rows;
  const foundNotes = (
    await check.query<{ n: string; c: number }>(`SELECT note AS n, count(*)::int AS c FROM track_event WHERE note = ANY($1) GROUP BY 1`, [notes])
  ).rows;
  const unackNns = unacknowledgedWrites.filter((a) => a.nationalNumber).map((a) => a.nationalNumber!);
  const unackNotes = unacknowledgedWrites.filter((a) => a.note).map((a) => a.note!);
  const storedUnack = (
    await check.query<{ c: number }>(
      `SELECT (SELECT count(*) FROM newcomer WHERE national_number = ANY($1)) + (SELECT count(*) FROM track_event WHERE note = ANY($2)) AS c`,
      [unackNns, unackNotes],
    )
  ).rows[0]!.c;
  const lost = nns.length - foundNewcomers.length + notes.length - foundNotes.length;
  const duplicated = [...foundNewcomers, ...foundNotes].filter((r) => r.c > 1).length;
  await check.end();
  await admin.end().catch(() => {});

  // figures
  console.log("");
  console.log(`| request | count | errors | p50 ms | p95 ms | max ms |`);
  console.log(`|---|---|---|---|---|---|`);
  const table = (title: string, keep: (s: Sample) => boolean) => {
    console.log(`${title}\n| request | count | errors | p50 ms | p95 ms | max ms |\n|---|---|---|---|---|---|`);
    for (const kind of KINDS) {
      const all = samples.filter((s) => s.kind === kind && keep(s));
      const ok = all
        .filter((s) => s.ok)
        .map((s) => s.ms)
        .sort((a, b) => a - b);
      const q = (p: number) => (ok.length ? ok[Math.min(ok.length - 1, Math.floor(p * ok.length))]!.toFixed(0) : "–");
      console.log(`| ${kind} | ${all.length} | ${all.length - ok.length} | ${q(0.5)} | ${q(0.95)} | ${ok.length ? ok.at(-1)!.toFixed(0) : "–"} |`);
    }
  };
  table(`whole run (sign-ins spread over the first ${RAMP_S} s):`, () => true);
  table(`\nafter the ramp (from ${RAMP_S} s on, every user signed in):`, (s) => s.at >= RAMP_S);
  const errors = samples.filter((s) => !s.ok);
  const byError = new Map<string, number>();
  for (const e of errors) byError.set(`${e.kind}: ${e.error ?? "?"}`.slice(0, 200), (byError.get(`${e.kind}: ${e.error ?? "?"}`.slice(0, 200)) ?? 0) + 1);
  for (const [m, n] of [...byError].sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(`  ${n}× ${m}`);
  console.log("");
  console.log(`requests: ${samples.length} in ${wall.toFixed(1)} s = ${(samples.length / wall).toFixed(1)}/s; errors: ${errors.length}`);
  console.log(
    `writes acknowledged: ${acknowledged.length} (${nns.length} newcomers, ${notes.length} steps); lost: ${lost}; duplicated: ${duplicated}; ` +
      `failed writes that were stored anyway: ${storedUnack} of ${unacknowledgedWrites.length}`,
  );
  console.log(
    `CPU: the whole machine ${(machine.busy * 100).toFixed(0)} % of ${os.cpus().length} cores; ` +
      `the app's processes ${((appCpu / wall) * 100).toFixed(0)} % of one core (${((appCpu * 1000) / samples.length).toFixed(1)} ms per request); ` +
      `the load client itself ${(((cpu.user + cpu.system) / 1e6 / wall) * 100).toFixed(0)} % of one core`,
  );
  if (outage) {
    const o = outage as { killedAt: number; backAt: number; servingAt: number | null };
    const during = samples.filter((s) => s.at >= o.killedAt && s.at <= (o.servingAt ?? Infinity) && !s.ok).length;
    console.log(
      `outage: killed at ${o.killedAt.toFixed(1)} s, database back at ${o.backAt.toFixed(1)} s, ` +
        `app serving again at ${o.servingAt?.toFixed(1) ?? "NEVER"} s = ${o.servingAt ? (o.servingAt - o.backAt).toFixed(1) : "∞"} s after the database; ` +
        `${during} requests failed in between`,
    );
    const after = samples.filter((s) => o.servingAt !== null && s.at > o.servingAt + 1 && !s.ok).length;
    console.log(`errors after the app served again (+1 s): ${after}`);
    for (const l of supervisorLog) console.log(`  supervisor: ${l}`);
  }
  app.kill("SIGTERM");
  await new Promise((r) => app.once("exit", r));
  await server.stop();
  if (!keep) fs.rmSync(dir, { recursive: true, force: true });
}

/** CPU seconds (user + system) a process and its children (the app's workers) have used, from /proc. */
function processCpuSeconds(pid: number): number {
  let total = 0;
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const fields = fs.readFileSync(`/proc/${entry}/stat`, "utf8").split(") ")[1]!.split(" ");
      // fields[1] is the parent pid; utime and stime in clock ticks (100/s)
      if (Number(entry) === pid || Number(fields[1]) === pid) total += (Number(fields[11]) + Number(fields[12])) / 100;
    } catch {
      /* the process ended meanwhile */
    }
  }
  return total;
}

/** Busy share of all cores since `since` (from /proc/stat). */
function machineCpu(since?: { busy: number; total: number; raw?: number[] }) {
  const f = fs.readFileSync("/proc/stat", "utf8").split("\n")[0]!.split(/\s+/).slice(1).map(Number);
  const idle = f[3]! + f[4]!;
  const total = f.reduce((a, b) => a + b, 0);
  if (!since) return { busy: 0, total, raw: [idle, total] };
  const [idle0, total0] = since.raw!;
  return { busy: 1 - (idle - idle0!) / (total - total0!), total };
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
