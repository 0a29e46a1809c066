// The DVZ advice list (issue 14): it showed the newest 50 of ~4,400 without saying so; now it
// pages with a true count, sorts by date or name, and filters by name.
import { describe, expect, it } from "vitest";
import { listDvzAdvices } from "@/lib/server/dvz/advice";
import { createTestAgency, createTestNewcomer, createTestUser } from "../support/factories";
import { createTestEvent } from "../support/fines-factories";

describe("DVZ advice list", () => {
  it("pages past the first 25 with the true count, sorted by date or name, filtered by name", async () => {
    const agency = await createTestAgency();
    const tag = `Zzdvz${Date.now().toString(36)}`;
    for (let i = 0; i < 27; i++) {
      const n = await createTestNewcomer(agency, { lastName: `${tag} ${String.fromCharCode(97 + (i % 26))}${i}` });
      await createTestEvent(n.id, "DVZ_ADVICE", `2025-02-${String((i % 28) + 1).padStart(2, "0")}`);
    }
    const admin = await createTestUser("ADMIN");
    const p1 = await listDvzAdvices(admin, { name: tag });
    const p2 = await listDvzAdvices(admin, { name: tag, page: 2 });
    expect(p1.total).toBe(27);
    expect(p1.rows).toHaveLength(25);
    expect(p2.rows).toHaveLength(2);
    expect(new Set([...p1.rows, ...p2.rows].map((r) => r.id)).size).toBe(27);
    const dates = p1.rows.map((r) => r.date);
    expect(dates).toEqual([...dates].sort().reverse());
    const byName = await listDvzAdvices(admin, { name: tag, sort: "naam", desc: false });
    const names = byName.rows.map((r) => r.newcomer.name.toLowerCase());
    expect(names).toEqual([...names].sort());
    expect((await listDvzAdvices(admin, { name: `${tag} a0` })).total).toBe(1);
  });
});
