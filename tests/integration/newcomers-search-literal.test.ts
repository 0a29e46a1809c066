// LIKE wildcards typed in the dossier search are matched literally: "%" alone listed every
// newcomer (normalising removed it, leaving an empty search), "_" matched any character.
import { describe, expect, it } from "vitest";
import { listNewcomers } from "@/lib/server/dossiers/list-newcomers";
import { createNewcomer } from "@/lib/server/dossiers/save-newcomer";
import { createTestAgency, createTestUser } from "../support/factories";
import { newcomerInput } from "../support/dossier-factories";

describe("dossier search with LIKE wildcards", () => {
  it("finds only names with a literal %, _ or \\", async () => {
    const agency = await createTestAgency();
    const staff = await createTestUser("STAFF", agency);
    const percent = await createNewcomer(staff, newcomerInput(agency, { lastName: "Hon%derd", firstName: "Anna" }));
    const underscore = await createNewcomer(staff, newcomerInput(agency, { lastName: "Ond_erlijn", firstName: "Bert" }));
    const backslash = await createNewcomer(staff, newcomerInput(agency, { lastName: "Schuin\\streep", firstName: "Cor" }));
    await createNewcomer(staff, newcomerInput(agency, { lastName: "Honderd", firstName: "Dirk" }));
    await createNewcomer(staff, newcomerInput(agency, { lastName: "Onderlijn", firstName: "Els" }));

    const ids = async (q: string) => (await listNewcomers(staff, { q })).rows.map((r) => r.id);
    expect(await ids("%")).toEqual([percent.id]);
    expect(await ids("hon%")).toEqual([percent.id]);
    expect(await ids("_")).toEqual([underscore.id]);
    expect(await ids("d_e")).toEqual([underscore.id]);
    expect(await ids("\\")).toEqual([backslash.id]);
    expect(await ids("?!")).toEqual([]);
    expect((await ids("honderd")).length).toBe(1);
  });
});
