// The worklists (issue 14) at their deadlines: the day a term ends a dossier is not yet on the
// list, the day after it is; the attestation term before and after the decree of 1 March 2022;
// paging, sorting and the true count; the scope; the bulk actions all-or-nothing and audited.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { ValidationError } from "@/lib/server/errors";
import { bulkMoveNewcomers, bulkOpenLateRegistrationInfringements } from "@/lib/server/worklists/bulk";
import type { Worklist } from "@/lib/server/worklists/definitions";
import { listWorklist, worklistCounts, type WorklistQuery } from "@/lib/server/worklists/worklists";
import { createTestAgency, createTestNewcomer, createTestUser, type TestAgency } from "../support/factories";
import { createTestEvent } from "../support/fines-factories";

const at = (iso: string) => new Date(`${iso}T10:00:00Z`);
const q = (extra: Partial<WorklistQuery> = {}): WorklistQuery => ({ page: 1, sort: "sinds", desc: false, office: null, exact: false, ...extra });

async function ids(agency: TestAgency, list: Worklist, today: string, extra: Partial<WorklistQuery> = {}) {
  const actor = await createTestUser(list === "herinneringen" || list === "overdracht" ? "ADMIN" : "STAFF", agency);
  const r = await listWorklist(actor, list, q({ office: agency.officeCode, ...extra }), at(today));
  return r.rows.map((x) => x.newcomerId);
}

async function withSteps(agency: TestAgency, steps: [Parameters<typeof createTestEvent>[1], string][], targetGroup: "PLICHT" | "RECHT" = "PLICHT") {
  const n = await createTestNewcomer(agency);
  if (targetGroup !== "PLICHT") await db.newcomer.update({ where: { id: n.id }, data: { targetGroup } });
  for (const [type, date] of steps) await createTestEvent(n.id, type, date);
  return n;
}

describe("worklist deadlines", () => {
  it("late registration: 3 months after the first invitation, obliged newcomers only, off the list once registered or a dossier is open", async () => {
    const a = await createTestAgency();
    const late = await withSteps(a, [["INVITATION", "2026-03-15"]]);
    const entitled = await withSteps(a, [["INVITATION", "2026-01-10"]], "RECHT");
    const registered = await withSteps(a, [
      ["INVITATION", "2026-01-10"],
      ["REGISTRATION", "2026-06-01"],
    ]);
    const opened = await withSteps(a, [
      ["INVITATION", "2026-01-10"],
      ["INFRINGEMENT", "2026-05-01"],
    ]);
    expect(await ids(a, "niet-aangemeld", "2026-06-15")).toEqual([]); // the deadline day itself
    expect(await ids(a, "niet-aangemeld", "2026-06-16")).toEqual([late.id]);
    for (const n of [entitled, registered, opened]) expect(await ids(a, "niet-aangemeld", "2026-06-16")).not.toContain(n.id);
  });

  it("late registration before and after 1 March 2022 (same term; month ends clamp)", async () => {
    const a = await createTestAgency();
    const before = await withSteps(a, [["INVITATION", "2021-11-30"]]);
    const after = await withSteps(a, [["INVITATION", "2022-03-01"]]);
    expect(await ids(a, "niet-aangemeld", "2022-02-28")).toEqual([]); // 30 Nov + 3 months = 28 Feb
    expect(await ids(a, "niet-aangemeld", "2022-03-01")).toEqual([before.id]);
    expect(await ids(a, "niet-aangemeld", "2022-06-01")).toEqual([before.id]);
    expect(await ids(a, "niet-aangemeld", "2022-06-02")).toEqual([before.id, after.id]);
  });

  it("no contract: 2 months after the first registration; a cancelled contract does not count", async () => {
    const a = await createTestAgency();
    const n = await withSteps(a, [
      ["INVITATION", "2026-03-01"],
      ["REGISTRATION", "2026-04-15"],
    ]);
    const withContract = await withSteps(a, [
      ["REGISTRATION", "2026-04-01"],
      ["CONTRACT", "2026-06-01"],
    ]);
    const cancelled = await withSteps(a, [["REGISTRATION", "2026-04-01"]]);
    await createTestEvent(cancelled.id, "CONTRACT", "2026-05-01", { cancelled: true });
    expect(await ids(a, "geen-contract", "2026-06-15")).toEqual([cancelled.id]);
    expect(await ids(a, "geen-contract", "2026-06-16")).toEqual([cancelled.id, n.id]);
    expect(await ids(a, "geen-contract", "2026-06-16")).not.toContain(withContract.id);
  });

  it("no attestation: 12 months for a contract before 1 March 2022, 24 months from that day", async () => {
    const a = await createTestAgency();
    const old = await withSteps(a, [
      ["REGISTRATION", "2022-01-03"],
      ["CONTRACT", "2022-02-28"],
    ]);
    const now = await withSteps(a, [
      ["REGISTRATION", "2022-01-03"],
      ["CONTRACT", "2022-03-01"],
    ]);
    const done = await withSteps(a, [
      ["REGISTRATION", "2022-01-03"],
      ["CONTRACT", "2022-02-01"],
      ["ATTESTATION", "2022-12-01"],
    ]);
    expect(await ids(a, "geen-attest", "2023-02-28")).toEqual([]);
    expect(await ids(a, "geen-attest", "2023-03-01")).toEqual([old.id]);
    expect(await ids(a, "geen-attest", "2024-03-01")).toEqual([old.id]);
    expect(await ids(a, "geen-attest", "2024-03-02")).toEqual([old.id, now.id]);
    expect(await ids(a, "geen-attest", "2024-03-02")).not.toContain(done.id);
  });

  it("open infringements: undecided, not cancelled; a rejected decision leaves it open", async () => {
    const a = await createTestAgency();
    const open = await withSteps(a, [["INFRINGEMENT", "2026-01-05"]]);
    const decided = await withSteps(a, [["INFRINGEMENT", "2026-01-06"]]);
    const rejected = await withSteps(a, [["INFRINGEMENT", "2026-01-07"]]);
    const [d, r] = await Promise.all([decided, rejected].map((n) => db.trackEvent.findFirstOrThrow({ where: { newcomerId: n.id } })));
    await db.infringementDecision.create({ data: { eventId: d!.id, outcome: "GEEN_BOETE", decidedOn: new Date("2026-02-01"), status: "FINAL" } });
    await db.infringementDecision.create({
      data: { eventId: r!.id, outcome: "BOETE", amountEur: 2000, decidedOn: new Date("2026-02-01"), status: "REJECTED" },
    });
    expect(await ids(a, "open-inbreuken", "2026-06-15")).toEqual([open.id, rejected.id]);
  });

  it("fines (admins): reminder due a month after the decision, handed over a month after the reminder; staff may not see them", async () => {
    const a = await createTestAgency();
    const n1 = await withSteps(a, [["INFRINGEMENT", "2026-01-05"]]);
    const n2 = await withSteps(a, [["INFRINGEMENT", "2026-01-05"]]);
    const e1 = await db.trackEvent.findFirstOrThrow({ where: { newcomerId: n1.id } });
    const e2 = await db.trackEvent.findFirstOrThrow({ where: { newcomerId: n2.id } });
    const base = { outcome: "BOETE" as const, amountEur: 100, status: "FINAL" as const };
    await db.infringementDecision.create({ data: { ...base, eventId: e1.id, decidedOn: new Date("2026-01-31"), paymentStatus: "OPEN" } });
    await db.infringementDecision.create({
      data: { ...base, eventId: e2.id, decidedOn: new Date("2026-01-10"), paymentStatus: "HERINNERING", reminderSentOn: new Date("2026-03-31") },
    });
    expect(await ids(a, "herinneringen", "2026-02-28")).toEqual([]); // 31 Jan + 1 month = 28 Feb
    expect(await ids(a, "herinneringen", "2026-03-01")).toEqual([n1.id]);
    expect(await ids(a, "overdracht", "2026-04-30")).toEqual([]);
    expect(await ids(a, "overdracht", "2026-05-01")).toEqual([n2.id]);
    const staff = await createTestUser("STAFF", a);
    await expect(listWorklist(staff, "herinneringen", q(), at("2026-05-01"))).rejects.toThrow();
    expect((await worklistCounts(staff, at("2026-05-01"))).map((c) => c.list)).not.toContain("herinneringen");
  });
});

describe("worklist paging, sorting, counting, scope", () => {
  it("pages with a true count, sorts by a column both ways, and shows only the actor's agency", async () => {
    const a = await createTestAgency();
    const other = await createTestAgency();
    const made = [];
    for (let i = 0; i < 27; i++) made.push(await withSteps(a, [["INVITATION", `2025-01-${String(i + 1).padStart(2, "0")}`]]));
    await withSteps(other, [["INVITATION", "2025-01-01"]]);
    const staff = await createTestUser("STAFF", a);
    const p1 = await listWorklist(staff, "niet-aangemeld", q(), at("2026-06-15"));
    const p2 = await listWorklist(staff, "niet-aangemeld", q({ page: 2 }), at("2026-06-15"));
    expect(p1.total).toBe(27);
    expect(p1.totalCapped).toBe(false);
    expect(p1.rows).toHaveLength(25);
    expect([...p1.rows, ...p2.rows].map((r) => r.newcomerId)).toEqual(made.map((n) => n.id));
    const desc = await listWorklist(staff, "niet-aangemeld", q({ desc: true }), at("2026-06-15"));
    expect(desc.rows[0]!.newcomerId).toBe(made[26]!.id);
    expect(desc.rows[0]!.dueOn).toBe("2025-04-27");
    expect(desc.rows[0]!.maskedNationalNumber).toMatch(/\*\*\*/);
    const byName = await listWorklist(staff, "niet-aangemeld", q({ sort: "naam" }), at("2026-06-15"));
    const names = byName.rows.map((r) => r.name.toLowerCase());
    expect(names).toEqual([...names].sort());
    const counts = await worklistCounts(staff, at("2026-06-15"));
    expect(counts.find((c) => c.list === "niet-aangemeld")).toEqual({ list: "niet-aangemeld", count: 27, capped: false });
  });
});

describe("bulk actions", () => {
  it("opens an infringement dossier for each selected late registration, in one transaction, audited once with its items", async () => {
    const a = await createTestAgency();
    const [n1, n2] = [await withSteps(a, [["INVITATION", "2026-01-05"]]), await withSteps(a, [["INVITATION", "2026-01-06"]])];
    const staff = await createTestUser("STAFF", a);
    const r = await bulkOpenLateRegistrationInfringements(staff, { ids: [n1.id, n2.id] }, at("2026-06-15"));
    expect(r.count).toBe(2);
    const events = await db.trackEvent.findMany({ where: { newcomerId: { in: [n1.id, n2.id] }, type: "INFRINGEMENT" } });
    expect(events.map((e) => e.infringementType)).toEqual(["NIET_TIJDIG_AANGEMELD", "NIET_TIJDIG_AANGEMELD"]);
    const audit = await db.auditLog.findMany({ where: { action: "bulk.infringement.open", userId: staff.userId } });
    expect(audit).toHaveLength(1);
    expect((audit[0]!.after as { items: { newcomerId: string }[] }).items.map((i) => i.newcomerId).sort()).toEqual([n1.id, n2.id].sort());
    expect(await db.auditLog.count({ where: { action: "event.create", newcomerId: { in: [n1.id, n2.id] } } })).toBe(2);
    expect(await ids(a, "niet-aangemeld", "2026-06-15")).toEqual([]);
  });

  it("changes nothing when one selected item is not on the worklist or not in scope, and names every bad item", async () => {
    const a = await createTestAgency();
    const other = await createTestAgency();
    const good = await withSteps(a, [["INVITATION", "2026-01-05"]]);
    const registered = await withSteps(a, [
      ["INVITATION", "2026-01-05"],
      ["REGISTRATION", "2026-02-01"],
    ]);
    const foreign = await withSteps(other, [["INVITATION", "2026-01-05"]]);
    const staff = await createTestUser("STAFF", a);
    const err = await bulkOpenLateRegistrationInfringements(staff, { ids: [good.id, registered.id, foreign.id] }, at("2026-06-15")).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(Object.keys(err.fieldErrors).sort()).toEqual([`item.${registered.id}`, `item.${foreign.id}`].sort());
    expect(await db.trackEvent.count({ where: { newcomerId: { in: [good.id, registered.id, foreign.id] }, type: "INFRINGEMENT" } })).toBe(0);
    expect(await db.auditLog.count({ where: { action: "bulk.infringement.open", userId: staff.userId } })).toBe(0);
  });

  it("refuses an empty or malformed selection", async () => {
    const staff = await createTestUser("STAFF", await createTestAgency());
    await expect(bulkOpenLateRegistrationInfringements(staff, { ids: [] })).rejects.toBeInstanceOf(ValidationError);
    await expect(bulkOpenLateRegistrationInfringements(staff, { ids: ["x'; --"] })).rejects.toBeInstanceOf(ValidationError);
  });

  it("moves the selection to another office, or nothing when one is already there", async () => {
    const a = await createTestAgency();
    const [n1, n2] = [await createTestNewcomer(a), await createTestNewcomer(a)];
    const there = await createTestNewcomer(a, { office: a.secondOfficeCode });
    const staff = await createTestUser("STAFF", a);
    const err = await bulkMoveNewcomers(staff, { ids: [n1.id, there.id], officeCode: a.secondOfficeCode }).catch((e) => e);
    expect(Object.keys(err.fieldErrors)).toEqual([`item.${there.id}`]);
    expect((await db.newcomer.findUniqueOrThrow({ where: { id: n1.id } })).officeCode).toBe(a.officeCode);
    const r = await bulkMoveNewcomers(staff, { ids: [n1.id, n2.id], officeCode: a.secondOfficeCode, reason: "verhuisd" });
    expect(r.count).toBe(2);
    expect(await db.newcomer.count({ where: { id: { in: [n1.id, n2.id] }, officeCode: a.secondOfficeCode } })).toBe(2);
    expect(await db.auditLog.count({ where: { action: "bulk.newcomer.move", userId: staff.userId } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "newcomer.move", newcomerId: { in: [n1.id, n2.id] } } })).toBe(2);
  });
});

describe("worklist export", () => {
  it("exports every row as CSV with national numbers masked, audited with the items", async () => {
    const { exportWorklist } = await import("@/lib/server/lists/list-exports");
    const a = await createTestAgency();
    const made = [];
    for (let i = 0; i < 30; i++) made.push(await withSteps(a, [["INVITATION", "2025-01-10"]]));
    await db.newcomer.update({ where: { id: made[0]!.id }, data: { lastName: "=HYPERLINK(1)" } });
    const staff = await createTestUser("STAFF", a);
    const file = await exportWorklist(staff, "niet-aangemeld", {}, at("2026-06-15"));
    const csv = String(file.body);
    expect(file.count).toBe(30);
    expect(csv.trim().split("\r\n")).toHaveLength(31);
    for (const n of made) expect(csv).not.toContain(n.nationalNumber);
    expect(csv).toContain("'=HYPERLINK(1)");
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "worklist.export", userId: staff.userId } });
    expect((audit.after as { count: number }).count).toBe(30);
  });
});
