// The list exports (issue 14) through the one module lib/server/lists: the list as the user sees
// it (filters, order, every page), national numbers masked unless revealed (and then audited
// revealed: true), the formula guard in CSV and XLSX, the cap said in the file, every export
// audited with its count, filters (never a national number) and ids, in the reading transaction.
import crypto from "node:crypto";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { EXPORT_ROW_CAP } from "@/lib/domain/lists/export-table";
import { db } from "@/lib/server/db";
import { ValidationError } from "@/lib/server/errors";
import { createSearchToken } from "@/lib/server/dossiers/search-token";
import { exportList } from "@/lib/server/lists/export-list";
import { exportDvzAdviceList, exportFineQueue, exportNewcomerList, exportWorklist } from "@/lib/server/lists/list-exports";
import { generateDvzAdvice } from "@/lib/server/dvz/advice";
import { createTestAgency, createTestNewcomer, createTestUser } from "../support/factories";
import { createTestEvent } from "../support/fines-factories";

const NOW = new Date("2026-06-15T10:00:00Z");

async function lastAudit(action: string, userId: string) {
  const a = await db.auditLog.findFirstOrThrow({ where: { action, userId }, orderBy: { at: "desc" } });
  return { row: a, after: a.after as { count: number; capped: boolean; revealed: boolean; newcomerIds: string[]; filters: Record<string, unknown> } };
}

/** An audit row as text (its id is a bigint). */
const asText = (row: object) => JSON.stringify(row, (_k, v) => (typeof v === "bigint" ? String(v) : v));

async function sheet(body: string | Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  return wb.worksheets[0]!;
}

describe("dossier list export", () => {
  it("exports every page of the filtered, sorted list as CSV, numbers masked, audited with count, filters and ids", async () => {
    const a = await createTestAgency();
    const staff = await createTestUser("STAFF", a);
    const tag = `Exp${crypto.randomBytes(3).toString("hex")}`;
    const made = [];
    // more than one page (25), one with a formula for a name
    for (let i = 0; i < 30; i++) made.push(await createTestNewcomer(a, { lastName: `${tag}${String(i).padStart(2, "0")}` }));
    await db.newcomer.update({ where: { id: made[3]!.id }, data: { lastName: `=cmd|'/c calc'!A1`, searchName: `${tag.toLowerCase()} =cmd` } });
    const other = await createTestNewcomer(a, { lastName: "Anders" });
    const file = await exportNewcomerList(staff, { q: tag, sort: "-naam" }, NOW);
    expect(file.contentType).toBe("text/csv; charset=utf-8");
    expect(file.fileName).toBe("dossiers-2026-06-15.csv");
    const lines = String(file.body).trimEnd().split("\r\n");
    expect(lines[0]).toBe("achternaam,voornaam,rijksregisternummer,geboortedatum,geslacht,kantoor,doelgroep,status");
    expect(lines).toHaveLength(31);
    expect(file.count).toBe(30);
    expect(lines[1]!.startsWith(`${tag}29,`)).toBe(true); // the list's order: name descending
    expect(lines.some((l) => l.startsWith("'=cmd|'/c calc'!A1,"))).toBe(true); // guarded: text, never a formula
    for (const n of made) expect(String(file.body)).not.toContain(n.nationalNumber);
    expect(String(file.body)).not.toContain(other.lastName);
    expect(lines[2]).toMatch(/,\d{2}\.\d{2}\.\d{2}-\*\*\*\.\*\*,\d{4}-\d{2}-\d{2},M,/); // masked number, ISO date
    const { row, after } = await lastAudit("newcomer.list.export", staff.userId);
    expect(row.entityId).toBe("dossiers");
    expect(after.count).toBe(30);
    expect(after.capped).toBe(false);
    expect(after.revealed).toBe(false);
    expect(new Set(after.newcomerIds)).toEqual(new Set(made.map((n) => n.id)));
    expect(after.filters).toMatchObject({ q: tag, sort: "-naam" });
  });

  it("a number search (its token) exports that dossier; the audit keeps no digits of the number", async () => {
    const a = await createTestAgency();
    const staff = await createTestUser("STAFF", a);
    const n = await createTestNewcomer(a);
    const token = await createSearchToken(staff, n.nationalNumber);
    const file = await exportNewcomerList(staff, { zoek: token, format: "xlsx" }, NOW);
    expect(file.count).toBe(1);
    const ws = await sheet(file.body);
    expect(ws.getRow(1).values).toEqual([
      undefined,
      "achternaam",
      "voornaam",
      "rijksregisternummer",
      "geboortedatum",
      "geslacht",
      "kantoor",
      "doelgroep",
      "status",
    ]);
    expect(ws.getCell(2, 1).value).toBe(n.lastName);
    expect(ws.getCell(2, 3).value).toMatch(/^\d{2}\.\d{2}\.\d{2}-\*\*\*\.\*\*$/);
    expect(ws.getCell(2, 4).type).toBe(ExcelJS.ValueType.Date);
    expect((ws.getCell(2, 4).value as Date).toISOString().slice(0, 10)).toBe(n.birthDate.toISOString().slice(0, 10));
    const { row, after } = await lastAudit("newcomer.list.export", staff.userId);
    expect(after.filters.q).toBe("(rijksregisternummer)");
    expect(asText(row)).not.toContain(n.nationalNumber);
    expect(asText(row)).not.toContain(n.nationalNumber.slice(6));
  });

  it("with 'met volledige rijksregisternummers' the numbers are in full and the audit says revealed: true", async () => {
    const a = await createTestAgency();
    const staff = await createTestUser("STAFF", a);
    const tag = `Rev${crypto.randomBytes(3).toString("hex")}`;
    const n1 = await createTestNewcomer(a, { lastName: `${tag}a` });
    const n2 = await createTestNewcomer(a, { lastName: `${tag}b` });
    const file = await exportNewcomerList(staff, { q: tag, volledig: "1" }, NOW);
    expect(String(file.body)).toContain(n1.nationalNumber);
    expect(String(file.body)).toContain(n2.nationalNumber);
    const { row, after } = await lastAudit("newcomer.list.export", staff.userId);
    expect(after.revealed).toBe(true);
    expect(after.count).toBe(2);
    // the audit row itself never holds a number in clear
    expect(asText(row)).not.toContain(n1.nationalNumber);
  });

  it("does not export another agency's dossiers", async () => {
    const a = await createTestAgency();
    const b = await createTestAgency();
    const staff = await createTestUser("STAFF", a);
    const tag = `Scp${crypto.randomBytes(3).toString("hex")}`;
    await createTestNewcomer(b, { lastName: `${tag}x` });
    const file = await exportNewcomerList(staff, { q: tag }, NOW);
    expect(file.count).toBe(0);
    expect(String(file.body).trimEnd().split("\r\n")).toHaveLength(1);
  });
});

describe("the cap", () => {
  it("stops at EXPORT_ROW_CAP and says so in the file (CSV last line, XLSX first row) and the audit", async () => {
    const admin = await createTestUser("ADMIN");
    const ids = Array.from({ length: EXPORT_ROW_CAP + 1 }, () => crypto.randomUUID());
    const spec = {
      action: "worklist.export" as const,
      list: "cap-test",
      permission: "dossier.read" as const,
      filters: {},
      columns: [{ header: "id", kind: "text" as const }],
      read: async (_tx: unknown, limit: number) => ids.slice(0, limit),
      newcomerId: (r: string) => r,
      maskedNationalNumber: () => "",
      cells: (r: string) => [r],
    };
    const csv = await exportList(admin, spec, { format: "csv", reveal: false }, NOW);
    expect(csv.count).toBe(EXPORT_ROW_CAP);
    expect(csv.capped).toBe(true);
    const lines = String(csv.body).trimEnd().split("\r\n");
    expect(lines).toHaveLength(EXPORT_ROW_CAP + 2);
    expect(lines.at(-1)).toBe("Let op: afgekapt na de eerste 10.000 rijen; de lijst telde er meer. Verfijn de filters.");
    const { after } = await lastAudit("worklist.export", admin.userId);
    expect(after.capped).toBe(true);
    expect(after.count).toBe(EXPORT_ROW_CAP);
    expect(after.newcomerIds).toHaveLength(EXPORT_ROW_CAP);
    const xlsx = await exportList(admin, spec, { format: "xlsx", reveal: false }, NOW);
    const ws = await sheet(xlsx.body);
    expect(String(ws.getCell(1, 1).value)).toMatch(/^Let op: afgekapt na de eerste 10\.000 rijen/);
    expect(ws.getCell(2, 1).value).toBe("id");
    expect(ws.rowCount).toBe(EXPORT_ROW_CAP + 2);
    // exactly the cap is not cut
    const exact = await exportList(
      admin,
      { ...spec, read: async (_tx: unknown, _limit: number) => ids.slice(0, EXPORT_ROW_CAP) },
      { format: "csv", reveal: false },
    );
    expect(exact.capped).toBe(false);
    expect(String(exact.body)).not.toContain("afgekapt");
  });
});

describe("the other lists", () => {
  it("a worklist as XLSX: ISO date cells, masked numbers, worklist.export audited", async () => {
    const a = await createTestAgency();
    const staff = await createTestUser("STAFF", a);
    const n = await createTestNewcomer(a);
    await createTestEvent(n.id, "INVITATION", "2026-01-10");
    const file = await exportWorklist(staff, "niet-aangemeld", { kantoor: a.officeCode, format: "xlsx" }, NOW);
    expect(file.fileName).toBe("werklijst-niet-aangemeld-2026-06-15.xlsx");
    const ws = await sheet(file.body);
    expect(ws.getRow(1).values).toEqual([undefined, "naam", "rijksregisternummer", "geboortedatum", "kantoor", "sinds", "termijn_verstreken_na"]);
    expect(ws.rowCount).toBe(2);
    expect(ws.getCell(2, 2).value).not.toBe(n.nationalNumber);
    expect((ws.getCell(2, 5).value as Date).toISOString().slice(0, 10)).toBe("2026-01-10");
    expect((ws.getCell(2, 6).value as Date).toISOString().slice(0, 10)).toBe("2026-04-10");
    const { after } = await lastAudit("worklist.export", staff.userId);
    expect(after).toMatchObject({ count: 1, filters: { list: "niet-aangemeld", office: a.officeCode, sort: "sinds" }, newcomerIds: [n.id] });
  });

  it("the fines queue with its filters, fine.queue.export audited", async () => {
    const a = await createTestAgency();
    const admin = await createTestUser("ADMIN");
    const n1 = await createTestNewcomer(a);
    const n2 = await createTestNewcomer(a);
    await createTestEvent(n1.id, "INFRINGEMENT", "2026-01-05", { infringementType: "NIET_TIJDIG_AANGEMELD" });
    await createTestEvent(n2.id, "INFRINGEMENT", "2026-06-01", { infringementType: "NIET_TIJDIG_AANGEMELD" });
    const file = await exportFineQueue(admin, { agency: a.agencyCode, minAgeDays: "90" }, NOW);
    const lines = String(file.body).trimEnd().split("\r\n");
    expect(lines[0]).toBe("ontvangen_op,dagen,naam,rijksregisternummer,inbreuk,agentschap,kantoor");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^2026-01-05,161,/);
    const { after } = await lastAudit("fine.queue.export", admin.userId);
    expect(after).toMatchObject({ count: 1, filters: { agency: a.agencyCode, minAgeDays: 90 }, newcomerIds: [n1.id] });
  });

  it("the DVZ advice list with its name filter, dvz.advice.list.export audited", async () => {
    const a = await createTestAgency();
    const admin = await createTestUser("ADMIN");
    const tag = `Dvz${crypto.randomBytes(3).toString("hex")}`;
    const n = await createTestNewcomer(a, { lastName: tag });
    await db.newcomer.update({ where: { id: n.id }, data: { searchName: `${tag.toLowerCase()} voornaam` } });
    await generateDvzAdvice(admin, { newcomerId: n.id, date: "2026-06-01" }, NOW);
    const file = await exportDvzAdviceList(admin, { naam: tag }, NOW);
    const lines = String(file.body).trimEnd().split("\r\n");
    expect(lines[0]).toBe("datum,naam,rijksregisternummer,contract_ondertekend,attest_behaald,gevolg,gevolg_op");
    expect(lines[1]).toMatch(new RegExp(`^2026-06-01,${tag} Voornaam,\\d{2}\\.\\d{2}\\.\\d{2}-\\*\\*\\*\\.\\*\\*,nee,nee,ONBEKEND,$`));
    const { after } = await lastAudit("dvz.advice.list.export", admin.userId);
    expect(after).toMatchObject({ count: 1, filters: { naam: tag, sort: "-datum" }, newcomerIds: [n.id] });
  });

  it("a control character in a list's filter is a clear error, nothing exported or audited (was a 500: NUL in the audit JSON)", async () => {
    const admin = await createTestUser("ADMIN");
    const e = await exportDvzAdviceList(admin, { naam: "x\u0000" }, NOW).catch((err) => err);
    expect(e).toBeInstanceOf(ValidationError);
    expect(Object.keys(e.fieldErrors)).toEqual(["naam"]);
    expect(await db.auditLog.count({ where: { action: "dvz.advice.list.export", userId: admin.userId } })).toBe(0);
  });
});
