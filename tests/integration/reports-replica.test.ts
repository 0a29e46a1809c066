// Reports on a read replica: a real physical streaming standby of the test server
// (lib/db/embedded-standby.ts), started here only, not in global-setup, so the other files stay
// fast. The report reads go to REPORTS_DATABASE_URL when it is fresh; the writes and the audit
// stay on the primary; a stopped or lagging standby sends the reads back to the primary with a
// notice. Skipped on an external test server (its data directory is not on this machine).
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { freePort } from "@/lib/db/embedded-postgres";
import { startEmbeddedStandby, waitForReplay, type RunningStandby } from "@/lib/db/embedded-standby";
import { freshnessText } from "@/lib/domain/reports/replica-freshness";
import { runReport } from "@/lib/domain/reports/run-report";
import { reportsPool } from "@/lib/server/db";
import { resetServerEnvForTests } from "@/lib/server/env";
import { getAnswer } from "@/lib/server/reports/get-answer";
import { getReport } from "@/lib/server/reports/get-report";
import { resetReplicaHealthForTests } from "@/lib/server/reports/report-source";
import { recordTrackEvent } from "@/lib/server/dossiers/record-event";
import { createTestAgency, createTestNewcomer, createTestUser, type TestAgency } from "../support/factories";

const onPort = (url: string, port: number) => {
  const u = new URL(url);
  u.port = String(port);
  return u.toString();
};

async function sql<T extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(text, values)).rows;
  } finally {
    await c.end();
  }
}

// npm run report as a child process, with the replica configured
async function cli(replicaUrl: string, args: string[]) {
  const { stdout, stderr } = await promisify(execFile)(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "scripts/report.ts", ...args], {
    env: { ...process.env, DATABASE_URL: inject("databaseUrl"), REPORTS_DATABASE_URL: replicaUrl },
  });
  return { report: JSON.parse(stdout) as { totals: { total: number } }, notice: stderr.trim() };
}

function configure(env: { url?: string; maxLag?: number }) {
  if (env.url) process.env.REPORTS_DATABASE_URL = env.url;
  else delete process.env.REPORTS_DATABASE_URL;
  if (env.maxLag !== undefined) process.env.REPORTS_MAX_LAG_SECONDS = String(env.maxLag);
  else delete process.env.REPORTS_MAX_LAG_SECONDS;
  resetServerEnvForTests();
  resetReplicaHealthForTests();
}

describe.skipIf(inject("appDatabaseUrl") === null)("reports on a streaming standby", () => {
  const primarySuper = inject("databaseUrl");
  let dir: string;
  let standby: RunningStandby;
  let standbySuper: string;
  let standbyApp: string;
  let agency: TestAgency;
  let staff: Awaited<ReturnType<typeof createTestUser>>;
  let manager: Awaited<ReturnType<typeof createTestUser>>;
  const contracts = () => ({ measure: "contracts", by: ["agency"], from: 2021, to: 2021, asOf: "2023-01-15", agency: agency.agencyCode });
  const total = (r: { totals: { total: number } }) => r.totals.total;
  async function newContract() {
    const n = await createTestNewcomer(agency);
    await recordTrackEvent(staff, n.id, { type: "REGISTRATION", date: "2021-01-05", confirmWarnings: "REGISTRATION_NO_EXTRACTION" });
    await recordTrackEvent(staff, n.id, { type: "CONTRACT", date: "2021-02-01" });
  }
  const receivedNotReplayed = async () => {
    for (let i = 0; i < 200; i++) {
      const [r] = await sql<{ waiting: boolean }>(standbySuper, "SELECT pg_last_wal_receive_lsn() > pg_last_wal_replay_lsn() AS waiting");
      if (r!.waiting) return;
      await new Promise((res) => setTimeout(res, 50));
    }
    throw new Error("de standby ontving geen WAL");
  };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "inburgering-standby-"));
    fs.chmodSync(dir, 0o755);
    const port = await freePort();
    standby = await startEmbeddedStandby({ primaryUrl: primarySuper, dataDir: path.join(dir, "pg"), port, log: () => {} });
    standbySuper = onPort(primarySuper, port);
    // the replica is a physical copy: the app's least-privileged role exists there too
    standbyApp = onPort(inject("appDatabaseUrl")!, port);
    agency = await createTestAgency();
    staff = await createTestUser("STAFF", agency);
    manager = await createTestUser("MANAGER", agency);
  });

  beforeEach(() => configure({ url: standbyApp }));

  afterAll(async () => {
    configure({});
    await standby?.remove();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("is a read-only standby in recovery", async () => {
    const [r] = await sql<{ recovery: boolean; ro: string }>(
      standbyApp,
      "SELECT pg_is_in_recovery() AS recovery, current_setting('transaction_read_only') AS ro",
    );
    expect(r).toEqual({ recovery: true, ro: "on" });
  });

  it("shows a change on the primary in a report read through the replica, once replayed", async () => {
    const before = total(await getReport(manager, contracts()));
    await newContract();
    await waitForReplay(primarySuper, standbySuper);
    const report = await getReport(manager, contracts());
    expect(report.freshness).toMatchObject({ source: "replica" });
    expect(total(report)).toBe(before + 1);
    // the replica pool itself, without the page function, has it too
    expect(total(await runReport(reportsPool()!, contracts()))).toBe(before + 1);
    const answer = await getAnswer(manager, { from: 2021, to: 2021, asOf: "2023-01-15" });
    expect(answer.freshness).toMatchObject({ source: "replica" });
    const printed = await cli(standbyApp, [
      "contracts",
      "--by",
      "agency",
      "--from",
      "2021",
      "--to",
      "2021",
      "--as-of",
      "2023-01-15",
      "--agency",
      agency.agencyCode,
    ]);
    expect(printed.report.totals.total).toBe(before + 1);
    expect(printed.notice).toMatch(/^Gegevens tot \d\d:\d\d:\d\d\.$/);
  });

  it("reads the replica, not the primary, and says until when its data are complete", async () => {
    await waitForReplay(primarySuper, standbySuper);
    const current = await getReport(manager, contracts());
    // caught up: complete up to the moment of the probe, whatever the age of the last commit
    expect(current.freshness).toMatchObject({ source: "replica", lagSeconds: 0 });
    const until = current.freshness!.source === "replica" ? new Date(current.freshness!.until) : new Date(0);
    expect(Math.abs(until.getTime() - Date.now())).toBeLessThan(60_000);
    expect(freshnessText(current.freshness!)).toMatch(/^Gegevens tot \d\d:\d\d:\d\d\.$/);

    await sql(standbySuper, "SELECT pg_wal_replay_pause()");
    try {
      await newContract();
      await receivedNotReplayed();
      // within the limit (300 s): still the replica, which does not have the new contract yet
      const behind = await getReport(manager, contracts());
      expect(behind.freshness).toMatchObject({ source: "replica" });
      expect(total(behind)).toBe(total(current));
      const [replayed] = await sql<{ at: Date }>(standbySuper, "SELECT pg_last_xact_replay_timestamp() AS at");
      expect(behind.freshness!.source === "replica" && behind.freshness!.until).toBe(replayed!.at.toISOString());
    } finally {
      await sql(standbySuper, "SELECT pg_wal_replay_resume()");
    }
    await waitForReplay(primarySuper, standbySuper);
    expect(total(await getReport(manager, contracts()))).toBe(total(current) + 1);
  });

  it("reads the primary, with a notice, when the replica lags more than the limit", async () => {
    await waitForReplay(primarySuper, standbySuper);
    const before = total(await getReport(manager, contracts()));
    await sql(standbySuper, "SELECT pg_wal_replay_pause()");
    try {
      await newContract();
      await receivedNotReplayed();
      configure({ url: standbyApp, maxLag: 0 });
      const report = await getReport(manager, contracts());
      expect(report.freshness).toMatchObject({ source: "primary", reason: "lagging" });
      expect(total(report)).toBe(before + 1);
      expect(freshnessText(report.freshness!)).toMatch(/^De replica loopt \d+ s achter; de cijfers komen van de hoofddatabank\.$/);
      const answer = await getAnswer(manager, { from: 2021, to: 2021, asOf: "2023-01-15" });
      expect(answer.freshness).toMatchObject({ source: "primary", reason: "lagging" });
    } finally {
      await sql(standbySuper, "SELECT pg_wal_replay_resume()");
    }
  });

  it("runs a report query that fails on the replica again on the primary, and says so", async () => {
    // a real server that answers the probe but has no report tables: the replica's `postgres` database
    const wrong = new URL(standbySuper);
    wrong.pathname = "/postgres";
    const expected = total(await runReport({ query: (text, values) => sql(inject("databaseUrl"), text, values).then((rows) => ({ rows })) }, contracts()));
    configure({ url: wrong.toString() });
    const report = await getReport(manager, contracts());
    expect(report.freshness).toEqual({ source: "primary", reason: "unreachable" });
    expect(total(report)).toBe(expected);
  });

  it("still answers, from the primary with a notice, when the standby is stopped", async () => {
    const before = total(await getReport(manager, contracts()));
    await standby.stop();
    await newContract();
    const started = Date.now();
    const report = await getReport(manager, contracts());
    expect(report.freshness).toEqual({ source: "primary", reason: "unreachable" });
    expect(total(report)).toBe(before + 1);
    expect(freshnessText(report.freshness!)).toBe("De replica is niet bereikbaar; de cijfers komen van de hoofddatabank.");
    // the failure is remembered: the next reads do not wait for the replica again
    const again = Date.now();
    const answer = await getAnswer(manager, { from: 2021, to: 2021, asOf: "2023-01-15" });
    expect(answer.freshness).toEqual({ source: "primary", reason: "unreachable" });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(Date.now() - again).toBeLessThan(5_000);
    const printed = await cli(standbyApp, [
      "contracts",
      "--by",
      "agency",
      "--from",
      "2021",
      "--to",
      "2021",
      "--as-of",
      "2023-01-15",
      "--agency",
      agency.agencyCode,
    ]);
    expect(printed.report.totals.total).toBe(before + 1);
    expect(printed.notice).toBe("De replica is niet bereikbaar; de cijfers komen van de hoofddatabank.");
  });
});
