// Search by birth date (dd/mm/jjjj) and by name + birth year in the dossier list (issue 14).
import { describe, expect, it } from "vitest";
import { listNewcomers } from "@/lib/server/dossiers/list-newcomers";
import { createTestAgency, createTestNewcomer, createTestUser } from "../support/factories";

describe("dossier search by birth date", () => {
  it("finds everyone born that day, and a name only among those born in the year", async () => {
    const a = await createTestAgency();
    const tag = `Zzgeb${Date.now().toString(36)}`;
    const x = await createTestNewcomer(a, { lastName: tag, birthDate: "1985-07-30" });
    const y = await createTestNewcomer(a, { lastName: tag, birthDate: "1986-07-30" });
    const staff = await createTestUser("STAFF", a);
    const ids = async (q: string) => (await listNewcomers(staff, { q })).rows.map((r) => r.id).sort();
    expect(await ids("30/07/1985")).toContain(x.id);
    expect(await ids("30/07/1985")).not.toContain(y.id);
    expect(await ids(`${tag} 1986`)).toEqual([y.id]);
    expect(await ids(`${tag}`)).toEqual([x.id, y.id].sort());
    expect(await ids("31/02/1985")).toEqual([]);
  });
});
