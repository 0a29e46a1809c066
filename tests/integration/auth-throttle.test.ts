// Throttling without collateral damage (OWASP ASVS 4.0.3 2.2.1) and the audit of sign-ins:
// the lock is per account with growing delays, the per-address threshold is much higher, a
// locked e-mail is told so whether or not an account has it, and every attempt is audited.
import { hash } from "@node-rs/argon2";
import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { ARGON2_OPTIONS } from "@/lib/db/seed";
import { authenticateCredentials } from "@/lib/server/auth/sign-in";
import { IP_MAX_FAILURES } from "@/lib/server/auth/throttle";
import { db } from "@/lib/server/db";

const LOCKED = /^Te veel mislukte pogingen\. Probeer het opnieuw over \d+ minuu?t(en)?\.$/;

async function userWithPassword(password: string) {
  const email = `throttle-${crypto.randomBytes(4).toString("hex")}@test.local`;
  return db.user.create({ data: { email, name: "Throttle Test", passwordHash: await hash(password, ARGON2_OPTIONS), role: "ADMIN" } });
}

const address = () => `10.1.${crypto.randomInt(255)}.${crypto.randomInt(255)}`;

/** The outcome as a word, so the same test reads on the old code (null) and the new (a throw). */
async function attempt(email: string, password: string, ip: string): Promise<string> {
  try {
    return (await authenticateCredentials({ email, password }, ip)) ? "ok" : "refused";
  } catch (e) {
    return e instanceof Error && LOCKED.test(e.message) ? "locked" : `error: ${String(e)}`;
  }
}

describe("sign-in throttling", () => {
  it("5 failures for account A do not block account B from the same address", async () => {
    const office = address();
    const a = await userWithPassword("wachtwoord-van-a");
    const b = await userWithPassword("wachtwoord-van-b");
    for (let i = 0; i < 5; i++) expect(await attempt(a.email, `fout-${i}`, office)).toBe("refused");
    expect(await attempt(b.email, "wachtwoord-van-b", office)).toBe("ok");
  });

  it("locks account A after 5 failures and says so, even for the right password", async () => {
    const a = await userWithPassword("wachtwoord-van-a");
    for (let i = 0; i < 5; i++) await attempt(a.email, `fout-${i}`, address());
    expect(await attempt(a.email, "wachtwoord-van-a", address())).toBe("locked");
    await expect(authenticateCredentials({ email: a.email, password: "wachtwoord-van-a" }, address())).rejects.toThrow(
      "Te veel mislukte pogingen. Probeer het opnieuw over 1 minuut.",
    );
  });

  it("gives an unknown e-mail the same lock message after 5 failures", async () => {
    const unknown = `niemand-${crypto.randomUUID()}@test.local`;
    for (let i = 0; i < 5; i++) expect(await attempt(unknown, `fout-${i}`, address())).toBe("refused");
    expect(await attempt(unknown, "wat-dan-ook", address())).toBe("locked");
  });

  it("grows the lock with further failures and lets the right password in once it has run out", async () => {
    const a = await userWithPassword("wachtwoord-van-a");
    const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000);
    // six failures, the last 3 minutes ago: a 2-minute lock that has run out
    await db.loginAttempt.createMany({ data: [20, 19, 18, 17, 16, 3].map((m) => ({ email: a.email, ip: "10.9.9.9", success: false, at: ago(m) })) });
    expect(await attempt(a.email, "wachtwoord-van-a", address())).toBe("ok");
    // after the success the count starts again
    expect(await attempt(a.email, "fout", address())).toBe("refused");
    expect(await attempt(a.email, "wachtwoord-van-a", address())).toBe("ok");
  });

  it("locks an address at the much higher per-address threshold, for every account", async () => {
    const ip = address();
    await db.loginAttempt.createMany({
      data: Array.from({ length: IP_MAX_FAILURES - 1 }, (_, i) => ({ email: `spray-${i}-${crypto.randomUUID()}@test.local`, ip, success: false })),
    });
    const b = await userWithPassword("wachtwoord-van-b");
    expect(await attempt(`spray-last-${crypto.randomUUID()}@test.local`, "x", ip)).toBe("refused");
    expect(await attempt(b.email, "wachtwoord-van-b", ip)).toBe("locked");
    expect(await attempt(b.email, "wachtwoord-van-b", address())).toBe("ok");
  });

  it("audits successes, failures and refusals while locked, with the e-mail and address, never the password", async () => {
    const a = await userWithPassword("wachtwoord-van-a");
    const ip = address();
    await attempt(a.email, "wachtwoord-van-a", ip);
    for (let i = 0; i < 5; i++) await attempt(a.email, `geheim-fout-${i}`, ip);
    await attempt(a.email, "wachtwoord-van-a", ip);
    const rows = await db.auditLog.findMany({ where: { userEmail: a.email }, orderBy: { id: "asc" } });
    expect(rows.map((r) => r.action)).toEqual(["auth.signin", ...Array(5).fill("auth.signin.failed"), "auth.signin.locked"]);
    for (const r of rows) expect(r).toMatchObject({ ip, userEmail: a.email, entityType: "user" });
    expect(rows[0]).toMatchObject({ userId: a.id, entityId: a.id });
    expect(JSON.stringify(rows.map((r) => ({ ...r, id: String(r.id) })))).not.toMatch(/wachtwoord-van-a|geheim-fout/);
    const unknown = `niemand-${crypto.randomUUID()}@test.local`;
    await attempt(unknown, "x", ip);
    expect(await db.auditLog.findFirst({ where: { userEmail: unknown } })).toMatchObject({ action: "auth.signin.failed", userId: null, entityId: null, ip });
  });
});
