// The newcomer list: accent- and case-insensitive partial name search, national number with or
// without separators, filters (office, target group, track status, extraction year), sort, pages.
import { describe, expect, it } from "vitest";
import { listNewcomers, PAGE_SIZE } from "@/lib/server/dossiers/list-newcomers";
import { createNewcomer } from "@/lib/server/dossiers/save-newcomer";
import { recordTrackEvent } from "@/lib/server/dossiers/record-event";
import { createTestAgency, createTestUser } from "../support/factories";
import { newcomerInput } from "../support/dossier-factories";

describe("newcomer list", () => {
  it("searches, filters, sorts and pages within the agency", async () => {
    const agency = await createTestAgency();
    const staff = await createTestUser("STAFF", agency);
    const ayse = await createNewcomer(staff, newcomerInput(agency, { lastName: "Öztürk-Yılmaz", firstName: "Ayşe", birthDate: "1980-05-10" }));
    const jose = await createNewcomer(
      staff,
      newcomerInput(agency, { lastName: "Da Silva", firstName: "José", birthDate: "1990-05-10", targetGroup: "RECHT", officeCode: agency.secondOfficeCode }),
    );
    const ahmed = await createNewcomer(staff, newcomerInput(agency, { lastName: "Benali", firstName: "Ahmed", birthDate: "1975-01-02" }));
    await recordTrackEvent(staff, ayse.id, { type: "EXTRACTION", date: "2020-02-01" });
    await recordTrackEvent(staff, ayse.id, { type: "REGISTRATION", date: "2020-03-01" });
    await recordTrackEvent(staff, ayse.id, { type: "CONTRACT", date: "2020-04-01" });
    await recordTrackEvent(staff, jose.id, { type: "EXTRACTION", date: "2021-02-01" });

    const ids = async (q: Record<string, unknown>) => (await listNewcomers(staff, q)).rows.map((r) => r.id);
    expect(await ids({ q: "OZTURK" })).toEqual([ayse.id]);
    expect(await ids({ q: "yilm" })).toEqual([ayse.id]);
    expect(await ids({ q: "ayse öztürk" })).toEqual([ayse.id]);
    expect(await ids({ q: "jOsé" })).toEqual([jose.id]);
    const nn = ayse.nationalNumber;
    expect(await ids({ q: `${nn.slice(0, 2)}.${nn.slice(2, 4)}.${nn.slice(4, 6)}-${nn.slice(6, 9)}.${nn.slice(9)}` })).toEqual([ayse.id]);
    expect(await ids({ q: nn })).toEqual([ayse.id]);
    expect(await ids({ q: `${nn.slice(0, 2)}.${nn.slice(2, 4)}.${nn.slice(4, 6)}` })).toContain(ayse.id);

    expect(await ids({ office: agency.secondOfficeCode })).toEqual([jose.id]);
    expect(await ids({ targetGroup: "RECHT" })).toEqual([jose.id]);
    expect(await ids({ status: "CONTRACT" })).toEqual([ayse.id]);
    expect(await ids({ status: "EXTRACTION" })).toEqual([jose.id]);
    expect(await ids({ status: "GEEN" })).toEqual([ahmed.id]);
    expect(await ids({ extractionYear: "2021" })).toEqual([jose.id]);

    expect(await ids({ sort: "naam" })).toEqual([ahmed.id, jose.id, ayse.id]);
    expect(await ids({ sort: "-geboortedatum" })).toEqual([jose.id, ayse.id, ahmed.id]);
    const list = await listNewcomers(staff, { q: "ozturk" });
    expect(list.rows[0]).toMatchObject({ status: "CONTRACT", maskedNationalNumber: expect.stringContaining("***") });
    expect(list.total).toBe(1);
  });

  it("pages by PAGE_SIZE", async () => {
    const agency = await createTestAgency();
    const staff = await createTestUser("STAFF", agency);
    for (let i = 0; i < PAGE_SIZE + 2; i++) await createNewcomer(staff, newcomerInput(agency, { lastName: `Pagina${String(i).padStart(2, "0")}` }));
    const first = await listNewcomers(staff, { page: "1" });
    const second = await listNewcomers(staff, { page: "2" });
    expect(first.total).toBe(PAGE_SIZE + 2);
    expect(first.rows).toHaveLength(PAGE_SIZE);
    expect(second.rows.map((r) => r.lastName)).toEqual([`Pagina${PAGE_SIZE}`, `Pagina${PAGE_SIZE + 1}`]);
  });
});
