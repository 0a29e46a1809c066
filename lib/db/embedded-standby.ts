// A physical streaming standby of a running embedded PostgreSQL, made with the server alone: the
// embedded binaries ship no pg_basebackup, so this is the documented low-level base backup
// (pg_backup_start → copy the data directory → pg_backup_stop → backup_label) followed by
// standby.signal and primary_conninfo. Used by the replica integration test and
// `bench/reports.bench.ts --replica`; the same steps work on any PostgreSQL ≥ 15.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres, type RunningPostgres } from "./embedded-postgres";

export interface StandbyOptions {
  /** a superuser URL of the primary (replication and pg_backup_start need it) */
  primaryUrl: string;
  /** the primary's data directory on this machine (SHOW data_directory when omitted) */
  primaryDataDir?: string;
  /** where the copy goes (must not exist yet, or be empty) */
  dataDir: string;
  port: number;
  log?: (line: string) => void;
  /** a standby that cannot reach the primary never becomes ready: give up (and stop it) after this */
  startTimeoutMs?: number;
}

export interface RunningStandby extends RunningPostgres {
  /** the replication slot on the primary that keeps the WAL this standby still needs */
  slot: string;
  /** stops the standby and drops its slot on the primary (so the primary stops keeping WAL for it) */
  remove: () => Promise<void>;
}

// files the backup must not carry (PostgreSQL docs, "Making a Base Backup Using the Low Level
// API"): the running primary's pid and options, and the contents of the WAL and slot folders —
// the standby fetches the WAL it needs from the primary through its slot.
const SKIP_FILES = new Set(["postmaster.pid", "postmaster.opts", "standby.signal", "recovery.signal", "backup_label", "tablespace_map"]);
const EMPTY_DIRS = new Set(["pg_wal", "pg_replslot", "pg_stat_tmp", "pg_dynshmem", "pg_notify", "pg_serial", "pg_snapshots", "pg_subtrans"]);

/** Copies a live data directory; files that vanish while copying (temporary files) are skipped. */
function copyLive(from: string, to: string, top = true) {
  fs.mkdirSync(to, { recursive: true, mode: 0o700 });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    if (top && SKIP_FILES.has(entry.name)) continue;
    const src = path.join(from, entry.name);
    const dst = path.join(to, entry.name);
    try {
      if (entry.isDirectory()) {
        if (top && EMPTY_DIRS.has(entry.name)) {
          fs.mkdirSync(dst, { mode: 0o700 });
          // pg_wal keeps its sub-folders (archive_status, summaries), empty
          if (entry.name === "pg_wal")
            for (const sub of fs.readdirSync(src, { withFileTypes: true })) if (sub.isDirectory()) fs.mkdirSync(path.join(dst, sub.name), { mode: 0o700 });
        } else copyLive(src, dst, false);
      } else if (entry.isSymbolicLink()) fs.symlinkSync(fs.readlinkSync(src), dst);
      else fs.copyFileSync(src, dst);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
    }
  }
}

/** The standby's start, bounded: on timeout its postmaster (pid in postmaster.pid) is stopped. */
async function startWithin(ms: number, dataDir: string, start: Promise<RunningPostgres>): Promise<RunningPostgres> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      try {
        process.kill(Number(fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]), "SIGINT");
      } catch {
        // not started at all
      }
      reject(new Error(`De standby in ${dataDir} was na ${ms} ms niet klaar (bereikt hij de primaire server?).`));
    }, ms);
  });
  return Promise.race([start, timeout]).finally(() => clearTimeout(timer));
}

const quote = (v: string) => `'${v.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;

/** Makes and starts a streaming standby of the primary at `primaryUrl`; resolves once it accepts read-only connections. */
export async function startEmbeddedStandby(opts: StandbyOptions): Promise<RunningStandby> {
  const log = opts.log ?? ((l: string) => console.log(l));
  const began = Date.now();
  const primary = new URL(opts.primaryUrl);
  const slot = `standby_${opts.port}`;
  const c = new pg.Client({ connectionString: opts.primaryUrl });
  await c.connect();
  let label: string, spcmap: string, dataDir: string;
  try {
    dataDir = opts.primaryDataDir ?? (await c.query<{ d: string }>("SELECT current_setting('data_directory') AS d")).rows[0]!.d;
    // the slot is created first and reserves WAL at once, so nothing the standby needs between the
    // backup's start and its first connection is recycled by a checkpoint
    await c.query("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = $1 AND NOT active", [slot]);
    await c.query("SELECT pg_create_physical_replication_slot($1, true)", [slot]);
    // fast = true: an immediate checkpoint instead of waiting for the next one (1 min)
    await c.query("SELECT pg_backup_start('embedded-standby', true)");
    try {
      copyLive(dataDir, opts.dataDir);
    } finally {
      // no WAL archive here, so nothing to wait for (wait_for_archive = false)
      const stopped = await c.query<{ labelfile: string; spcmapfile: string | null }>("SELECT labelfile, spcmapfile FROM pg_backup_stop(false)");
      label = stopped.rows[0]!.labelfile;
      spcmap = stopped.rows[0]!.spcmapfile ?? "";
    }
  } finally {
    await c.end();
  }
  fs.writeFileSync(path.join(opts.dataDir, "backup_label"), label);
  if (spcmap.trim()) fs.writeFileSync(path.join(opts.dataDir, "tablespace_map"), spcmap);
  const conninfo = [
    `host=${primary.hostname}`,
    `port=${primary.port || 5432}`,
    `user=${decodeURIComponent(primary.username)}`,
    `password=${decodeURIComponent(primary.password)}`,
    `application_name=${slot}`,
  ].join(" ");
  fs.appendFileSync(
    path.join(opts.dataDir, "postgresql.auto.conf"),
    `\n# streaming standby (lib/db/embedded-standby.ts)\nprimary_conninfo = ${quote(conninfo)}\n` +
      `primary_slot_name = ${quote(slot)}\nport = ${opts.port}\nhot_standby = on\n`,
  );
  fs.writeFileSync(path.join(opts.dataDir, "standby.signal"), "");
  // as root the server runs as the owner of the primary's files (embedded-postgres.ts), who must
  // be able to enter the copy before the start checks it
  const owner = fs.statSync(dataDir);
  if (typeof process.getuid === "function" && process.getuid() === 0) spawnSync("chown", ["-R", `${owner.uid}:${owner.gid}`, opts.dataDir]);
  // the initdb pg_hba.conf already allows `replication` from 127.0.0.1 with scram-sha-256; the
  // same binaries and settings as the primary (max_connections etc. must be ≥ the primary's)
  log(`Basisback-up van ${dataDir} naar ${opts.dataDir}: ${Date.now() - began} ms.`);
  const server = await startWithin(opts.startTimeoutMs ?? 120_000, opts.dataDir, startEmbeddedPostgres({ dataDir: opts.dataDir, port: opts.port, log }));
  log(`Standby op poort ${opts.port} aanvaardt leesverbindingen (${Date.now() - began} ms).`);
  const remove = async () => {
    await server.stop();
    const p = new pg.Client({ connectionString: opts.primaryUrl });
    try {
      await p.connect();
      // the walsender may take a moment to notice the standby has gone
      for (let i = 0; i < 50; i++) {
        const r = await p.query<{ active: boolean }>("SELECT active FROM pg_replication_slots WHERE slot_name = $1", [slot]);
        if (r.rowCount === 0) break;
        if (!r.rows[0]!.active) {
          await p.query("SELECT pg_drop_replication_slot($1)", [slot]);
          break;
        }
        await new Promise((res) => setTimeout(res, 100));
      }
    } catch {
      // the primary is gone too: nothing keeps WAL
    } finally {
      await p.end().catch(() => {});
    }
  };
  return { ...server, slot, remove };
}

/** Waits until the standby has replayed everything the primary had committed when this was called. */
export async function waitForReplay(primaryUrl: string, standbyUrl: string, timeoutMs = 30_000): Promise<void> {
  const p = new pg.Client({ connectionString: primaryUrl });
  await p.connect();
  const target = (await p.query<{ lsn: string }>("SELECT pg_current_wal_lsn()::text AS lsn")).rows[0]!.lsn;
  await p.end();
  const s = new pg.Client({ connectionString: standbyUrl });
  await s.connect();
  try {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const r = await s.query<{ done: boolean }>("SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS done", [target]);
      if (r.rows[0]!.done) return;
      if (Date.now() > until) throw new Error(`standby heeft ${target} na ${timeoutMs} ms nog niet afgespeeld`);
      await new Promise((res) => setTimeout(res, 50));
    }
  } finally {
    await s.end();
  }
}
