// The report engine against the real PostgreSQL: as-of semantics, the first-contract rule,
// recorded classification, decision corrections, totals, and the first-of-type marker.
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { runReport, type ReportResult } from "@/lib/domain/reports/run-report";
import { parseReportParams } from "@/lib/domain/reports/report-params.schema";
import { buildReportQuery } from "@/lib/domain/reports/sql";
import { buildDirectReportQuery, reportCells } from "../support/direct-report-sql";
import { db } from "@/lib/server/db";
import { createTestAgency, createTestNewcomer } from "../support/factories";
import { addDecision, addEvent, cancelEvent, firstMarkers } from "../support/report-factories";

const pool = new pg.Pool({ connectionString: inject("databaseUrl"), max: 2 });
afterAll(() => pool.end());

const cell = (r: ReportResult, keys: string[], year: number) =>
  r.rows.find((row) => JSON.stringify(row.keys) === JSON.stringify(keys))?.values[String(year)] ?? 0;

function expectTotalsAreSums(r: ReportResult) {
  for (const y of r.years) expect(r.totals.values[String(y)]).toBe(r.rows.reduce((s, row) => s + row.values[String(y)]!, 0));
  for (const row of r.rows) expect(row.total).toBe(r.years.reduce((s, y) => s + row.values[String(y)]!, 0));
  expect(r.totals.total).toBe(r.rows.reduce((s, row) => s + row.total, 0));
}

describe("report engine", () => {
  it("counts nothing dated after the as-of date; a registration after it leaves the newcomer NIET_AANGEMELD", async () => {
    const a = await createTestAgency();
    const n = await createTestNewcomer(a);
    await addEvent(n, { type: "EXTRACTION", date: "2022-03-01" });
    await addEvent(n, { type: "REGISTRATION", date: "2022-09-01" });
    const late = await createTestNewcomer(a);
    await addEvent(late, { type: "EXTRACTION", date: "2022-08-01" });
    const q = { measure: "reach", by: ["office", "registered"], from: 2022, to: 2022, agency: a.agencyCode };
    const before = await runReport(pool, { ...q, asOf: "2022-06-30" });
    expect(before.rows).toEqual([
      expect.objectContaining({ keys: [a.officeCode, "NIET_AANGEMELD"], labels: [`Kantoor 1 ${a.agencyCode}`, "niet aangemeld"], total: 1 }),
    ]);
    const after = await runReport(pool, { ...q, asOf: "2022-12-31" });
    expect(cell(after, [a.officeCode, "AANGEMELD"], 2022)).toBe(1);
    expect(cell(after, [a.officeCode, "NIET_AANGEMELD"], 2022)).toBe(1);
    expectTotalsAreSums(after);
  });

  it("counts a decision dated after the as-of date as IN_BEHANDELING", async () => {
    const a = await createTestAgency();
    const n = await createTestNewcomer(a);
    const inf = await addEvent(n, { type: "INFRINGEMENT", date: "2021-05-03" });
    await addDecision(inf.id, { outcome: "BOETE", on: "2021-06-01", amountEur: 375 });
    const q = { measure: "infringements", by: ["decision"], from: 2021, to: 2021, agency: a.agencyCode };
    expect((await runReport(pool, { ...q, asOf: "2021-05-31" })).rows.map((r) => r.keys)).toEqual([["IN_BEHANDELING"]]);
    expect((await runReport(pool, { ...q, asOf: "2021-06-01" })).rows.map((r) => r.keys)).toEqual([["BOETE"]]);
  });

  it("counts a newcomer once, in the year of their first live contract", async () => {
    const a = await createTestAgency();
    const n = await createTestNewcomer(a);
    const first = await addEvent(n, { type: "CONTRACT", date: "2020-04-20" });
    await addEvent(n, { type: "CONTRACT", date: "2021-02-01" });
    const q = { measure: "contracts", by: ["agency"], from: 2020, to: 2021, asOf: "2023-01-15", agency: a.agencyCode };
    const r = await runReport(pool, q);
    expect(r.totals.values).toEqual({ "2020": 1, "2021": 0 });
    await cancelEvent(first.id);
    expect((await runReport(pool, q)).totals.values).toEqual({ "2020": 0, "2021": 1 });
  });

  it("classifies by what was recorded on the record: a newcomer who moved counts at the old office for the old contract", async () => {
    const a = await createTestAgency();
    const n = await createTestNewcomer(a);
    await addEvent(n, { type: "CONTRACT", date: "2020-04-20" });
    await db.newcomer.update({ where: { id: n.id }, data: { officeCode: a.secondOfficeCode, nationalityCode: "BEL", nationalityGroup: "EU_PLUS" } });
    const moved = await db.newcomer.findUniqueOrThrow({ where: { id: n.id } });
    await addEvent(moved, { type: "ATTESTATION", date: "2021-02-01" });
    const contracts = await runReport(pool, {
      measure: "contracts",
      by: ["office", "nationality_group"],
      from: 2020,
      to: 2021,
      asOf: "2023-01-15",
      agency: a.agencyCode,
    });
    expect(contracts.rows.map((r) => r.keys)).toEqual([[a.officeCode, "DERDELANDER"]]);
    const attestations = await runReport(pool, { measure: "attestations", by: ["office"], from: 2020, to: 2021, asOf: "2023-01-15", agency: a.agencyCode });
    expect(attestations.rows.map((r) => r.keys)).toEqual([[a.secondOfficeCode]]);
  });

  it("takes the latest FINAL decision; one awaiting confirmation does not count", async () => {
    const a = await createTestAgency();
    const n = await createTestNewcomer(a);
    const inf = await addEvent(n, { type: "INFRINGEMENT", date: "2021-05-03" });
    await addDecision(inf.id, { outcome: "BOETE", on: "2021-06-01", amountEur: 375 });
    await addDecision(inf.id, { outcome: "GEEN_BOETE", on: "2021-07-01" });
    await addDecision(inf.id, { outcome: "BOETE", on: "2021-08-01", amountEur: 1500, status: "AWAITING_CONFIRMATION" });
    const q = { measure: "infringements", by: ["decision"], from: 2021, to: 2021, asOf: "2023-01-15", agency: a.agencyCode };
    expect((await runReport(pool, q)).rows.map((r) => r.keys)).toEqual([["GEEN_BOETE"]]);
    expect((await runReport(pool, { ...q, asOf: "2021-06-15" })).rows.map((r) => r.keys)).toEqual([["BOETE"]]);
    const fines = await runReport(pool, { ...q, measure: "fines", by: ["amount"] });
    expect(fines.rows).toEqual([]);
  });

  it("reports fines and their amounts by amount, unknown amounts apart, totals the sum of the rows", async () => {
    const a = await createTestAgency();
    for (const amount of [375, 375, 75, undefined]) {
      const n = await createTestNewcomer(a);
      const inf = await addEvent(n, { type: "INFRINGEMENT", date: "2022-04-01", infringementType: "NIET_REGELMATIG_DEELGENOMEN" });
      await addDecision(inf.id, { outcome: "BOETE", on: "2022-05-01", ...(amount ? { amountEur: amount } : {}) });
    }
    const q = { by: ["amount"], from: 2022, to: 2022, asOf: "2023-01-15", agency: a.agencyCode };
    const count = await runReport(pool, { ...q, measure: "fines" });
    expect(count.rows.map((r) => [r.keys[0], r.total])).toEqual([
      ["75", 1],
      ["375", 2],
      ["ONBEKEND", 1],
    ]);
    expectTotalsAreSums(count);
    const sum = await runReport(pool, { ...q, measure: "fine_amount_eur" });
    expect(sum.totals.total).toBe(825);
    expect(sum.rows.map((r) => r.keys[0])).toEqual(["75", "375"]); // the all-zero ONBEKEND row is left out
    expectTotalsAreSums(sum);
    // the cells themselves: the unknown amounts' key is there with 0 (there are fines), as in the direct count
    const p = parseReportParams({ ...q, measure: "fine_amount_eur" });
    const cells = await reportCells(pool, buildReportQuery(p));
    expect(cells).toEqual(await reportCells(pool, buildDirectReportQuery(p)));
    expect(cells).toContain("ONBEKEND||2022|0");
    const byProvince = await runReport(pool, { ...q, measure: "fines", by: ["province", "infringement_type"] });
    expect(byProvince.rows).toEqual([expect.objectContaining({ keys: ["ONBEKEND", "NIET_REGELMATIG_DEELGENOMEN"], total: 4 })]);
  });

  it("reports DVZ advices by contract, attestation and follow-up known as of the date", async () => {
    const a = await createTestAgency();
    const n = await createTestNewcomer(a);
    await addEvent(n, {
      type: "DVZ_ADVICE",
      date: "2022-01-05",
      contractSigned: true,
      attestationObtained: false,
      followUp: "VERBLIJF_VERLENGD",
      followUpOn: "2022-03-01",
    });
    const q = { measure: "dvz_advices", by: ["contract_signed", "follow_up"], from: 2022, to: 2022, agency: a.agencyCode };
    expect((await runReport(pool, { ...q, asOf: "2022-02-01" })).rows.map((r) => r.keys)).toEqual([["JA", "ONBEKEND"]]);
    expect((await runReport(pool, { ...q, asOf: "2022-12-31" })).rows[0]).toMatchObject({
      keys: ["JA", "VERBLIJF_VERLENGD"],
      labels: ["ja", "verblijf verlengd"],
    });
  });

  it("refuses unknown measures and dimensions that do not belong to the measure", async () => {
    await expect(runReport(pool, { measure: "bestaat_niet", by: ["office"], from: 2020, to: 2021, asOf: "2023-01-15" })).rejects.toThrow(/Onbekende maatstaf/);
    await expect(runReport(pool, { measure: "contracts", by: ["decision"], from: 2020, to: 2021, asOf: "2023-01-15" })).rejects.toThrow(
      /bestaat niet voor contracts/,
    );
    await expect(runReport(pool, { measure: "contracts", by: ["office"], from: 2022, to: 2021, asOf: "2023-01-15" })).rejects.toThrow(/eindjaar/);
  });
});

describe("first-of-type marker (database triggers)", () => {
  it("marks the first live event on insert, moves on cancel and on a back-dated insert", async () => {
    const a = await createTestAgency();
    const n = await createTestNewcomer(a);
    const c2021 = await addEvent(n, { type: "CONTRACT", date: "2021-05-01" });
    expect(await firstMarkers(n.id, "CONTRACT")).toEqual([c2021.id]);
    const c2020 = await addEvent(n, { type: "CONTRACT", date: "2020-01-10" }); // back-dated
    expect(await firstMarkers(n.id, "CONTRACT")).toEqual([c2020.id]);
    await cancelEvent(c2020.id);
    expect(await firstMarkers(n.id, "CONTRACT")).toEqual([c2021.id]);
    await cancelEvent(c2021.id);
    expect(await firstMarkers(n.id, "CONTRACT")).toEqual([]);
    await db.trackEvent.update({ where: { id: c2020.id }, data: { cancelledAt: null } }); // un-cancel
    expect(await firstMarkers(n.id, "CONTRACT")).toEqual([c2020.id]);
    const ext = await addEvent(n, { type: "EXTRACTION", date: "2019-01-01" }); // other type: its own first
    expect(await firstMarkers(n.id, "EXTRACTION")).toEqual([ext.id]);
    expect(await firstMarkers(n.id, "CONTRACT")).toEqual([c2020.id]);
  });

  it("keeps it right for a multi-row insert in one statement (as COPY imports do) and a date correction", async () => {
    const a = await createTestAgency();
    const n = await createTestNewcomer(a);
    const base = {
      newcomerId: n.id,
      type: "CONTRACT" as const,
      officeCode: n.officeCode,
      agencyCode: n.agencyCode,
      nationalityCode: n.nationalityCode,
      nationalityGroup: n.nationalityGroup,
      residenceStatusCode: n.residenceStatusCode,
      targetGroup: n.targetGroup,
      gender: n.gender,
    };
    await db.trackEvent.createMany({
      data: [
        { ...base, date: new Date("2022-03-01") },
        { ...base, date: new Date("2021-03-01") },
        { ...base, date: new Date("2023-03-01") },
      ],
    });
    const rows = await db.trackEvent.findMany({ where: { newcomerId: n.id }, orderBy: { date: "asc" } });
    expect(await firstMarkers(n.id, "CONTRACT")).toEqual([rows[0]!.id]);
    await db.trackEvent.update({ where: { id: rows[2]!.id }, data: { date: new Date("2020-01-01") } });
    expect(await firstMarkers(n.id, "CONTRACT")).toEqual([rows[2]!.id]);
  });
});
