// "No list is cut off silently": the short lists that show their first N (a name search for a DVZ
// advice, a dossier's history, the legal holds) read one row more and say when there are more
// (lib/domain/lists/first-of.ts) — before, the 21st match or the 201st change simply vanished.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { getNewcomerDossier, HISTORY_LIMIT } from "@/lib/server/dossiers/get-dossier";
import { DVZ_SEARCH_LIMIT, findNewcomersForAdvice } from "@/lib/server/dvz/find-newcomers";
import { createTestAgency, createTestNewcomer, createTestUser } from "../support/factories";

describe("short lists say when there are more", () => {
  it("the DVZ name search shows its first matches and says there are more", async () => {
    const agency = await createTestAgency();
    const admin = await createTestUser("ADMIN");
    const lastName = `Veelvoud${agency.agencyCode.slice(2).toLowerCase()}`;
    for (let i = 0; i <= DVZ_SEARCH_LIMIT; i++) await createTestNewcomer(agency, { lastName });
    const many = await findNewcomersForAdvice(admin, { q: lastName });
    expect(many.items).toHaveLength(DVZ_SEARCH_LIMIT);
    expect(many.more).toBe(true);
    const one = await createTestNewcomer(agency, { lastName: `Enkel${agency.agencyCode.slice(2).toLowerCase()}` });
    const few = await findNewcomersForAdvice(admin, { q: one.lastName });
    expect(few).toMatchObject({ more: false, items: [{ id: one.id }] });
  });

  it("a dossier's history shows the newest changes and says there are older ones", async () => {
    const agency = await createTestAgency();
    const staff = await createTestUser("STAFF", agency);
    const n = await createTestNewcomer(agency);
    const row = { action: "newcomer.update", entityType: "newcomer", entityId: n.id, newcomerId: n.id, agencyCode: agency.agencyCode };
    await db.auditLog.createMany({ data: Array.from({ length: HISTORY_LIMIT - 1 }, () => row) });
    // the view itself adds one row (newcomer.view) after reading: HISTORY_LIMIT - 1 changes fit
    const fits = await getNewcomerDossier(staff, n.id);
    expect(fits.history).toHaveLength(HISTORY_LIMIT - 1);
    expect(fits.historyMore).toBe(false);
    await db.auditLog.createMany({ data: [row, row] });
    const over = await getNewcomerDossier(staff, n.id);
    expect(over.history).toHaveLength(HISTORY_LIMIT);
    expect(over.historyMore).toBe(true);
  });
});
