// Knowledge time (kennisdatum, issue 13): report_fact keeps every version of a fact with the
// interval it was recorded, kept by the same triggers. A report "as recorded on T1" must give the
// figures the report gave at T1, whatever was corrected since (a contract's date, a cancelled
// event, a late decision, a new newcomer); "now" must differ exactly where the corrections are; a
// report recorded on now must equal the count path for every measure and dimension; and neither
// a second change in one transaction nor report_rebuild() may lose or damage the history.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { dimensionsOf, measures, type Dimension, type Measure } from "@/lib/domain/reports/definitions";
import { runReport, type ReportResult } from "@/lib/domain/reports/run-report";
import { db } from "@/lib/server/db";
import { createTestAgency, createTestNewcomer, type TestAgency } from "../support/factories";
import { addDecision, addEvent, cancelEvent } from "../support/report-factories";

const pool = new pg.Pool({ connectionString: inject("databaseUrl"), max: 2 });
afterAll(() => pool.end());

const AS_OF = ["2021-06-30", "2022-12-31", "2023-01-15"];
const instant = async () => (await pool.query<{ t: Date }>("SELECT clock_timestamp() AS t")).rows[0]!.t.toISOString();
const cell = (r: ReportResult, keys: string[], year: number) =>
  r.rows.find((row) => JSON.stringify(row.keys) === JSON.stringify(keys))?.values[String(year)] ?? 0;
const withoutKnowledgeTime = ({ recordedOn: _, ...r }: ReportResult) => r;

/** Every measure by each of its dimensions, at each as-of date: the reports compared. */
function everyReport(agency: string) {
  return measures.flatMap((measure: Measure) =>
    dimensionsOf(measure).flatMap((d: Dimension) => AS_OF.map((asOf) => ({ measure, by: [d], from: 2020, to: 2023, asOf, agency }))),
  );
}

async function history(newcomerIds: string[]) {
  const r = await pool.query(
    `SELECT event_id, valid_from, valid_to, state, year, recorded_from, recorded_to FROM report_fact
      WHERE newcomer_id = ANY($1::uuid[]) ORDER BY event_id, valid_from, recorded_from`,
    [newcomerIds],
  );
  return r.rows;
}

describe("reports as recorded on an instant", () => {
  let agency: TestAgency;
  const ids: string[] = [];
  let t1 = "";
  const atT1 = new Map<string, ReportResult>();

  beforeAll(async () => {
    agency = await createTestAgency();
    const a = await createTestNewcomer(agency);
    const b = await createTestNewcomer(agency, { office: agency.secondOfficeCode });
    ids.push(a.id, b.id);
    await addEvent(a, { type: "EXTRACTION", date: "2020-03-02" });
    await addEvent(a, { type: "REGISTRATION", date: "2021-01-10" });
    await addEvent(a, { type: "CONTRACT", date: "2021-02-01" });
    await addEvent(a, { type: "ATTESTATION", date: "2022-02-01" });
    await addEvent(b, { type: "EXTRACTION", date: "2021-04-01" });
    await addEvent(b, { type: "INVITATION", date: "2021-04-20" });
    const fine = await addEvent(b, { type: "INFRINGEMENT", date: "2021-09-01" });
    await addDecision(fine.id, { outcome: "BOETE", on: "2021-10-01", amountEur: 200 });
    await addEvent(b, { type: "INFRINGEMENT", date: "2022-05-01" });
    await addEvent(b, { type: "DVZ_ADVICE", date: "2022-07-01", contractSigned: false, followUp: "VERBLIJF_NIET_VERLENGD", followUpOn: "2022-09-01" });
    // T1: what was recorded until now, and every report as it is at T1
    t1 = await instant();
    for (const q of everyReport(agency.agencyCode)) atT1.set(JSON.stringify(q), await runReport(pool, q));
  });

  it("gives the figures of T1 after corrections, and now differs exactly where they are", async () => {
    const a = await db.newcomer.findUniqueOrThrow({ where: { id: ids[0] } });
    const events = await db.trackEvent.findMany({ where: { newcomerId: { in: ids } } });
    const of = (n: string, type: string) => events.find((e) => e.newcomerId === n && e.type === type)!;
    // a contract's date corrected into the next year, an attestation cancelled, a late decision on
    // the second infringement, a new newcomer with a contract
    await db.trackEvent.update({ where: { id: of(a.id, "CONTRACT").id }, data: { date: new Date("2022-03-01T00:00:00Z") } });
    await cancelEvent(of(a.id, "ATTESTATION").id);
    const open = events.find((e) => e.type === "INFRINGEMENT" && e.date.toISOString().startsWith("2022"))!;
    await addDecision(open.id, { outcome: "BOETE", on: "2022-11-15", amountEur: 500 });
    const c = await createTestNewcomer(agency);
    ids.push(c.id);
    await addEvent(c, { type: "EXTRACTION", date: "2022-01-10" });
    await addEvent(c, { type: "CONTRACT", date: "2022-02-10" });

    let compared = 0;
    for (const q of everyReport(agency.agencyCode)) {
      const then = atT1.get(JSON.stringify(q))!;
      const recorded = await runReport(pool, { ...q, recordedOn: t1 });
      expect(recorded.recordedOn).toBe(t1);
      expect(withoutKnowledgeTime(recorded), `${q.measure} by ${q.by} as of ${q.asOf} as recorded on T1`).toEqual(then);
      compared++;
    }
    expect(compared).toBeGreaterThan(100);

    // now: exactly the corrections
    const now = (measure: string, by: string, asOf = "2023-01-15") =>
      Promise.all([
        runReport(pool, { measure, by: [by], from: 2020, to: 2023, asOf, agency: agency.agencyCode }),
        atT1.get(JSON.stringify({ measure, by: [by], from: 2020, to: 2023, asOf, agency: agency.agencyCode }))!,
      ]);
    const [contracts, contractsT1] = await now("contracts", "office");
    expect([cell(contractsT1, [agency.officeCode], 2021), cell(contractsT1, [agency.officeCode], 2022)]).toEqual([1, 0]);
    expect([cell(contracts, [agency.officeCode], 2021), cell(contracts, [agency.officeCode], 2022)]).toEqual([0, 2]);
    const [attestations, attestationsT1] = await now("attestations", "office");
    expect([attestationsT1.totals.total, attestations.totals.total]).toEqual([1, 0]);
    const [fines, finesT1] = await now("fines", "office");
    expect([cell(finesT1, [agency.secondOfficeCode], 2022), cell(fines, [agency.secondOfficeCode], 2022)]).toEqual([0, 1]);
    expect(cell(fines, [agency.secondOfficeCode], 2021)).toBe(cell(finesT1, [agency.secondOfficeCode], 2021));
    const [amounts, amountsT1] = await now("fine_amount_eur", "office");
    expect(amounts.totals.total - amountsT1.totals.total).toBe(500);
    const [reach, reachT1] = await now("reach", "office");
    expect(reach.totals.total - reachT1.totals.total).toBe(1);
    // the rest is untouched: invitations, registrations and DVZ advices as at T1
    for (const m of ["invitations", "registrations", "dvz_advices"]) {
      const [x, xT1] = await now(m, "office");
      expect(x, m).toEqual(xT1);
    }
  });

  it("as recorded on now equals the count path for every measure by each dimension", async () => {
    const t = await instant();
    let compared = 0;
    for (const q of everyReport(agency.agencyCode)) {
      expect(withoutKnowledgeTime(await runReport(pool, { ...q, recordedOn: t })), `${q.measure} by ${q.by} as of ${q.asOf}`).toEqual(await runReport(pool, q));
      compared++;
    }
    expect(compared).toBeGreaterThan(100);
  });

  it("before anything was recorded, counts nothing", async () => {
    const r = await runReport(pool, {
      measure: "reach",
      by: ["office"],
      from: 2020,
      to: 2023,
      asOf: "2023-01-15",
      agency: agency.agencyCode,
      recordedOn: "2000-01-01T00:00:00Z",
    });
    expect(r.rows).toEqual([]);
  });

  it("keeps one version per transaction: a fact changed twice in one transaction leaves no empty interval", async () => {
    const n = await createTestNewcomer(agency);
    ids.push(n.id);
    const e = await addEvent(n, { type: "REGISTRATION", date: "2022-01-01" });
    await db.$transaction([
      db.trackEvent.update({ where: { id: e.id }, data: { date: new Date("2022-02-01T00:00:00Z") } }),
      db.trackEvent.update({ where: { id: e.id }, data: { date: new Date("2022-03-01T00:00:00Z") } }),
    ]);
    const rows = await history([n.id]);
    expect(rows.map((r) => [r.valid_from.toISOString().slice(0, 10), r.recorded_to === null])).toEqual([
      ["2022-01-01", false],
      ["2022-03-01", true],
    ]);
    expect(rows[0].recorded_to.getTime()).toBe(rows[1].recorded_from.getTime());
    const empty = await pool.query("SELECT count(*)::int AS n FROM report_fact WHERE recorded_to <= recorded_from");
    expect(empty.rows[0].n).toBe(0);
  });

  it("report_rebuild() keeps the closed facts and leaves the current counts as they were", async () => {
    const before = await history(ids);
    expect(before.filter((r) => r.recorded_to !== null).length).toBeGreaterThan(3);
    const counts = `SELECT grain, type, year, office_code, state, from_year, to_year, n FROM report_count
                     WHERE agency_code = $1 AND n <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7`;
    const countsBefore = (await pool.query(counts, [agency.agencyCode])).rows;
    const months = `SELECT grain, type, year, office_code, state, month, starts, ends FROM report_month_count
                     WHERE agency_code = $1 AND (starts <> 0 OR ends <> 0) ORDER BY 1, 2, 3, 4, 5, 6, 7, 8`;
    const monthsBefore = (await pool.query(months, [agency.agencyCode])).rows;
    expect(monthsBefore.length).toBeGreaterThan(0);
    const reportBefore = await runReport(pool, {
      measure: "contracts",
      by: ["office"],
      from: 2020,
      to: 2023,
      asOf: "2023-01-15",
      agency: agency.agencyCode,
      recordedOn: t1,
    });
    await pool.query("SELECT report_rebuild()");
    expect(await history(ids)).toEqual(before);
    expect((await pool.query(counts, [agency.agencyCode])).rows).toEqual(countsBefore);
    expect((await pool.query(months, [agency.agencyCode])).rows).toEqual(monthsBefore);
    expect(
      await runReport(pool, { measure: "contracts", by: ["office"], from: 2020, to: 2023, asOf: "2023-01-15", agency: agency.agencyCode, recordedOn: t1 }),
    ).toEqual(reportBefore);
  });
});
