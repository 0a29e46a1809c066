// Creating and editing a newcomer: every validation rule, duplicates, concurrency, audit.
import { describe, expect, it } from "vitest";
import { formatNationalNumber } from "@/lib/domain/national-number";
import { db } from "@/lib/server/db";
import { ConflictError, ValidationError } from "@/lib/server/errors";
import { createNewcomer, updateNewcomer } from "@/lib/server/dossiers/save-newcomer";
import { createTestAgency, createTestUser } from "../support/factories";
import { auditCount, newcomerInput } from "../support/dossier-factories";

describe("create a newcomer", () => {
  it("creates one with derived group and search name, and writes exactly one audit entry", async () => {
    const agency = await createTestAgency();
    const staff = await createTestUser("STAFF", agency);
    const input = newcomerInput(agency);
    const dotted = formatNationalNumber(input.nationalNumber);
    const n = await createNewcomer(staff, { ...input, nationalNumber: dotted });
    expect(n).toMatchObject({
      nationalNumber: input.nationalNumber,
      nationalityGroup: "DERDELANDER",
      searchName: "ozturk ayse",
      agencyCode: agency.agencyCode,
      version: 1,
    });
    expect(await auditCount({ newcomerId: n.id })).toBe(1);
    expect(await auditCount({ newcomerId: n.id, action: "newcomer.create" })).toBe(1);
  });

  it("takes an explicit nationality group over the derived one", async () => {
    const agency = await createTestAgency();
    const staff = await createTestUser("STAFF", agency);
    const n = await createNewcomer(staff, newcomerInput(agency, { nationalityGroup: "EU_PLUS" }));
    expect(n.nationalityGroup).toBe("EU_PLUS");
  });

  it("refuses, in Dutch next to the field, each broken rule and saves nothing", async () => {
    const agency = await createTestAgency();
    const other = await createTestAgency();
    const staff = await createTestUser("STAFF", agency);
    const good = newcomerInput(agency);
    const wrongCheck = good.nationalNumber.slice(0, 9) + String((Number(good.nationalNumber.slice(9)) + 1) % 100).padStart(2, "0");
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ nationalNumber: wrongCheck }, "nationalNumber", /controlegetal/],
      [{ nationalNumber: "123" }, "nationalNumber", /11 cijfers/],
      [{ birthDate: "1990-01-01" }, "nationalNumber", /geboortedatum/],
      [{ gender: "V" }, "nationalNumber", /geslacht/],
      [{ lastName: "" }, "lastName", /familienaam/],
      [{ firstName: " " }, "firstName", /voornaam/],
      [{ birthDate: "30/02/1990" }, "birthDate", /geldige datum/],
      [{ gender: "X" }, "gender", /geslacht/],
      [{ birthDate: "2099-01-01" }, "birthDate", /toekomst/],
      [{ nationalityCode: "ZZZ" }, "nationalityCode", /nationaliteit/],
      [{ residenceStatusCode: "GEEN" }, "residenceStatusCode", /verblijfsstatus/],
      [{ targetGroup: "" }, "targetGroup", /doelgroep/],
      [{ officeCode: "NIET_BESTAAND" }, "officeCode", /kantoor/],
      [{ officeCode: other.officeCode }, "officeCode", /eigen agentschap/],
    ];
    const before = await db.newcomer.count();
    const auditsBefore = await db.auditLog.count();
    for (const [override, field, message] of cases) {
      const err = await createNewcomer(staff, { ...good, ...override }).catch((e) => e);
      expect(err, JSON.stringify(override)).toBeInstanceOf(ValidationError);
      expect((err as ValidationError).fieldErrors[field], JSON.stringify(override)).toMatch(message);
    }
    expect(await db.newcomer.count()).toBe(before);
    expect(await db.auditLog.count()).toBe(auditsBefore);
  });

  it("accepts a BIS number and checks it the same way", async () => {
    const agency = await createTestAgency();
    const staff = await createTestUser("STAFF", agency);
    const { makeNationalNumber } = await import("@/lib/domain/national-number");
    const bis = makeNationalNumber("2001-04-05", 457, { bis: true });
    const n = await createNewcomer(staff, newcomerInput(agency, { nationalNumber: bis, birthDate: "2001-04-05" }));
    expect(n.nationalNumber).toBe(bis);
    await expect(
      createNewcomer(staff, newcomerInput(agency, { nationalNumber: bis.slice(0, 10) + ((Number(bis[10]) + 1) % 10), birthDate: "2001-04-05" })),
    ).rejects.toBeInstanceOf(ValidationError);
  });

  it("refuses a duplicate national number, linking to the dossier only when the user may see it", async () => {
    const a = await createTestAgency();
    const b = await createTestAgency();
    const staffA = await createTestUser("STAFF", a);
    const staffB = await createTestUser("STAFF", b);
    const input = newcomerInput(a);
    const n = await createNewcomer(staffA, input);
    const own = await createNewcomer(staffA, input).catch((e) => e);
    expect(own.fieldErrors).toMatchObject({ nationalNumber: expect.stringContaining("bestaat al"), existingDossier: `/dossiers/${n.id}` });
    const foreign = await createNewcomer(staffB, { ...input, officeCode: b.officeCode }).catch((e) => e);
    expect(foreign.fieldErrors.nationalNumber).toContain("ander agentschap");
    expect(foreign.fieldErrors.existingDossier).toBeUndefined();
    expect(JSON.stringify(foreign.fieldErrors)).not.toContain(n.id);
  });
});

describe("edit a newcomer", () => {
  it("saves with the version read, audits before/after, and refuses the second of two concurrent edits", async () => {
    const agency = await createTestAgency();
    const alice = await createTestUser("STAFF", agency);
    const bob = await createTestUser("STAFF", agency);
    const input = newcomerInput(agency);
    const n = await createNewcomer(alice, input);
    const { officeCode: _o, ...edit } = input;
    const saved = await updateNewcomer(alice, n.id, { ...edit, lastName: "Yılmaz", version: 1 });
    expect(saved).toMatchObject({ lastName: "Yılmaz", searchName: "yilmaz ayse", version: 2 });
    const audit = await db.auditLog.findMany({ where: { newcomerId: n.id, action: "newcomer.update" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.before).toMatchObject({ lastName: "Öztürk" });
    expect(audit[0]!.after).toMatchObject({ lastName: "Yılmaz" });

    // Bob read version 1 before Alice saved: his save is refused and changes nothing
    await expect(updateNewcomer(bob, n.id, { ...edit, firstName: "Bob", version: 1 })).rejects.toBeInstanceOf(ConflictError);
    expect((await db.newcomer.findUniqueOrThrow({ where: { id: n.id } })).firstName).toBe("Ayşe");
    expect(await db.auditLog.count({ where: { newcomerId: n.id, action: "newcomer.update" } })).toBe(1);
  });

  it("lets only one of two simultaneous saves of the same version through", async () => {
    const agency = await createTestAgency();
    const alice = await createTestUser("STAFF", agency);
    const input = newcomerInput(agency);
    const n = await createNewcomer(alice, input);
    const { officeCode: _o, ...edit } = input;
    const results = await Promise.allSettled([
      updateNewcomer(alice, n.id, { ...edit, firstName: "Een", version: 1 }),
      updateNewcomer(alice, n.id, { ...edit, firstName: "Twee", version: 1 }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(ConflictError);
    expect((await db.newcomer.findUniqueOrThrow({ where: { id: n.id } })).version).toBe(2);
  });

  it("refuses invalid edits and changes nothing", async () => {
    const agency = await createTestAgency();
    const staff = await createTestUser("STAFF", agency);
    const input = newcomerInput(agency);
    const n = await createNewcomer(staff, input);
    const { officeCode: _o, ...edit } = input;
    await expect(updateNewcomer(staff, n.id, { ...edit, birthDate: "1950-01-01", version: 1 })).rejects.toBeInstanceOf(ValidationError);
    await expect(updateNewcomer(staff, n.id, { ...edit, nationalityCode: "ZZZ", version: 1 })).rejects.toBeInstanceOf(ValidationError);
    const after = await db.newcomer.findUniqueOrThrow({ where: { id: n.id } });
    expect(after.version).toBe(1);
    expect(await auditCount({ newcomerId: n.id })).toBe(1);
  });
});
