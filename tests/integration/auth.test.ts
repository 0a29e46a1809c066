// Sign-in and session rules of the data layer: throttling, disabled users, role re-read.
import { hash } from "@node-rs/argon2";
import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { ARGON2_OPTIONS } from "@/lib/db/seed";
import { loadActor } from "@/lib/server/auth/actor";
import { authenticateCredentials } from "@/lib/server/auth/sign-in";
import { db } from "@/lib/server/db";
import { UnauthenticatedError } from "@/lib/server/errors";
import { createTestAgency, createTestUser } from "../support/factories";

async function userWithPassword(password: string) {
  const email = `auth-${crypto.randomBytes(4).toString("hex")}@test.local`;
  const user = await db.user.create({ data: { email, name: "Auth Test", passwordHash: await hash(password, ARGON2_OPTIONS), role: "ADMIN" } });
  return { ...user, email };
}

const ip = () => `10.0.${crypto.randomInt(255)}.${crypto.randomInt(255)}`;

describe("sign-in", () => {
  it("accepts the right password and refuses a wrong one", async () => {
    const u = await userWithPassword("juist-wachtwoord");
    expect(await authenticateCredentials({ email: u.email, password: "juist-wachtwoord" }, ip())).toMatchObject({ id: u.id });
    expect(await authenticateCredentials({ email: u.email, password: "fout" }, ip())).toBeNull();
    expect(await authenticateCredentials({ email: u.email.toUpperCase(), password: "juist-wachtwoord" }, ip())).toMatchObject({ id: u.id });
  });

  it("refuses the sixth attempt, saying the account is locked, even when the password is right", async () => {
    const u = await userWithPassword("juist-wachtwoord");
    for (let i = 0; i < 5; i++) expect(await authenticateCredentials({ email: u.email, password: `fout-${i}` }, ip())).toBeNull();
    await expect(authenticateCredentials({ email: u.email, password: "juist-wachtwoord" }, ip())).rejects.toThrow(/^Te veel mislukte pogingen/);
  });

  it("lets four failures pass and then accepts the right password", async () => {
    const u = await userWithPassword("juist-wachtwoord");
    for (let i = 0; i < 4; i++) await authenticateCredentials({ email: u.email, password: `fout-${i}` }, ip());
    expect(await authenticateCredentials({ email: u.email, password: "juist-wachtwoord" }, ip())).not.toBeNull();
  });

  it("ends the lock once it has run out (1 minute after the fifth failure)", async () => {
    const u = await userWithPassword("juist-wachtwoord");
    const twentyMinutesAgo = new Date(Date.now() - 20 * 60 * 1000);
    await db.loginAttempt.createMany({ data: Array.from({ length: 5 }, () => ({ email: u.email, ip: "10.9.9.9", success: false, at: twentyMinutesAgo })) });
    expect(await authenticateCredentials({ email: u.email, password: "juist-wachtwoord" }, ip())).not.toBeNull();
  });

  it("refuses a disabled account with the same answer", async () => {
    const u = await userWithPassword("juist-wachtwoord");
    await db.user.update({ where: { id: u.id }, data: { active: false } });
    expect(await authenticateCredentials({ email: u.email, password: "juist-wachtwoord" }, ip())).toBeNull();
  });
});

describe("the actor is re-read on every request", () => {
  it("refuses the next request of a user disabled meanwhile", async () => {
    const agency = await createTestAgency();
    const actor = await createTestUser("STAFF", agency);
    await expect(loadActor(actor.userId)).resolves.toMatchObject({ role: "STAFF", agencyCode: agency.agencyCode });
    await db.user.update({ where: { id: actor.userId }, data: { active: false } });
    await expect(loadActor(actor.userId)).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it("moves a staff member to another agency at once", async () => {
    const a = await createTestAgency();
    const b = await createTestAgency();
    const actor = await createTestUser("STAFF", a);
    await db.user.update({ where: { id: actor.userId }, data: { officeCode: b.officeCode, agencyCode: b.agencyCode } });
    await expect(loadActor(actor.userId)).resolves.toMatchObject({ agencyCode: b.agencyCode, officeCode: b.officeCode });
  });
});
