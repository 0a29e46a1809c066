// Issue 12's audit gaps closed in the data layer: report views and downloads (report.view /
// report.export, parameters only), and search tokens that keep a national number out of URLs.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { createSearchToken, isNationalNumberQuery, resolveSearchToken } from "@/lib/server/dossiers/search-token";
import { getAnswer } from "@/lib/server/reports/get-answer";
import { getReport } from "@/lib/server/reports/get-report";
import { createTestAgency, createTestUser } from "../support/factories";

describe("report audit", () => {
  it("writes report.view for a page and report.export for a download, with the parameters only", async () => {
    const agency = await createTestAgency();
    const manager = await createTestUser("MANAGER", agency);
    const q = { measure: "contracts", by: ["office"], from: 2021, to: 2021, asOf: "2023-01-15" };
    await getReport(manager, q, { action: "report.view", what: "vraag-2" });
    await getReport(manager, q, { action: "report.export", what: "csv" });
    await getAnswer(manager, { from: 2021, to: 2022, asOf: "2023-01-15" }, { action: "report.export", what: "antwoord-xlsx" });
    const rows = await db.auditLog.findMany({
      where: { userId: manager.userId },
      orderBy: { id: "asc" },
      select: { action: true, entityId: true, agencyCode: true, after: true },
    });
    expect(rows.map((r) => [r.action, r.entityId])).toEqual([
      ["report.view", "vraag-2"],
      ["report.export", "csv"],
      ["report.export", "antwoord-xlsx"],
    ]);
    expect(rows[1]!.after).toMatchObject({ measure: "contracts", by: ["office"], from: 2021, to: 2021, asOf: "2023-01-15", agency: agency.agencyCode });
    expect(rows.every((r) => r.agencyCode === agency.agencyCode)).toBe(true);
  });
});

describe("search tokens", () => {
  it("keep the query for the user who searched only", async () => {
    const agency = await createTestAgency();
    const alice = await createTestUser("STAFF", agency);
    const bob = await createTestUser("STAFF", agency);
    const token = await createSearchToken(alice, "86.06.20-003.81");
    expect(token).toMatch(/^[0-9a-f-]{36}$/);
    expect(await resolveSearchToken(alice, token)).toBe("86.06.20-003.81");
    expect(await resolveSearchToken(bob, token)).toBeNull();
    expect(await resolveSearchToken(alice, "not-a-token")).toBeNull();
    await db.searchToken.update({ where: { id: token }, data: { createdAt: new Date(Date.now() - 9 * 3600_000) } });
    expect(await resolveSearchToken(alice, token)).toBeNull();
  });
  it("are used for national numbers and their parts, not for names", () => {
    for (const q of ["86062000381", "86.06.20-003.81", "86 06 20 003 81", "860620"]) expect(isNationalNumberQuery(q), q).toBe(true);
    for (const q of ["jansen", "Öztürk Ayşe"]) expect(isNationalNumberQuery(q), q).toBe(false);
  });
});
