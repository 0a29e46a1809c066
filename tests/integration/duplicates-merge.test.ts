// Issue 14, duplicates and merge: likely duplicates found (dossier and admin list), a merge that
// loses nothing (events, decisions, DVZ advices, audit references), keeps the national number and
// the BIS number as an alias that still finds the person, refuses a stale version, is audited
// once without numbers in clear — and leaves the reports as if the person had always been one.
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { makeNationalNumber } from "@/lib/domain/national-number";
import { reportCountKeySql } from "@/lib/domain/reports/count-key";
import { runReport } from "@/lib/domain/reports/run-report";
import { toSearchName } from "@/lib/domain/search-name";
import { db } from "@/lib/server/db";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/server/errors";
import { listDuplicateGroups } from "@/lib/server/dossiers/duplicates";
import { getNewcomerDossier } from "@/lib/server/dossiers/get-dossier";
import { listNewcomers } from "@/lib/server/dossiers/list-newcomers";
import { getMergePreview, mergeNewcomers, survivorOf } from "@/lib/server/dossiers/merge-newcomers";
import { createNewcomer } from "@/lib/server/dossiers/save-newcomer";
import { importExchangeFile } from "@/lib/server/exchange/import-exchange";
import { writeTempFile } from "../support/exchange-factories";
import { createTestAgency, createTestUser, type TestAgency } from "../support/factories";
import { addDecision, addEvent, type EventInput } from "../support/report-factories";
import { newcomerInput } from "../support/dossier-factories";

const pool = new pg.Pool({ connectionString: inject("databaseUrl"), max: 2 });
afterAll(() => pool.end());

let seq = 301 + Math.floor(Math.random() * 300) * 2;
const nextSeq = () => (seq = seq + 2 > 997 ? 1 : seq + 2);

async function person(agency: TestAgency, lastName: string, firstName: string, birthDate: string, nationalNumber: string) {
  return db.newcomer.create({
    data: {
      nationalNumber,
      lastName,
      firstName,
      searchName: toSearchName(lastName, firstName),
      birthDate: new Date(`${birthDate}T00:00:00Z`),
      gender: "M",
      nationalityCode: "MAR",
      nationalityGroup: "DERDELANDER",
      residenceStatusCode: "GEZINSHERENIGING_BELG",
      targetGroup: "PLICHT",
      officeCode: agency.officeCode,
      agencyCode: agency.agencyCode,
    },
  });
}

// X: first known under a BIS number; Y: later under the national number (the same person)
const X_EVENTS: EventInput[] = [
  { type: "EXTRACTION", date: "2020-02-01" },
  { type: "INVITATION", date: "2020-03-01" },
  { type: "INFRINGEMENT", date: "2021-01-10" },
];
const Y_EVENTS: EventInput[] = [
  { type: "EXTRACTION", date: "2021-03-01" },
  { type: "REGISTRATION", date: "2021-04-01" },
  { type: "CONTRACT", date: "2021-05-01" },
  { type: "CONTRACT", date: "2022-02-01" },
  { type: "DVZ_ADVICE", date: "2022-06-05", contractSigned: true, attestationObtained: false },
];

async function withEvents(n: Awaited<ReturnType<typeof person>>, events: EventInput[]) {
  for (const e of events) {
    const ev = await addEvent(n, e);
    if (e.type === "INFRINGEMENT") await addDecision(ev.id, { outcome: "BOETE", on: "2021-02-01", amountEur: 200 });
  }
}

// a birth date of its own per pair, so that the pairs of different tests do not match each other
let day = 0;
const nextBirth = () => `1991-${String(1 + (Math.floor(day / 28) % 12)).padStart(2, "0")}-${String(1 + (day++ % 28)).padStart(2, "0")}`;

async function twoDossiersOfOnePerson(agency: TestAgency) {
  const birth = nextBirth();
  const x = await person(agency, "Öztürk", "Ayşe", birth, makeNationalNumber(birth, nextSeq(), { bis: true }));
  const y = await person(agency, "OZTURK", "ayse", birth, makeNationalNumber(birth, nextSeq()));
  await withEvents(x, X_EVENTS);
  await withEvents(y, Y_EVENTS);
  return { x, y };
}

const REPORTS = [
  { measure: "reach", by: ["registered"] },
  { measure: "invitations", by: ["gender"] },
  { measure: "registrations", by: ["gender"] },
  { measure: "contracts", by: ["gender"] },
  { measure: "infringements", by: ["decision"] },
  { measure: "fines", by: ["gender"] },
  { measure: "fine_amount_eur", by: ["gender"] },
  { measure: "dvz_advices", by: ["contract_signed"] },
];
const AS_OF = ["2020-12-31", "2021-06-30", "2022-12-31"];

async function reportsOf(agency: string) {
  const out: Record<string, unknown> = {};
  for (const r of REPORTS)
    for (const asOf of AS_OF) {
      const res = await runReport(pool, { ...r, from: 2019, to: 2022, asOf, agency });
      out[`${r.measure}@${asOf}`] = res.rows.map((row) => [row.keys, row.values]);
    }
  return out;
}

describe("duplicates", () => {
  it("are shown on the dossier and in the admin list, paged with the true count", async () => {
    const agency = await createTestAgency();
    const admin = await createTestUser("ADMIN");
    const staff = await createTestUser("STAFF", agency);
    const { x, y } = await twoDossiersOfOnePerson(agency);
    const dossier = await getNewcomerDossier(staff, x.id);
    expect(dossier.duplicates).toEqual([expect.objectContaining({ id: y.id, reason: "BIS_AND_NATIONAL" })]);
    // another agency's staff sees no duplicate outside its scope
    const other = await createTestAgency();
    const lone = await person(
      other,
      "Öztürk",
      "Ayşe",
      x.birthDate.toISOString().slice(0, 10),
      makeNationalNumber(x.birthDate.toISOString().slice(0, 10), nextSeq()),
    );
    expect((await getNewcomerDossier(await createTestUser("STAFF", other), lone.id)).duplicates).toEqual([]);

    const first = await listDuplicateGroups(admin, { page: 1 });
    expect(first.total).toBeGreaterThanOrEqual(1);
    let found = false;
    for (let page = 1; page <= Math.ceil(first.total / first.pageSize); page++) {
      const list = await listDuplicateGroups(admin, { page });
      found ||= list.groups.some((g) => g.members.some((m) => m.id === x.id) && g.members.some((m) => m.id === y.id) && g.bisAndNational);
    }
    expect(found).toBe(true);
    await expect(listDuplicateGroups(staff, { page: 1 })).rejects.toBeInstanceOf(ForbiddenError);
    // the pages' parameters as the bad-input walk sends them: no error but "not found"
    for (const page of ["1e400", "a".repeat(300), "'\"<b>%_é", undefined]) await expect(listDuplicateGroups(admin, { page })).resolves.toBeTruthy();
    for (const id of ["x", "'\"<b>%_é", "a".repeat(300)]) await expect(getMergePreview(admin, id, y.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("merging two dossiers", () => {
  it("loses nothing, keeps the national number, finds the person by the BIS alias, and is audited once", async () => {
    const agency = await createTestAgency();
    const admin = await createTestUser("ADMIN");
    const { x, y } = await twoDossiersOfOnePerson(agency);
    await getNewcomerDossier(admin, y.id); // an audit row that names the merged dossier
    await db.letter.create({ data: { kind: "INVITATION", newcomerId: y.id, printedById: admin.userId } }); // a letter printed for it
    const count = async (ids: string[]) => ({
      letters: await db.letter.count({ where: { newcomerId: { in: ids } } }),
      events: await db.trackEvent.count({ where: { newcomerId: { in: ids } } }),
      decisions: await db.infringementDecision.count({ where: { event: { newcomerId: { in: ids } } } }),
      advices: await db.trackEvent.count({ where: { newcomerId: { in: ids }, type: "DVZ_ADVICE" } }),
      audits: await db.auditLog.count({ where: { newcomerId: { in: ids } } }),
    });
    const before = await count([x.id, y.id]);
    expect(before).toMatchObject({ events: 8, decisions: 1, advices: 1, letters: 1 });

    const preview = await getMergePreview(admin, x.id, y.id);
    expect(preview).toMatchObject({ reason: "BIS_AND_NATIONAL", keptFrom: "merged" });
    expect(preview.reports).toEqual([{ type: "EXTRACTION", count: 2, firstYears: [2020, 2021], firstYearAfter: 2020 }]);

    const result = await mergeNewcomers(admin, { survivorId: x.id, mergedId: y.id, survivorVersion: x.version, mergedVersion: y.version });
    expect(result.moved).toMatchObject({ events: 5, decisions: 0, advices: 1, letters: 1 });
    expect(await db.newcomer.findUnique({ where: { id: y.id } })).toBeNull();
    const after = await count([x.id]);
    const mergedAudits = await db.auditLog.count({ where: { newcomerId: y.id } });
    expect({ ...after, audits: after.audits + mergedAudits }).toEqual({ ...before, audits: before.audits + 1 });
    // the national number (not the BIS number) is kept; the BIS number is the alias
    const survivor = await db.newcomer.findUniqueOrThrow({ where: { id: x.id } });
    expect(survivor.nationalNumber).toBe(y.nationalNumber);
    expect(survivor.version).toBe(x.version + 1);
    expect(await db.newcomerAlias.findMany({ where: { newcomerId: x.id }, select: { nationalNumber: true, mergedFromId: true } })).toEqual([
      { nationalNumber: x.nationalNumber, mergedFromId: y.id },
    ]);
    // the alias still finds the person, and the old link leads to the survivor
    const byAlias = await listNewcomers(admin, { q: x.nationalNumber });
    expect(byAlias.rows.map((r: { id: string }) => r.id)).toEqual([x.id]);
    expect((await listNewcomers(admin, { q: x.nationalNumber.slice(0, 8) })).rows.map((r: { id: string }) => r.id)).toContain(x.id);
    expect(await survivorOf(admin, y.id)).toBe(x.id);
    // the merged dossier's audit rows are part of the survivor's history
    const history = (await getNewcomerDossier(admin, x.id)).history;
    expect(history.some((h) => h.action === "newcomer.merge")).toBe(true);
    // X itself was never opened before: the one view in its history is the merged dossier's
    expect(history.filter((h) => h.action === "newcomer.view")).toHaveLength(1);
    // one audit row with both ids, no national number in clear
    const audit = await db.auditLog.findMany({ where: { action: "newcomer.merge", entityId: x.id } });
    expect(audit).toHaveLength(1);
    const text = JSON.stringify({ ...audit[0], id: String(audit[0]!.id) });
    expect(text).toContain(y.id);
    for (const nn of [x.nationalNumber, y.nationalNumber]) expect(text).not.toContain(nn);
    // the alias cannot be given to a new dossier
    const staff = await createTestUser("STAFF", agency);
    const err = await createNewcomer(
      staff,
      newcomerInput(agency, { nationalNumber: x.nationalNumber, birthDate: x.birthDate.toISOString().slice(0, 10), gender: "V" }),
    ).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).fieldErrors.nationalNumber).toBeTruthy();
  });

  it("an import line with the alias adds its events to the merged dossier instead of a new one", async () => {
    const agency = await createTestAgency();
    const admin = await createTestUser("ADMIN");
    const { x, y } = await twoDossiersOfOnePerson(agency);
    await mergeNewcomers(admin, { survivorId: y.id, mergedId: x.id, survivorVersion: y.version, mergedVersion: x.version });
    const birthDate = x.birthDate.toISOString().slice(0, 10);
    const line = {
      nationalNumber: x.nationalNumber,
      lastName: "Öztürk",
      firstName: "Ayşe",
      birthDate,
      gender: "M",
      nationality: "MAR",
      residenceStatus: "GEZINSHERENIGING_BELG",
      targetGroup: "PLICHT",
      office: agency.officeCode,
      events: [{ type: "INVITATION", date: "2023-01-10" }],
    };
    const newcomers = await db.newcomer.count();
    const result = await importExchangeFile({ databaseUrl: inject("databaseUrl"), filePath: writeTempFile(`${JSON.stringify(line)}\n`) });
    expect(result).toMatchObject({ ok: true });
    expect(await db.newcomer.count()).toBe(newcomers);
    expect(await db.trackEvent.count({ where: { newcomerId: y.id, type: "INVITATION" } })).toBe(2); // X's and the imported one
  });

  it("leaves the reports as if the person had always been one dossier (only the double count goes)", async () => {
    const merged = await createTestAgency();
    const control = await createTestAgency();
    const admin = await createTestUser("ADMIN");
    const { x, y } = await twoDossiersOfOnePerson(merged);
    const birth = nextBirth();
    const one = await person(control, "Öztürk", "Ayşe", birth, makeNationalNumber(birth, nextSeq()));
    await withEvents(one, [...X_EVENTS, ...Y_EVENTS]);
    const expected = await reportsOf(control.agencyCode);
    const beforeMerge = await reportsOf(merged.agencyCode);
    // two dossiers counted twice where a fact is per person: reach (two first extractions) and the first contract
    expect(beforeMerge).not.toEqual(expected);
    await mergeNewcomers(admin, { survivorId: y.id, mergedId: x.id, survivorVersion: y.version, mergedVersion: x.version });
    expect(await reportsOf(merged.agencyCode)).toEqual(expected);
    // the stored current facts are exactly what the records derive (none lost, none left on the merged id)
    const FACT = `event_id, valid_from, valid_to, newcomer_id, ${reportCountKeySql()}`;
    const diff = await pool.query<{ n: string }>(
      `SELECT count(*) AS n FROM ((SELECT ${FACT} FROM report_fact WHERE newcomer_id = ANY($1::uuid[]) AND recorded_to IS NULL
         EXCEPT ALL SELECT ${FACT} FROM report_fact_source WHERE newcomer_id = ANY($1::uuid[]))
       UNION ALL (SELECT ${FACT} FROM report_fact_source WHERE newcomer_id = ANY($1::uuid[])
         EXCEPT ALL SELECT ${FACT} FROM report_fact WHERE newcomer_id = ANY($1::uuid[]) AND recorded_to IS NULL)) d`,
      [[x.id, y.id]],
    );
    expect(Number(diff.rows[0]!.n)).toBe(0);
  });

  it("refuses a stale version, two different people and a non-admin, and changes nothing", async () => {
    const agency = await createTestAgency();
    const admin = await createTestUser("ADMIN");
    const staff = await createTestUser("STAFF", agency);
    const { x, y } = await twoDossiersOfOnePerson(agency);
    await db.newcomer.update({ where: { id: y.id }, data: { version: { increment: 1 } } }); // someone edited Y meanwhile
    await expect(mergeNewcomers(admin, { survivorId: x.id, mergedId: y.id, survivorVersion: x.version, mergedVersion: y.version })).rejects.toBeInstanceOf(
      ConflictError,
    );
    await expect(mergeNewcomers(staff, { survivorId: x.id, mergedId: y.id, survivorVersion: 1, mergedVersion: 2 })).rejects.toBeInstanceOf(ForbiddenError);
    const birth = x.birthDate.toISOString().slice(0, 10);
    const stranger = await person(agency, "Peeters", "Jan", birth, makeNationalNumber(birth, nextSeq()));
    await expect(
      mergeNewcomers(admin, { survivorId: x.id, mergedId: stranger.id, survivorVersion: x.version, mergedVersion: stranger.version }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(await db.trackEvent.count({ where: { newcomerId: y.id } })).toBe(Y_EVENTS.length);
    expect(await db.newcomerAlias.count({ where: { newcomerId: { in: [x.id, y.id] } } })).toBe(0);
    expect(await db.auditLog.count({ where: { action: "newcomer.merge", newcomerId: { in: [x.id, y.id] } } })).toBe(0);
  });

  it("lets one of two concurrent merges of the same dossier win", async () => {
    const agency = await createTestAgency();
    const admin = await createTestUser("ADMIN");
    const { x, y } = await twoDossiersOfOnePerson(agency);
    const results = await Promise.allSettled([
      mergeNewcomers(admin, { survivorId: x.id, mergedId: y.id, survivorVersion: x.version, mergedVersion: y.version }),
      mergeNewcomers(admin, { survivorId: y.id, mergedId: x.id, survivorVersion: y.version, mergedVersion: x.version }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.newcomer.count({ where: { id: { in: [x.id, y.id] } } })).toBe(1);
  });
});
