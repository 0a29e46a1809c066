// Retention and anonymisation (issue 15) against the real database: after anonymising a set of
// dossiers every report (every measure by each of its dimensions) and a stored publication give
// the same figures; a dump of the database holds neither their names nor their national numbers;
// a hold blocks anonymisation; `npm run retention -- --apply` killed mid-run resumes and ends in the
// same state; `--dry-run` changes nothing. Each test works in its own agency (`--agency`), so the
// rest of the shared test database is never anonymised.
import { execFile, spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { makeNationalNumber } from "@/lib/domain/national-number";
import { dimensionsOf, measures, type Dimension, type Measure } from "@/lib/domain/reports/definitions";
import { runReport } from "@/lib/domain/reports/run-report";
import { recordAudit } from "@/lib/server/audit/audit";
import { db } from "@/lib/server/db";
import { listNewcomers } from "@/lib/server/dossiers/list-newcomers";
import { ValidationError } from "@/lib/server/errors";
import { getPublication } from "@/lib/server/reports/publications";
import { publishReport } from "@/lib/server/reports/publish";
import { setLegalHold } from "@/lib/server/retention/holds";
import { anonymiseDossiers } from "@/lib/server/retention/overview";
import { runRetention } from "@/lib/server/retention/run";
import { anonymiseLocked } from "@/lib/server/retention/anonymise";
import { importExchangeFile } from "@/lib/server/exchange/import-exchange";
import { getImportRun, startDossierImport } from "@/lib/server/exchange/import-upload";
import { resetServerEnvForTests } from "@/lib/server/env";
import { syntheticExchangeText, syntheticNewcomer } from "@/bench/support/synthetic-newcomers";
import { writeTempFile } from "../support/exchange-factories";
import { createTestAgency, createTestUser, type TestAgency } from "../support/factories";
import { addDecision, addEvent } from "../support/report-factories";
import { normalizeSearchQuery } from "@/lib/domain/search-name";
import { dumpDatabase } from "../support/dump-database";

const run = promisify(execFile);
const pool = new pg.Pool({ connectionString: inject("databaseUrl"), max: 2 });
afterAll(() => pool.end());

const rnd = () => crypto.randomBytes(5).toString("hex");
let sequence = 1 + Math.floor(Math.random() * 300);

/** A newcomer with a unique, findable name and a national number of its own. */
async function person(agency: TestAgency, i: number) {
  sequence = (sequence % 997) + 1;
  const lastName = `Zwyrtel${rnd()}`;
  const birthDate = `19${70 + (i % 29)}-0${1 + (i % 9)}-1${i % 9}`;
  return db.newcomer.create({
    data: {
      nationalNumber: makeNationalNumber(birthDate, sequence),
      lastName,
      firstName: `Qoorn${rnd()}`,
      searchName: `${lastName} qoorn`.toLowerCase(),
      birthDate: new Date(`${birthDate}T00:00:00Z`),
      gender: i % 2 ? "M" : "V",
      nationalityCode: ["MAR", "AFG", "SYR"][i % 3]!,
      nationalityGroup: "DERDELANDER",
      residenceStatusCode: "GEZINSHERENIGING_BELG",
      targetGroup: i % 4 ? "PLICHT" : "RECHT",
      officeCode: i % 2 ? agency.officeCode : agency.secondOfficeCode,
      agencyCode: agency.agencyCode,
      street: `Kerkstraat ${i}`,
      postalCode: "2000",
      city: "Antwerpen",
    },
  });
}

/** A closed track (2019–2020): every event type, a decided infringement, a paid fine, a DVZ advice with its follow-up, free texts. */
async function closedTrack(agency: TestAgency, i: number) {
  const n = await person(agency, i);
  await addEvent(n, { type: "EXTRACTION", date: "2019-02-01" });
  await addEvent(n, { type: "INVITATION", date: "2019-03-01" });
  if (i % 3 !== 0) await addEvent(n, { type: "REGISTRATION", date: "2019-04-01" });
  if (i % 3 !== 0) await addEvent(n, { type: "CONTRACT", date: "2019-05-01" });
  if (i % 2 === 0) await addEvent(n, { type: "ATTESTATION", date: "2020-03-01" });
  if (i % 3 === 0) {
    const inf = await addEvent(n, { type: "INFRINGEMENT", date: "2019-09-01" });
    const d = await addDecision(inf.id, { outcome: i % 2 ? "BOETE" : "GEEN_BOETE", on: "2019-10-01", amountEur: i % 2 ? 250 : undefined });
    await db.infringementDecision.update({
      where: { id: d.id },
      data: { motivation: `Motivatie over ${n.lastName}`, ...(i % 2 ? { paymentStatus: "BETAALD", paidOn: new Date("2020-01-10") } : {}) },
    });
    await addEvent(n, { type: "DVZ_ADVICE", date: "2020-02-01", contractSigned: false, followUp: "VERBLIJF_VERLENGD", followUpOn: "2020-04-01" });
  }
  await db.trackEvent.updateMany({ where: { newcomerId: n.id, type: "INVITATION" }, data: { note: `Belde ${n.firstName} ${n.lastName}` } });
  // the dossier history keeps old values: an update of the name and address, audited as the app does
  await recordAudit(db, null, {
    action: "newcomer.update",
    entityType: "newcomer",
    entityId: n.id,
    newcomerId: n.id,
    agencyCode: n.agencyCode,
    before: { lastName: `${n.lastName}-Oud`, street: n.street, nationalNumber: n.nationalNumber, birthDate: "1980-01-01" },
    after: { lastName: n.lastName, changes: [{ field: "lastName", from: `${n.lastName}-Oud`, to: n.lastName }] },
    reason: `correctie op vraag van ${n.firstName}`,
    subject: { userEmail: "test", ip: null },
  });
  return n;
}

const AS_OF = ["2019-12-31", "2020-06-30", "2023-01-15"];
async function everyReport(agency: string) {
  const out: Record<string, unknown> = {};
  for (const measure of measures as readonly Measure[])
    for (const d of dimensionsOf(measure) as Dimension[])
      for (const asOf of AS_OF) out[`${measure}/${d}/${asOf}`] = await runReport(pool, { measure, by: [d], from: 2018, to: 2021, asOf, agency });
  return out;
}

describe("anonymisation keeps every figure and removes the person", () => {
  it("gives the same reports and publication, and nothing findable by name or number, in the database dump or the search", async () => {
    const agency = await createTestAgency();
    const people: Awaited<ReturnType<typeof closedTrack>>[] = [];
    for (let i = 0; i < 12; i++) people.push(await closedTrack(agency, i));
    const token = await db.searchToken.create({ data: { userId: (await createTestUser("ADMIN")).userId, query: people[0]!.nationalNumber } });
    const manager = await createTestUser("MANAGER", agency);
    const { id: publicationId } = await publishReport(manager, {
      title: "Voor de anonimisering",
      questionNumber: 115,
      from: 2019,
      to: 2020,
      asOf: "2023-01-15",
      tables: "contracts:nationality;fines:office",
      status: "VOORLOPIG",
      forPublication: false,
    });
    const reportsBefore = await everyReport(agency.agencyCode);
    const facts = `SELECT f.* FROM report_fact f JOIN newcomer n ON n.id = f.newcomer_id WHERE n.agency_code = $1 ORDER BY 1, 2, 3`;
    const factsBefore = (await pool.query(facts, [agency.agencyCode])).rows;

    const r = await runRetention(null, { apply: true, agency: agency.agencyCode, batchSize: 5 });
    expect(r.anonymised).toBe(people.length);

    expect(await everyReport(agency.agencyCode)).toEqual(reportsBefore);
    // no fact re-derived: not even a new knowledge-time version (the triggers saw no fact column change)
    expect((await pool.query(facts, [agency.agencyCode])).rows).toEqual(factsBefore);
    const { check, diff } = await getPublication(manager, publicationId);
    expect(check.unchanged).toBe(true);
    expect(diff?.unchanged).toBe(true);

    const dump = await dumpDatabase(inject("databaseUrl"));
    for (const p of people) {
      // the searchable form too (lower case: search_name, the name words of issue 18)
      for (const s of [p.lastName, p.firstName, p.nationalNumber, normalizeSearchQuery(p.lastName)]) {
        const at = dump.indexOf(s);
        expect(at < 0, `${s}: ${dump.slice(Math.max(0, dump.lastIndexOf("\n-- ", at)), at + 100)}`.slice(0, 3000)).toBe(true);
      }
    }
    const rows = await db.newcomer.findMany({ where: { agencyCode: agency.agencyCode } });
    for (const n of rows) {
      expect(n.anonymisedAt).not.toBeNull();
      expect(n.lastName).toBe(n.pseudonym);
      expect(n.nationalNumber).toMatch(/^X\d{10}$/);
      expect(n.birthDate.toISOString().slice(5, 10)).toBe("01-01");
      expect([n.street, n.postalCode, n.city]).toEqual([null, null, null]);
    }
    expect(await db.searchToken.findUnique({ where: { id: token.id } })).toBeNull();
    // the audit rows keep the pseudonymous id and what was done; the anonymisation is audited with its rule and counts
    const audit = await db.auditLog.findMany({ where: { newcomerId: { in: people.map((p) => p.id) }, action: "newcomer.update" } });
    expect(audit).toHaveLength(people.length);
    const runs = await db.auditLog.findMany({ where: { action: "retention.anonymise", at: { gte: new Date(Date.now() - 600_000) } } });
    const ours = runs.filter((a) => (a.after as { newcomerIds: string[] }).newcomerIds.some((id) => people.some((p) => p.id === id)));
    expect(ours.map((a) => (a.after as { rule: string; count: number }).count).reduce((x, y) => x + y, 0)).toBe(people.length);
    expect((ours[0]!.after as { rule: string }).rule).toBe("closedDossier");
    // the search by old name or number finds nothing
    const admin = await createTestUser("ADMIN");
    expect((await listNewcomers(admin, { q: people[1]!.lastName })).rows).toEqual([]);
    expect((await listNewcomers(admin, { q: people[1]!.nationalNumber })).rows).toEqual([]);
  });
});

describe("legal holds", () => {
  it("keeps a dossier under any hold out of the run and refuses the admin's anonymisation", async () => {
    const agency = await createTestAgency();
    const admin = await createTestUser("ADMIN");
    const free = await closedTrack(agency, 1);
    const byAdmin = await closedTrack(agency, 2);
    await setLegalHold(admin, { newcomerId: byAdmin.id, reason: "Beroep hangende bij de Raad van State" });
    const undecided = await person(agency, 3);
    await addEvent(undecided, { type: "INFRINGEMENT", date: "2019-05-01" });
    const unpaid = await person(agency, 4);
    const inf = await addEvent(unpaid, { type: "INFRINGEMENT", date: "2019-05-01" });
    await addDecision(inf.id, { outcome: "BOETE", on: "2019-06-01", amountEur: 200 });
    const dvz = await person(agency, 5);
    await addEvent(dvz, { type: "DVZ_ADVICE", date: "2019-05-01", contractSigned: false });

    const dry = await runRetention(null, { apply: false, agency: agency.agencyCode });
    expect([dry.dueDossiers, dry.heldDossiers]).toEqual([5, 4]);
    await expect(anonymiseDossiers(admin, { newcomerIds: [free.id, byAdmin.id], confirm: "ANONIMISEER" })).rejects.toBeInstanceOf(ValidationError);
    expect((await db.newcomer.findUniqueOrThrow({ where: { id: free.id } })).anonymisedAt).toBeNull(); // all or nothing
    const r = await runRetention(null, { apply: true, agency: agency.agencyCode });
    expect(r.anonymised).toBe(1);
    const left = await db.newcomer.findMany({ where: { agencyCode: agency.agencyCode, anonymisedAt: null }, select: { id: true } });
    expect(left.map((n) => n.id).sort()).toEqual([byAdmin.id, undecided.id, unpaid.id, dvz.id].sort());
  });
});

describe("npm run retention (child process)", () => {
  // tsx as a loader in one process (its CLI would run the script in a grandchild the kill misses)
  const args = (agency: string, ...more: string[]) => ["--conditions=react-server", "--import", "tsx", "scripts/retention.ts", ...more, "--agency", agency];
  const env = { ...process.env, DATABASE_URL: inject("databaseUrl") };

  /** The agency's dossiers and everything anonymisation touches, as one comparable text. */
  const state = async (agency: string) =>
    (
      await pool.query<{ s: string }>(
        `SELECT coalesce(string_agg(concat_ws('|', n.id, n.last_name, n.first_name, n.national_number, n.birth_date, n.street, n.pseudonym IS NULL,
                  (SELECT string_agg(concat_ws(',', e.id, e.note, e.date), ';' ORDER BY e.id) FROM track_event e WHERE e.newcomer_id = n.id),
                  (SELECT count(*) FROM report_fact f WHERE f.newcomer_id = n.id)), E'\\n' ORDER BY n.id), '') AS s
           FROM newcomer n WHERE n.agency_code = $1`,
        [agency],
      )
    ).rows[0]!.s;

  it("--dry-run changes nothing", async () => {
    const agency = await createTestAgency();
    for (let i = 0; i < 3; i++) await closedTrack(agency, i);
    const before = await state(agency.agencyCode);
    const audits = (await pool.query("SELECT count(*) FROM audit_log")).rows[0].count;
    const { stdout } = await run(process.execPath, args(agency.agencyCode, "--dry-run"), { env });
    expect(stdout).toMatch(/3 te anonimiseren, waarvan 0 onder bewaring/);
    expect(await state(agency.agencyCode)).toBe(before);
    expect((await pool.query("SELECT count(*) FROM audit_log")).rows[0].count).toBe(audits);
  });

  it("--apply killed mid-run leaves whole batches, and the next run ends in the same state as one run", async () => {
    const agency = await createTestAgency();
    const n = 120;
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const p = await person(agency, i);
      ids.push(p.id);
      await addEvent(p, { type: "CONTRACT", date: "2019-05-01", nationality: p.nationalityCode });
    }
    const reportBefore = await runReport(pool, {
      measure: "contracts",
      by: ["nationality"],
      from: 2019,
      to: 2019,
      asOf: "2023-01-15",
      agency: agency.agencyCode,
    });
    const child = spawn(process.execPath, args(agency.agencyCode, "--apply", "--batch", "2"), { env, stdio: ["ignore", "pipe", "pipe"] });
    await new Promise<void>((resolve, reject) => {
      child.stderr.on("data", (b: Buffer) => {
        if (/geanonimiseerd/.test(b.toString())) resolve();
      });
      child.on("exit", () => reject(new Error("the run ended before it could be killed")));
    });
    child.kill("SIGKILL");
    await new Promise((r) => child.on("close", r));
    const done = await db.newcomer.count({ where: { agencyCode: agency.agencyCode, anonymisedAt: { not: null } } });
    expect(done).toBeGreaterThan(0);
    expect(done).toBeLessThan(n);
    // every newcomer is either whole or untouched: no half-anonymised row
    const half = await pool.query(
      `SELECT count(*)::int AS c FROM newcomer WHERE agency_code = $1
          AND ((anonymised_at IS NULL) <> (pseudonym IS NULL) OR (anonymised_at IS NULL) <> (national_number ~ '^\\d{11}$'))`,
      [agency.agencyCode],
    );
    expect(half.rows[0].c).toBe(0);
    await run(process.execPath, args(agency.agencyCode, "--apply"), { env });
    expect(await db.newcomer.count({ where: { agencyCode: agency.agencyCode, anonymisedAt: null } })).toBe(0);
    expect(await runReport(pool, { measure: "contracts", by: ["nationality"], from: 2019, to: 2019, asOf: "2023-01-15", agency: agency.agencyCode })).toEqual(
      reportBefore,
    );
    // a third run finds nothing left to do
    const { stdout } = await run(process.execPath, args(agency.agencyCode, "--apply"), { env });
    expect(stdout).toMatch(/Geanonimiseerd: 0\./);
  }, 180_000);
});

describe("a later import of an anonymised person's number", () => {
  it("creates a new person and says so, from a keyed mark that holds no number", async () => {
    process.env.RETENTION_NUMBER_KEY = "test-key-".repeat(5);
    resetServerEnvForTests();
    try {
      const i = 1000 + Math.floor(Math.random() * 50_000);
      const file = writeTempFile(syntheticExchangeText(1, { offset: i }));
      const number = syntheticNewcomer(i).nationalNumber;
      const first = await importExchangeFile({ databaseUrl: inject("databaseUrl"), filePath: file });
      expect(first.ok && first.newcomers).toBe(1);
      const old = await db.newcomer.findUniqueOrThrow({ where: { nationalNumber: number } });
      await db.$transaction((tx) => anonymiseLocked(tx, null, [old.id], "admin"));
      expect(await db.anonymisedNumber.count({ where: { mark: number } })).toBe(0);
      const again = await importExchangeFile({ databaseUrl: inject("databaseUrl"), filePath: file });
      expect(again.ok && [again.newcomers, again.previouslyAnonymised]).toEqual([1, 1]);
      const fresh = await db.newcomer.findUniqueOrThrow({ where: { nationalNumber: number } });
      expect(fresh.id).not.toBe(old.id);
      expect((await db.newcomer.findUniqueOrThrow({ where: { id: old.id } })).anonymisedAt).not.toBeNull();
      // the upload page (/beheer/import) says it too: the run records it, the page's view returns it
      const admin = await createTestUser("ADMIN");
      await db.$transaction((tx) => anonymiseLocked(tx, null, [fresh.id], "admin"));
      const { runId } = await startDossierImport(admin, { fileName: "opnieuw.jsonl", content: new TextEncoder().encode(fs.readFileSync(file, "utf8")) });
      await expect.poll(async () => (await getImportRun(admin, runId)).status, { timeout: 60_000, interval: 200 }).toBe("SUCCEEDED");
      expect(await getImportRun(admin, runId)).toMatchObject({ newcomers: 1, previouslyAnonymised: 1 });
    } finally {
      delete process.env.RETENTION_NUMBER_KEY;
      resetServerEnvForTests();
    }
  });
});

describe("the audit log stays append-only outside the retention functions", () => {
  it.skipIf(!inject("appDatabaseUrl"))("refuses the app's own UPDATE even with the setting, and redacts no live dossier", async () => {
    const agency = await createTestAgency();
    const n = await closedTrack(agency, 7);
    const app = new pg.Client({ connectionString: inject("appDatabaseUrl")! });
    await app.connect();
    try {
      await app.query("BEGIN");
      await app.query("SET LOCAL inburgering.retention = 'on'");
      await expect(app.query("UPDATE audit_log SET reason = NULL WHERE newcomer_id = $1", [n.id])).rejects.toThrow(/permission denied/);
      await app.query("ROLLBACK");
      const r = await app.query("SELECT retention_redact_audit($1::uuid[], ARRAY['lastName'], 'x') AS n", [[n.id]]);
      expect(Number(r.rows[0].n)).toBe(0);
      await expect(app.query("SELECT retention_purge_audit(ARRAY['newcomer.view'], NULL, now())")).rejects.toThrow(/6 maanden/);
    } finally {
      await app.end();
    }
    const row = await db.auditLog.findFirstOrThrow({ where: { newcomerId: n.id, action: "newcomer.update" } });
    expect(JSON.stringify(row.before)).toContain(n.lastName);
  });
});
