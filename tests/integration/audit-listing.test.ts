// The DPO's audit page data layer: filters by user, dossier (found by national number), action
// and period; a true total count with pages; the CSV export of the filter, itself audited; no
// national number in clear on the page or in the file.
import { describe, expect, it } from "vitest";
import { AUDIT_PAGE_SIZE, findAuditDossier, listAuditEntries, parseAuditQuery } from "@/lib/server/audit/list-audit";
import { exportAuditCsv } from "@/lib/server/audit/list-audit-export";
import { db } from "@/lib/server/db";
import { ValidationError } from "@/lib/server/errors";
import { createNewcomer, updateNewcomer } from "@/lib/server/dossiers/save-newcomer";
import { createTestAgency, createTestUser } from "../support/factories";
import { newcomerInput } from "../support/dossier-factories";

const q = (input: Record<string, unknown>) => {
  const r = parseAuditQuery(input);
  expect(r.error).toBeNull();
  return r.query;
};

describe("audit listing", () => {
  it("filters by user, dossier, action and period, counts and pages, exports and audits the export", async () => {
    const agency = await createTestAgency();
    const staff = await createTestUser("STAFF", agency);
    const other = await createTestUser("STAFF", agency);
    const admin = await createTestUser("ADMIN");
    const a = await createNewcomer(staff, newcomerInput(agency, { lastName: "Peeters" }));
    const b = await createNewcomer(other, newcomerInput(agency, { lastName: "Janssens" }));
    await updateNewcomer(staff, a.id, {
      ...newcomerInput(agency),
      nationalNumber: a.nationalNumber,
      birthDate: a.birthDate.toISOString().slice(0, 10),
      gender: a.gender,
      lastName: "Peeters-Claes",
      version: a.version,
    });
    for (let i = 0; i < AUDIT_PAGE_SIZE + 3; i++) await createNewcomer(other, newcomerInput(agency, { lastName: `Massa${i}` }));

    const byStaff = await listAuditEntries(admin, q({ user: staff.userId }));
    expect(byStaff.total).toBe(2);
    expect(byStaff.entries.map((e) => e.action)).toEqual(["newcomer.update", "newcomer.create"]);
    const update = byStaff.entries[0]!;
    expect(update.actionLabel).toBe("Dossier gewijzigd");
    expect(update.changes).toContainEqual({ field: "lastName", label: "Familienaam", before: "Peeters", after: "Peeters-Claes" });
    const created = byStaff.entries[1]!;
    expect(created.changes.find((c) => c.field === "nationalNumber")?.after).toMatch(/\*\*\*/);
    expect(JSON.stringify(byStaff.entries)).not.toContain(a.nationalNumber);

    // the dossier by national number (posted), then as ?dossier=<id>
    const dossierId = await findAuditDossier(admin, {
      nationalNumber: `${a.nationalNumber.slice(0, 6)}-${a.nationalNumber.slice(6, 9)}.${a.nationalNumber.slice(9)}`,
    });
    expect(dossierId).toBe(a.id);
    await expect(findAuditDossier(admin, { nationalNumber: "12345" })).rejects.toBeInstanceOf(ValidationError);
    const byDossier = await listAuditEntries(admin, q({ dossier: dossierId }));
    expect(byDossier.entries.map((e) => e.action).sort()).toEqual(["newcomer.create", "newcomer.update"]);
    expect((await listAuditEntries(admin, q({ dossier: b.id, action: "newcomer.update" }))).total).toBe(0);
    expect((await listAuditEntries(admin, q({ dossier: dossierId, action: "newcomer.update" }))).total).toBe(1);

    // period: today holds them all, a period in the past none
    const today = new Date().toISOString().slice(0, 10);
    expect((await listAuditEntries(admin, q({ user: other.userId, from: today, to: today }))).total).toBe(AUDIT_PAGE_SIZE + 4);
    expect((await listAuditEntries(admin, q({ user: other.userId, from: "2020-01-01", to: "2020-12-31" }))).total).toBe(0);

    // pages with the true total
    const page1 = await listAuditEntries(admin, q({ user: other.userId }));
    const page2 = await listAuditEntries(admin, q({ user: other.userId, page: "2" }));
    expect(page1).toMatchObject({ total: AUDIT_PAGE_SIZE + 4, pages: 2, page: 1 });
    expect(page1.entries).toHaveLength(AUDIT_PAGE_SIZE);
    expect(page2.entries).toHaveLength(4);
    expect(new Set([...page1.entries, ...page2.entries].map((e) => e.id)).size).toBe(AUDIT_PAGE_SIZE + 4);

    // bad filters are refused with a Dutch message, the good ones kept
    const bad = parseAuditQuery({ action: "x\u0000", user: staff.userId });
    expect(bad.error).toBeTruthy();
    expect(bad.query.user).toBe(staff.userId);
    expect(bad.query.action).toBeUndefined();

    // CSV of the filter, audited
    const file = await exportAuditCsv(admin, { user: staff.userId });
    expect(file.count).toBe(2);
    const lines = file.csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe("tijdstip,gebruiker,ip,actie,actiecode,object,object_id,dossier_id,agentschap,wijzigingen,reden");
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain("Dossier gewijzigd");
    expect(lines[1]).toContain("Familienaam: Peeters → Peeters-Claes");
    expect(file.csv).not.toContain(a.nationalNumber);
    const exported = await db.auditLog.findMany({ where: { userId: admin.userId, action: "audit.export" } });
    expect(exported).toHaveLength(1);
    expect(exported[0]!.after).toEqual({ filters: { user: staff.userId }, count: 2 });
    const byAction = await listAuditEntries(admin, q({ user: admin.userId, action: "audit.export" }));
    expect(byAction.entries[0]!.actionLabel).toBe("Auditlog geëxporteerd");
  });

  it("is for ADMINs only", async () => {
    const agency = await createTestAgency();
    const staff = await createTestUser("STAFF", agency);
    await expect(listAuditEntries(staff, q({}))).rejects.toThrow();
    await expect(exportAuditCsv(staff, {})).rejects.toThrow();
  });
});

describe("audit filters from a hand-edited URL", () => {
  it("an unreadable date is a Dutch message, not an exception", () => {
    for (const from of ["'\"<b>%_é", "a".repeat(300), "2024-02-30"]) {
      const r = parseAuditQuery({ from });
      expect(r.error).toBeTruthy();
      expect(r.query.from).toBeUndefined();
    }
  });
});
