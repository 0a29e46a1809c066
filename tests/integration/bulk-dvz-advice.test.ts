// Bulk DVZ advice (issue 14, admins): on a selection of the dossier list or a worklist, one advice
// dated today per selected newcomer through the single advice's rule (generateDvzAdviceIn) — all
// or nothing in one transaction, every reason at once, audited as one bulk.dvz.advice with its
// items beside each dvz.advice.create.
import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { generateDvzAdvice } from "@/lib/server/dvz/advice";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/server/errors";
import { bulkGenerateDvzAdvice } from "@/lib/server/worklists/bulk";
import { createTestAgency, createTestNewcomer, createTestUser } from "../support/factories";
import { createTestEvent } from "../support/fines-factories";

const NOW = new Date("2026-06-15T10:00:00Z");
const advices = (ids: string[]) => db.trackEvent.count({ where: { type: "DVZ_ADVICE", newcomerId: { in: ids } } });

describe("bulk DVZ advice", () => {
  it("creates one advice per selected newcomer, with the facts of each track, audited once with its items", async () => {
    const a = await createTestAgency();
    const admin = await createTestUser("ADMIN");
    const n1 = await createTestNewcomer(a);
    const n2 = await createTestNewcomer(a);
    await createTestEvent(n1.id, "CONTRACT", "2025-03-01");
    const r = await bulkGenerateDvzAdvice(admin, { ids: [n1.id, n2.id] }, NOW);
    expect(r.count).toBe(2);
    const made = await db.trackEvent.findMany({ where: { type: "DVZ_ADVICE", newcomerId: { in: [n1.id, n2.id] } }, orderBy: { newcomerId: "asc" } });
    expect(made).toHaveLength(2);
    for (const m of made) expect(m.date.toISOString().slice(0, 10)).toBe("2026-06-15");
    expect(made.find((m) => m.newcomerId === n1.id)!.contractSigned).toBe(true);
    expect(made.find((m) => m.newcomerId === n2.id)!.contractSigned).toBe(false);
    const bulk = await db.auditLog.findMany({ where: { action: "bulk.dvz.advice", userId: admin.userId } });
    expect(bulk).toHaveLength(1);
    const items = (bulk[0]!.after as { items: { newcomerId: string; adviceId: string }[] }).items;
    expect(new Set(items.map((i) => i.newcomerId))).toEqual(new Set([n1.id, n2.id]));
    expect(new Set(items.map((i) => i.adviceId))).toEqual(new Set(made.map((m) => m.id)));
    expect(await db.auditLog.count({ where: { action: "dvz.advice.create", newcomerId: { in: [n1.id, n2.id] } } })).toBe(2);
  });

  it("all or nothing: one already advised today and one unknown refuse the whole selection, both reasons at once", async () => {
    const a = await createTestAgency();
    const admin = await createTestUser("ADMIN");
    const fine = await createTestNewcomer(a);
    const advised = await createTestNewcomer(a);
    await generateDvzAdvice(admin, { newcomerId: advised.id, date: "2026-06-15" }, NOW);
    const unknown = crypto.randomUUID();
    const err = await bulkGenerateDvzAdvice(admin, { ids: [fine.id, advised.id, unknown] }, NOW).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(Object.keys(err.fieldErrors).sort()).toEqual([`item.${advised.id}`, `item.${unknown}`].sort());
    expect(err.fieldErrors[`item.${advised.id}`]).toBe("Er is al een DVZ-advies van 15/06/2026 voor deze inburgeraar.");
    expect(await advices([fine.id])).toBe(0);
    expect(await advices([advised.id])).toBe(1);
    expect(await db.auditLog.count({ where: { action: "bulk.dvz.advice", userId: admin.userId } })).toBe(0);
  });

  it("a second advice of the same date is refused one by one too (the one rule); another date is fine", async () => {
    const a = await createTestAgency();
    const admin = await createTestUser("ADMIN");
    const n = await createTestNewcomer(a);
    await generateDvzAdvice(admin, { newcomerId: n.id, date: "2026-06-01" }, NOW);
    await expect(generateDvzAdvice(admin, { newcomerId: n.id, date: "2026-06-01" }, NOW)).rejects.toBeInstanceOf(ConflictError);
    await generateDvzAdvice(admin, { newcomerId: n.id, date: "2026-06-02" }, NOW);
    expect(await advices([n.id])).toBe(2);
  });

  it("is for admins only (dvz.advise)", async () => {
    const a = await createTestAgency();
    const staff = await createTestUser("STAFF", a);
    const n = await createTestNewcomer(a);
    await expect(bulkGenerateDvzAdvice(staff, { ids: [n.id] }, NOW)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await advices([n.id])).toBe(0);
  });
});
