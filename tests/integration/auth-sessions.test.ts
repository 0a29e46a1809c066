// Sessions that end: the actor load (run on every request) refuses a session that was ended,
// has been idle longer than SESSION_IDLE_MINUTES or is older than 8 hours; a user's sessions end
// when an admin disables them or changes their role, office or password.
import { hash } from "@node-rs/argon2";
import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { ARGON2_OPTIONS } from "@/lib/db/seed";
import { loadActor } from "@/lib/server/auth/actor";
import { authenticateCredentials } from "@/lib/server/auth/sign-in";
import { endSession } from "@/lib/server/auth/user-sessions";
import { db } from "@/lib/server/db";
import { UnauthenticatedError } from "@/lib/server/errors";
import { updateUser } from "@/lib/server/users/manage-users";
import { createTestAgency, createTestUser } from "../support/factories";

const PASSWORD = "een-lang-wachtwoord";

async function signedInStaff() {
  const agency = await createTestAgency();
  const email = `sessie-${crypto.randomBytes(4).toString("hex")}@test.local`;
  const user = await db.user.create({
    data: {
      email,
      name: "Sessie Test",
      passwordHash: await hash(PASSWORD, ARGON2_OPTIONS),
      role: "STAFF",
      agencyCode: agency.agencyCode,
      officeCode: agency.officeCode,
    },
  });
  const signedIn = await authenticateCredentials({ email, password: PASSWORD }, "10.2.0.1");
  if (!signedIn) throw new Error("sign-in failed");
  return { agency, user, sessionId: signedIn.sessionId };
}

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);

describe("server-side sessions", () => {
  it("a sign-in opens a session that the actor load accepts and refreshes at most once a minute", async () => {
    const { user, sessionId } = await signedInStaff();
    await expect(loadActor(user.id, "10.2.0.1", sessionId)).resolves.toMatchObject({ userId: user.id, role: "STAFF", ip: "10.2.0.1" });
    const fresh = await db.userSession.findUniqueOrThrow({ where: { id: sessionId } });
    await loadActor(user.id, null, sessionId);
    expect((await db.userSession.findUniqueOrThrow({ where: { id: sessionId } })).lastSeenAt).toEqual(fresh.lastSeenAt);
    await db.userSession.update({ where: { id: sessionId }, data: { lastSeenAt: minutesAgo(5) } });
    await loadActor(user.id, null, sessionId);
    expect((await db.userSession.findUniqueOrThrow({ where: { id: sessionId } })).lastSeenAt.getTime()).toBeGreaterThan(minutesAgo(1).getTime());
  });

  it("refuses an ended session", async () => {
    const { user, sessionId } = await signedInStaff();
    await endSession(sessionId, "signout");
    await expect(loadActor(user.id, null, sessionId)).rejects.toBeInstanceOf(UnauthenticatedError);
    expect(await db.userSession.findUniqueOrThrow({ where: { id: sessionId } })).toMatchObject({ endReason: "signout" });
  });

  it("refuses a session idle for longer than SESSION_IDLE_MINUTES (30)", async () => {
    const { user, sessionId } = await signedInStaff();
    await db.userSession.update({ where: { id: sessionId }, data: { lastSeenAt: minutesAgo(29) } });
    await expect(loadActor(user.id, null, sessionId)).resolves.toMatchObject({ userId: user.id });
    await db.userSession.update({ where: { id: sessionId }, data: { lastSeenAt: minutesAgo(31) } });
    await expect(loadActor(user.id, null, sessionId)).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it("refuses a session older than 8 hours, however active", async () => {
    const { user, sessionId } = await signedInStaff();
    await db.userSession.update({ where: { id: sessionId }, data: { createdAt: minutesAgo(8 * 60 + 1), lastSeenAt: new Date() } });
    await expect(loadActor(user.id, null, sessionId)).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it("refuses another user's session id and a malformed one", async () => {
    const a = await signedInStaff();
    const b = await signedInStaff();
    await expect(loadActor(a.user.id, null, b.sessionId)).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(loadActor(a.user.id, null, "geen-uuid")).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it("disabling a user ends all their sessions at once", async () => {
    const { user, agency, sessionId } = await signedInStaff();
    const second = (await authenticateCredentials({ email: user.email, password: PASSWORD }, "10.2.0.2"))!.sessionId;
    const admin = await createTestUser("ADMIN");
    await updateUser(admin, user.id, { name: user.name, role: "STAFF", officeCode: agency.officeCode, active: false });
    for (const id of [sessionId, second]) {
      expect(await db.userSession.findUniqueOrThrow({ where: { id } })).toMatchObject({ endReason: "user.disabled", endedAt: expect.any(Date) });
    }
    await db.user.update({ where: { id: user.id }, data: { active: true } });
    await expect(loadActor(user.id, null, sessionId)).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it("changing role, office or password ends the sessions; renaming does not", async () => {
    const { user, agency, sessionId } = await signedInStaff();
    const admin = await createTestUser("ADMIN");
    const base = { name: user.name, role: "STAFF", officeCode: agency.officeCode, active: true };
    await updateUser(admin, user.id, { ...base, name: "Andere Naam" });
    await expect(loadActor(user.id, null, sessionId)).resolves.toMatchObject({ name: "Andere Naam" });
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, officeCode: agency.secondOfficeCode }, "user.office"],
      [{ ...base, role: "MANAGER", agencyCode: agency.agencyCode, officeCode: undefined }, "user.role"],
      [{ ...base, role: "MANAGER", agencyCode: agency.agencyCode, officeCode: undefined, password: "nog-een-lang-wachtwoord" }, "user.password"],
    ];
    let password = PASSWORD;
    for (const [input, reason] of cases) {
      const id = (await authenticateCredentials({ email: user.email, password }, "10.2.0.3"))!.sessionId;
      await updateUser(admin, user.id, input);
      if (typeof input.password === "string") password = input.password;
      expect(await db.userSession.findUniqueOrThrow({ where: { id } })).toMatchObject({ endReason: reason });
    }
  });
});
