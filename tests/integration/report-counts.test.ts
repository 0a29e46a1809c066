// report_fact and report_count — the pre-aggregated tables the report engine reads — are kept by
// statement-level triggers on track_event and infringement_decision. After every kind of change
// the dossier screens make (new events, a later registration, a cancelled first contract, a
// decision corrected the same day or a year later, a confirmation, a payment, a deleted decision,
// a corrected date or office, a DVZ follow-up) they must equal what the records derive now, and
// the engine over them must give exactly the cells of the same report written directly over
// track_event (tests/support/direct-report-sql.ts) for every as-of date around every change.
import crypto from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { reportCountKeySql } from "@/lib/domain/reports/count-key";
import { dimensionsOf, measures, type Dimension } from "@/lib/domain/reports/definitions";
import { parseReportParams } from "@/lib/domain/reports/report-params.schema";
import { buildReportQuery } from "@/lib/domain/reports/sql";
import { db } from "@/lib/server/db";
import { buildDirectReportQuery, reportCells } from "../support/direct-report-sql";
import { createTestAgency, createTestNewcomer, type TestAgency } from "../support/factories";
import { addDecision, addEvent, cancelEvent, firstMarkers } from "../support/report-factories";

const pool = new pg.Pool({ connectionString: inject("databaseUrl"), max: 2 });
afterAll(() => pool.end());

// the report_count key (lib/domain/reports/count-key.ts); ROLLED_UP: without the columns the coarser grains roll up
const KEY = reportCountKeySql();
const ROLLED_UP = reportCountKeySql(true);
const FACT = `event_id, valid_from, valid_to, newcomer_id, ${KEY}`;

/** Rows in one query's result and not in the other's, both ways (EXCEPT ALL keeps duplicates). */
async function difference(a: string, b: string, values: unknown[] = []): Promise<number> {
  const r = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM ((${a} EXCEPT ALL ${b}) UNION ALL (${b} EXCEPT ALL ${a})) d`, values);
  return Number(r.rows[0]!.n);
}

/** Stored facts = derived facts for these newcomers; stored counts = the facts counted anew, every grain. */
async function expectTablesMatchTheRecords(newcomerIds: string[]) {
  expect(
    await difference(
      `SELECT ${FACT} FROM report_fact WHERE newcomer_id = ANY($1::uuid[]) AND recorded_to IS NULL`,
      `SELECT ${FACT} FROM report_fact_source WHERE newcomer_id = ANY($1::uuid[])`,
      [newcomerIds],
    ),
  ).toBe(0);
  expect(
    await difference(
      `SELECT grain, ${KEY}, from_year, to_year, n FROM report_count WHERE n <> 0`,
      `SELECT (GROUPING(nationality_code) * 2 + GROUPING(residence_status_code))::smallint, ${KEY}, from_year, to_year, count(*)
       FROM (SELECT *, extract(year FROM valid_from)::int AS from_year, extract(year FROM valid_to)::int AS to_year
               FROM report_fact WHERE recorded_to IS NULL) f
      GROUP BY ${ROLLED_UP}, from_year, to_year,
               GROUPING SETS ((nationality_code, residence_status_code), (nationality_code), (residence_status_code), ())`,
    ),
  ).toBe(0);
  // per month: the current facts whose validity starts there, and those whose validity ends there
  expect(
    await difference(
      `SELECT grain, ${KEY}, month, starts, ends FROM report_month_count WHERE starts <> 0 OR ends <> 0`,
      `SELECT (GROUPING(nationality_code) * 2 + GROUPING(residence_status_code))::smallint, ${KEY}, month, sum(s), sum(e)
       FROM (SELECT *, date_trunc('month', valid_from::timestamp)::date AS month, 1 AS s, 0 AS e FROM report_fact WHERE recorded_to IS NULL
             UNION ALL
             SELECT *, date_trunc('month', valid_to::timestamp)::date, 0, 1 FROM report_fact WHERE recorded_to IS NULL AND valid_to IS NOT NULL) f
      GROUP BY ${ROLLED_UP}, month,
               GROUPING SETS ((nationality_code, residence_status_code), (nationality_code), (residence_status_code), ())`,
    ),
  ).toBe(0);
}

const shiftDay = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Every date a fact of these newcomers starts or ends on, the day before and after, the first and
 * last day of its month (the engine sums whole months and reads part of one), 1 January and 31
 * December of its year.
 */
async function asOfDatesAround(newcomerIds: string[]): Promise<string[]> {
  const r = await pool.query<{ d: string }>(
    `SELECT DISTINCT to_char(d, 'YYYY-MM-DD') AS d FROM (
       SELECT valid_from AS d FROM report_fact_source WHERE newcomer_id = ANY($1::uuid[])
       UNION SELECT valid_to FROM report_fact_source WHERE newcomer_id = ANY($1::uuid[]) AND valid_to IS NOT NULL) x`,
    [newcomerIds],
  );
  const dates = new Set<string>();
  for (const { d } of r.rows) {
    const monthEnd = shiftDay(`${shiftDay(`${d.slice(0, 7)}-28`, 4).slice(0, 7)}-01`, -1);
    for (const x of [shiftDay(d, -1), d, shiftDay(d, 1), `${d.slice(0, 7)}-01`, monthEnd, `${d.slice(0, 4)}-01-01`, `${d.slice(0, 4)}-12-31`]) dates.add(x);
  }
  return [...dates].sort();
}

/** The engine's cells equal the direct query's, for every measure, each of its dimensions, every date. */
async function expectEngineMatchesDirectQuery(agency: TestAgency, newcomerIds: string[]) {
  const dates = await asOfDatesAround(newcomerIds);
  let compared = 0;
  for (const measure of measures) {
    const dims = dimensionsOf(measure);
    const specific = dims.slice(dims.indexOf("residence_status") + 1);
    // grains 3, 1, 2 and 3; every dimension of the measure compared at least once, but province
    // (the same provinceCase SQL on both sides, over office_code, which is compared)
    const lists: Dimension[][] = [
      ["office"],
      ["nationality", "gender"],
      ["residence_status", "nationality_group"],
      ["agency", "target_group"],
      ...specific.map((d): Dimension[] => ["office", d]),
    ];
    expect(
      dims.filter((d) => d !== "province" && !lists.flat().includes(d)),
      `dimensions of ${measure} not compared`,
    ).toEqual([]);
    for (const by of lists) {
      for (const asOf of dates) {
        const p = parseReportParams({ measure, by, from: 2019, to: 2023, asOf, agency: agency.agencyCode });
        expect(await reportCells(pool, buildReportQuery(p)), `${measure} by ${by.join(",")} as of ${asOf}`).toEqual(
          await reportCells(pool, buildDirectReportQuery(p)),
        );
        compared++;
      }
    }
  }
  return compared;
}

describe("report tables kept by the triggers", () => {
  let agency: TestAgency;
  const ids: string[] = [];
  const check = async () => {
    await expectTablesMatchTheRecords(ids);
    return expectEngineMatchesDirectQuery(agency, ids);
  };

  beforeAll(async () => {
    agency = await createTestAgency();
  });

  it("follows new records, a registration in a later year, a second contract and a DVZ follow-up", async () => {
    const a = await createTestNewcomer(agency);
    const b = await createTestNewcomer(agency, { office: agency.secondOfficeCode });
    const c = await createTestNewcomer(agency);
    ids.push(a.id, b.id, c.id);
    await addEvent(a, { type: "EXTRACTION", date: "2020-03-02" });
    await addEvent(a, { type: "INVITATION", date: "2020-03-10" });
    await addEvent(a, { type: "REGISTRATION", date: "2021-01-10" });
    await addEvent(a, { type: "CONTRACT", date: "2021-02-01" });
    await addEvent(a, { type: "CONTRACT", date: "2021-05-01" });
    await addEvent(a, { type: "ATTESTATION", date: "2022-02-01" });
    await addEvent(a, {
      type: "DVZ_ADVICE",
      date: "2022-01-05",
      contractSigned: true,
      attestationObtained: false,
      followUp: "VERBLIJF_VERLENGD",
      followUpOn: "2023-03-01",
    });
    await addEvent(b, { type: "REGISTRATION", date: "2021-11-01" });
    await addEvent(b, { type: "EXTRACTION", date: "2021-12-20" });
    await addEvent(c, { type: "EXTRACTION", date: "2022-06-01" });
    await addEvent(c, { type: "DVZ_ADVICE", date: "2022-07-01", followUp: "VERBLIJF_NIET_VERLENGD" });
    const compared = await check();
    expect(compared).toBeGreaterThan(500);
    // the counts hold one still-open reach fact per newcomer (a: registered since 2021, b: registered
    // before the extraction, c: never), and a's closed NIET_AANGEMELD fact of 2020
    const r = await pool.query(
      `SELECT state, to_year, sum(n)::int AS n FROM report_count WHERE grain = 3 AND type = 'EXTRACTION' AND agency_code = $1
      GROUP BY 1, 2 ORDER BY 1, 2`,
      [agency.agencyCode],
    );
    expect(r.rows).toEqual([
      { state: "AANGEMELD", to_year: null, n: 2 },
      { state: "NIET_AANGEMELD", to_year: 2021, n: 1 },
      { state: "NIET_AANGEMELD", to_year: null, n: 1 },
    ]);
  });

  it("follows decisions: same-day correction, a correction a year later, confirmation, payment, deletion", async () => {
    const n = await db.newcomer.findUniqueOrThrow({ where: { id: ids[0]! } });
    const inf = await addEvent(n, { type: "INFRINGEMENT", date: "2021-05-03", infringementType: "ONREGELMATIGE_DEELNAME" });
    await addDecision(inf.id, { outcome: "BOETE", on: "2021-06-01", amountEur: 375 });
    await check();
    await addDecision(inf.id, { outcome: "GEEN_BOETE", on: "2021-06-01" });
    const pending = await addDecision(inf.id, { outcome: "GEEN_GEVOLG", on: "2021-07-01", status: "AWAITING_CONFIRMATION" });
    const later = await addDecision(inf.id, { outcome: "BOETE", on: "2022-02-01", amountEur: 500 });
    await check();
    await db.infringementDecision.update({ where: { id: pending.id }, data: { status: "FINAL" } });
    await db.infringementDecision.update({ where: { id: later.id }, data: { paymentStatus: "BETAALD", paidOn: new Date("2022-03-01T00:00:00Z") } });
    await check();
    await db.infringementDecision.delete({ where: { id: later.id } });
    await check();
  });

  it("follows cancellations and corrections of dates and classification", async () => {
    const events = await db.trackEvent.findMany({ where: { newcomerId: { in: ids } } });
    const firstContract = events.find((e) => e.type === "CONTRACT" && e.isFirstOfType)!;
    await cancelEvent(firstContract.id);
    await check();
    const registration = events.find((e) => e.type === "REGISTRATION" && e.newcomerId === ids[0])!;
    await db.trackEvent.update({ where: { id: registration.id }, data: { date: new Date("2020-12-31T00:00:00Z") } });
    const extraction = events.find((e) => e.type === "EXTRACTION" && e.newcomerId === ids[1])!;
    await db.trackEvent.update({
      where: { id: extraction.id },
      data: { officeCode: agency.officeCode, nationalityCode: "TUR", residenceStatusCode: "ARBEIDSMIGRANT_DERDELANDER" },
    });
    await check();
    // a statement that changes nothing a fact is made of leaves the tables alone
    const before = await pool.query(`SELECT xmin::text AS x FROM report_fact WHERE newcomer_id = $1 ORDER BY event_id, valid_from`, [ids[2]]);
    await db.trackEvent.updateMany({ where: { newcomerId: ids[2] }, data: { note: "alleen een notitie" } });
    const after = await pool.query(`SELECT xmin::text AS x FROM report_fact WHERE newcomer_id = $1 ORDER BY event_id, valid_from`, [ids[2]]);
    expect(after.rows).toEqual(before.rows);
    await db.trackEvent.deleteMany({ where: { newcomerId: ids[2], type: "DVZ_ADVICE" } });
    await check();
  });

  it("re-derives a large set in one statement (over 1,000 newcomers: one exclusive lock) without changing a count", async () => {
    const counts = `SELECT grain, ${KEY}, from_year, to_year, n FROM report_count WHERE n <> 0`;
    const before = await pool.query(counts);
    // the test's newcomers, every other newcomer in the database, and ids of no one
    const all = await pool.query<{ id: string }>("SELECT id FROM newcomer");
    const nobody = Array.from({ length: 1_200 }, () => crypto.randomUUID());
    await pool.query("SELECT report_refresh($1::uuid[])", [[...all.rows.map((r) => r.id), ...nobody]]);
    const after = await pool.query(counts);
    expect(after.rows).toEqual(expect.arrayContaining(before.rows));
    expect(after.rows).toHaveLength(before.rows.length);
    await expectTablesMatchTheRecords(all.rows.map((r) => r.id));
  });

  it("derives from a fresh view when two transactions change the same newcomer at the same time", async () => {
    const n = await createTestNewcomer(agency);
    ids.push(n.id);
    const insert = `INSERT INTO track_event (newcomer_id, type, date, office_code, agency_code, nationality_code, nationality_group,
        residence_status_code, target_group, gender, updated_at)
      SELECT id, 'EXTRACTION', $2::date, office_code, agency_code, nationality_code, nationality_group, residence_status_code,
        target_group, gender, now() FROM newcomer WHERE id = $1`;
    const first = await pool.connect();
    const second = await pool.connect();
    try {
      await first.query("BEGIN");
      await second.query("BEGIN");
      await first.query(insert, [n.id, "2021-05-01"]);
      // an earlier extraction, written while the first transaction is still open: its triggers
      // must wait for it and then see both extractions
      const earlier = second.query(insert, [n.id, "2021-03-01"]);
      await new Promise((r) => setTimeout(r, 300));
      await first.query("COMMIT");
      await earlier;
      await second.query("COMMIT");
    } finally {
      first.release();
      second.release();
    }
    expect(await firstMarkers(n.id, "EXTRACTION")).toHaveLength(1);
    await check();
  });
});
