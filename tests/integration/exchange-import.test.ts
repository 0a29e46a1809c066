// The dossier import against a real PostgreSQL: all or nothing, idempotent, the rows the rest of
// the app expects, the command line's errors and exit code, and a killed import.
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importExchangeFile } from "@/lib/server/exchange/import-exchange";
import { syntheticExchangeText, syntheticNewcomer } from "@/bench/support/synthetic-newcomers";
import { counts, createEmptyDatabase, fingerprint, query, writeTempFile } from "@/tests/support/exchange-factories";

const tsxCli = path.resolve("node_modules/tsx/dist/cli.mjs");
const cliArgs = (file: string) => [tsxCli, "--conditions=react-server", "scripts/import.ts", file];
// One process (tsx's loader, not its CLI, which runs the script in a child process that a
// SIGKILL of the CLI would leave running): the kill below must hit the process that imports.
const singleProcessCliArgs = (file: string) => ["--conditions=react-server", "--import", "tsx", "scripts/import.ts", file];

describe("dossier import", () => {
  let db: { url: string; drop: () => Promise<void> };
  beforeAll(async () => {
    db = await createEmptyDatabase();
  });
  afterAll(async () => {
    await db.drop();
  });

  it("imports every newcomer with classified events and FINAL decisions, and audits it", async () => {
    const file = writeTempFile(syntheticExchangeText(3000));
    const result = await importExchangeFile({ databaseUrl: db.url, filePath: file });
    expect(result.ok).toBe(true);
    const expectedEvents = Array.from({ length: 3000 }, (_, i) => syntheticNewcomer(i).events.length).reduce((a, b) => a + b, 0);
    expect(result).toMatchObject({ newcomers: 3000, events: expectedEvents });
    expect(await counts(db.url)).toMatchObject({ newcomers: 3000, events: expectedEvents });

    const n0 = syntheticNewcomer(0);
    const [person] = await query(db.url, "SELECT * FROM newcomer WHERE national_number = $1", [n0.nationalNumber]);
    expect(person).toMatchObject({ search_name: "el amrani samira", agency_code: "ATLAS", nationality_group: "DERDELANDER", version: 1 });
    // i = 13: a contract recorded at another office than the newcomer's
    const n13 = syntheticNewcomer(13);
    const [contract] = await query(
      db.url,
      `SELECT e.* FROM track_event e JOIN newcomer n ON n.id = e.newcomer_id WHERE n.national_number = $1 AND e.type = 'CONTRACT'`,
      [n13.nationalNumber],
    );
    expect(contract).toMatchObject({
      office_code: n13.events[3]!.office,
      nationality_code: n13.nationality,
      gender: n13.gender,
      target_group: n13.targetGroup,
      recorded_by_id: null,
    });
    expect(contract!.agency_code).not.toBeNull();
    const [nulls] = await query<{ n: number }>(
      db.url,
      `SELECT count(*)::int AS n FROM track_event WHERE office_code IS NULL OR agency_code IS NULL OR nationality_code IS NULL
        OR nationality_group IS NULL OR residence_status_code IS NULL OR target_group IS NULL OR gender IS NULL OR recorded_by_id IS NOT NULL`,
    );
    expect(nulls!.n).toBe(0);
    const [fines] = await query<{ n: number; bad: number }>(
      db.url,
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE status <> 'FINAL' OR payment_status IS DISTINCT FROM 'OPEN')::int AS bad
       FROM infringement_decision WHERE outcome = 'BOETE'`,
    );
    expect(fines!.n).toBeGreaterThan(0);
    expect(fines!.bad).toBe(0);
    const [advice] = await query(db.url, `SELECT contract_signed, attestation_obtained, dvz_follow_up FROM track_event WHERE type = 'DVZ_ADVICE' LIMIT 1`);
    expect(advice).toEqual({ contract_signed: false, attestation_obtained: false, dvz_follow_up: "ONBEKEND" });
    const audit = await query(db.url, `SELECT action, after FROM audit_log WHERE action = 'exchange.import'`);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({ lines: 3000, newcomers: 3000, events: expectedEvents });
  });

  it("changes no row when the same file is imported again", async () => {
    const file = writeTempFile(syntheticExchangeText(3000));
    const before = await fingerprint(db.url);
    const result = await importExchangeFile({ databaseUrl: db.url, filePath: file });
    expect(result).toMatchObject({ ok: true, newcomers: 0, events: 0 });
    const after = await fingerprint(db.url);
    for (const table of ["newcomer", "track_event", "infringement_decision"]) expect(after[table]).toBe(before[table]);
  });

  it("adds only the new events of a newcomer that already exists", async () => {
    const n = syntheticNewcomer(1);
    n.events.push(
      { type: "INVITATION", date: "2024-01-02" },
      { type: "INFRINGEMENT", date: "2024-02-01", infringementType: "NIET_REGELMATIG_DEELGENOMEN", decision: { date: "2024-03-01", outcome: "GEEN_BOETE" } },
    );
    const before = await counts(db.url);
    const result = await importExchangeFile({ databaseUrl: db.url, filePath: writeTempFile(`${JSON.stringify(n)}\n`) });
    expect(result).toMatchObject({ ok: true, newcomers: 0, events: 2 });
    expect(await counts(db.url)).toEqual({ newcomers: before.newcomers, events: before.events + 2, decisions: before.decisions + 1 });
  });

  it("accepts a file that starts with a byte-order mark and has Windows line ends", async () => {
    const text = `\uFEFF${syntheticExchangeText(3, { offset: 25_000 }).replace(/\n/g, "\r\n")}`;
    expect(await importExchangeFile({ databaseUrl: db.url, filePath: writeTempFile(text) })).toMatchObject({ ok: true, newcomers: 3 });
  });

  it("imports nothing from a file with one bad line among thousands, and names that line", async () => {
    const lines = syntheticExchangeText(4000, { offset: 10_000 }).trimEnd().split("\n");
    const bad = JSON.parse(lines[2716]!) as { events: { type: string; date: string }[] };
    bad.events[1]!.date = "2021-02-30";
    lines[2716] = JSON.stringify(bad);
    const before = await fingerprint(db.url);
    const result = await importExchangeFile({ databaseUrl: db.url, filePath: writeTempFile(lines.join("\n")) });
    expect(result).toEqual({ ok: false, errors: [{ line: 2717, field: "events[1].date", reason: "Geen geldige datum (JJJJ-MM-DD)." }] });
    expect(await fingerprint(db.url)).toEqual(before);
  });

  it("the command line lists every error as line, field and reason and exits non-zero", () => {
    const good = JSON.stringify(syntheticNewcomer(20_000));
    const wrongGender = JSON.stringify({ ...syntheticNewcomer(20_002), gender: "V" });
    const file = writeTempFile(`${good}\n{not json\n${wrongGender}\n`);
    const r = spawnSync(process.execPath, cliArgs(file), { env: { ...process.env, DATABASE_URL: db.url }, encoding: "utf8" });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("regel 2, veld (regel): Geen geldige JSON.");
    expect(r.stderr).toMatch(/regel 3, veld nationalNumber: Het geslacht \(V\) komt niet overeen/);
    expect(r.stderr).toContain("er werd niets geïmporteerd");
  });

  it("a command-line import killed halfway leaves the database as it was", async () => {
    const killDb = await createEmptyDatabase();
    try {
      const file = writeTempFile(syntheticExchangeText(60_000, { offset: 30_000 }));
      const before = await fingerprint(killDb.url);
      const child = spawn(process.execPath, singleProcessCliArgs(file), { env: { ...process.env, DATABASE_URL: killDb.url } });
      const exited = new Promise((r) => child.on("exit", r));
      let stderr = "";
      await new Promise<void>((resolve, reject) => {
        child.stderr.on("data", (d: Buffer) => {
          stderr += d.toString();
          // kill once rows are streaming into the database
          if (/Importeren: [1-9]\d*\//.test(stderr)) {
            child.kill("SIGKILL");
            resolve();
          }
        });
        child.on("exit", () => reject(new Error(`import ended before it could be killed: ${stderr}`)));
      });
      await exited;
      // the server rolls back when it notices the dropped connection (after the statement it is running);
      // only client backends count: an autovacuum worker may visit the database meanwhile
      for (let i = 0; i < 300; i++) {
        const [a] = await query<{ n: number }>(
          killDb.url,
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
        );
        if (a!.n === 0) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(
        await query(
          killDb.url,
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
        ),
      ).toEqual([{ n: 0 }]);
      expect(await fingerprint(killDb.url)).toEqual(before);
    } finally {
      await killDb.drop();
    }
  });
});
