// Issue 14, "every error at once": a submission with four mistakes gets four errors in one round
// (before, the checksum, the future date and the code lists came only once the other fields were
// right). Nothing is saved.
import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { ValidationError } from "@/lib/server/errors";
import { recordTrackEvent, correctTrackEvent } from "@/lib/server/dossiers/record-event";
import { createNewcomer, updateNewcomer } from "@/lib/server/dossiers/save-newcomer";
import { createUser } from "@/lib/server/users/manage-users";
import { createTestAgency, createTestNewcomer, createTestUser } from "../support/factories";
import { newcomerInput } from "../support/dossier-factories";

async function fieldErrors(p: Promise<unknown>) {
  const err = await p.catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ValidationError);
  return (err as ValidationError).fieldErrors;
}

const wrongChecksum = (nn: string) => nn.slice(0, 9) + String((Number(nn.slice(9)) + 1) % 100).padStart(2, "0");

describe("every error of a submission at once", () => {
  it("the newcomer form: a missing name, a bad checksum, a future birth date and an unknown nationality", async () => {
    const agency = await createTestAgency();
    const staff = await createTestUser("STAFF", agency);
    const good = newcomerInput(agency);
    const before = await db.newcomer.count();
    const errors = await fieldErrors(
      createNewcomer(staff, { ...good, lastName: "", nationalNumber: wrongChecksum(good.nationalNumber), birthDate: "2099-01-01", nationalityCode: "ZZZ" }),
    );
    expect(Object.keys(errors).sort()).toEqual(["birthDate", "lastName", "nationalNumber", "nationalityCode"]);
    expect(errors.birthDate).toMatch(/toekomst/);
    expect(errors.nationalNumber).toMatch(/controlegetal/);
    expect(await db.newcomer.count()).toBe(before);
  });

  it("the newcomer form: an unknown office and residence status with a missing gender and first name", async () => {
    const agency = await createTestAgency();
    const staff = await createTestUser("STAFF", agency);
    const errors = await fieldErrors(
      createNewcomer(staff, { ...newcomerInput(agency), gender: "", firstName: "", officeCode: "GEEN", residenceStatusCode: "GEEN" }),
    );
    expect(Object.keys(errors).sort()).toEqual(["firstName", "gender", "officeCode", "residenceStatusCode"]);
  });

  it("the edit form reports them together too", async () => {
    const agency = await createTestAgency();
    const staff = await createTestUser("STAFF", agency);
    const n = await createNewcomer(staff, newcomerInput(agency));
    const errors = await fieldErrors(
      updateNewcomer(staff, n.id, {
        ...newcomerInput(agency),
        nationalNumber: wrongChecksum(n.nationalNumber),
        firstName: "",
        birthDate: "2099-01-01",
        residenceStatusCode: "GEEN",
        version: n.version,
      }),
    );
    expect(Object.keys(errors).sort()).toEqual(["birthDate", "firstName", "nationalNumber", "residenceStatusCode"]);
  });

  it("the event form: a missing infringement type, a future date, an unknown nationality and residence status", async () => {
    const agency = await createTestAgency();
    const staff = await createTestUser("STAFF", agency);
    const n = await createTestNewcomer(agency);
    const errors = await fieldErrors(
      recordTrackEvent(staff, n.id, { type: "INFRINGEMENT", date: "2099-01-01", nationalityCode: "ZZZ", residenceStatusCode: "GEEN" }),
    );
    expect(Object.keys(errors).sort()).toEqual(["date", "infringementType", "nationalityCode", "residenceStatusCode"]);
    expect(await db.trackEvent.count({ where: { newcomerId: n.id } })).toBe(0);
  });

  it("the correction form: a future date with a missing reason", async () => {
    const agency = await createTestAgency();
    const staff = await createTestUser("STAFF", agency);
    const n = await createTestNewcomer(agency);
    const e = await recordTrackEvent(staff, n.id, { type: "EXTRACTION", date: "2021-01-05" });
    const errors = await fieldErrors(correctTrackEvent(staff, e.id, { date: "2099-01-01", reason: "", version: e.version }));
    expect(Object.keys(errors).sort()).toEqual(["date", "reason"]);
  });

  it("the user form: a short name and password, an unknown office and an e-mail address already taken", async () => {
    const admin = await createTestUser("ADMIN");
    const mail = `u-${crypto.randomBytes(4).toString("hex")}@test.local`;
    await createUser(admin, { email: mail, name: "Eerste", role: "ADMIN", password: "een-lang-wachtwoord" });
    const before = await db.user.count();
    const errors = await fieldErrors(createUser(admin, { email: mail, name: "X", role: "STAFF", officeCode: "BESTAAT_NIET", password: "kort" }));
    expect(Object.keys(errors).sort()).toEqual(["email", "name", "officeCode", "password"]);
    expect(errors.email).toMatch(/bestaat al/);
    expect(await db.user.count()).toBe(before);
  });
});
