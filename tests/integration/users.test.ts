// User management: only admins, placement rules, audit, and nothing saved on bad input.
import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { ForbiddenError, ValidationError } from "@/lib/server/errors";
import { createUser, listUsers, updateUser } from "@/lib/server/users/manage-users";
import { createTestAgency, createTestUser } from "../support/factories";

const email = () => `u-${crypto.randomBytes(4).toString("hex")}@test.local`;

describe("user management", () => {
  it("creates a staff member whose agency follows from the office, audited", async () => {
    const agency = await createTestAgency();
    const admin = await createTestUser("ADMIN");
    const mail = email();
    const user = await createUser(admin, {
      email: mail.toUpperCase(),
      name: "Nieuwe Collega",
      role: "STAFF",
      officeCode: agency.secondOfficeCode,
      agencyCode: "ATLAS",
      password: "een-lang-wachtwoord",
    });
    expect(user).toMatchObject({ email: mail, agencyCode: agency.agencyCode, officeCode: agency.secondOfficeCode });
    const audit = await db.auditLog.findMany({ where: { action: "user.create", entityId: user.id } });
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]!.after)).not.toContain("password");
  });

  it("refuses bad input in Dutch and saves nothing", async () => {
    const admin = await createTestUser("ADMIN");
    const before = await db.user.count();
    await expect(createUser(admin, { email: "geen-adres", name: "X", role: "STAFF", password: "kort" })).rejects.toMatchObject({
      fieldErrors: {
        email: "Dit is geen geldig e-mailadres.",
        name: "Vul de naam in (minstens 2 tekens).",
        password: "Het wachtwoord moet minstens 12 tekens hebben.",
      },
    });
    await expect(createUser(admin, { email: email(), name: "Zonder Kantoor", role: "STAFF", password: "een-lang-wachtwoord" })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(
      createUser(admin, { email: email(), name: "Fout Kantoor", role: "STAFF", officeCode: "BESTAAT_NIET", password: "een-lang-wachtwoord" }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(await db.user.count()).toBe(before);
  });

  it("refuses a duplicate e-mail address", async () => {
    const admin = await createTestUser("ADMIN");
    const mail = email();
    await createUser(admin, { email: mail, name: "Eerste", role: "ADMIN", password: "een-lang-wachtwoord" });
    await expect(createUser(admin, { email: mail, name: "Tweede", role: "ADMIN", password: "een-lang-wachtwoord" })).rejects.toMatchObject({
      fieldErrors: { email: expect.stringContaining("bestaat al") },
    });
  });

  it("is for admins only", async () => {
    const agency = await createTestAgency();
    for (const role of ["STAFF", "MANAGER"] as const) {
      const actor = await createTestUser(role, agency);
      await expect(listUsers(actor)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(createUser(actor, { email: email(), name: "Poging", role: "ADMIN", password: "een-lang-wachtwoord" })).rejects.toBeInstanceOf(
        ForbiddenError,
      );
    }
  });

  it("disables a user and keeps an admin from locking themselves out", async () => {
    const agency = await createTestAgency();
    const admin = await createTestUser("ADMIN");
    const staff = await createTestUser("STAFF", agency);
    await updateUser(admin, staff.userId, { name: "Test STAFF", role: "STAFF", officeCode: agency.officeCode, active: false, password: "" });
    expect((await db.user.findUniqueOrThrow({ where: { id: staff.userId } })).active).toBe(false);
    await expect(updateUser(admin, admin.userId, { name: "Ik", role: "STAFF", officeCode: agency.officeCode, active: true })).rejects.toBeInstanceOf(
      ValidationError,
    );
  });
});
