// A language per user (issue 16): the column's default and check, the Actor reads it (also in
// the one query of a web session), and a user's own choice is saved with its audit entry.
import { describe, expect, it } from "vitest";
import { loadActor } from "@/lib/server/auth/actor";
import { startSession } from "@/lib/server/auth/user-sessions";
import { db } from "@/lib/server/db";
import { setOwnLocale } from "@/lib/server/users/own-locale";
import { createTestAgency, createTestUser } from "../support/factories";

describe("the user's language", () => {
  it("is Dutch by default and only nl or en", async () => {
    const staff = await createTestUser("STAFF", await createTestAgency());
    expect(staff.locale).toBe("nl");
    await expect(db.$executeRaw`UPDATE app_user SET locale = 'fr' WHERE id = ${staff.userId}::uuid`).rejects.toThrow(/app_user_locale_check/);
  });

  it("is chosen by the user, audited, and read onto the Actor of the next request", async () => {
    const manager = await createTestUser("MANAGER");
    await setOwnLocale(manager, { locale: "en" });
    expect((await loadActor(manager.userId)).locale).toBe("en");
    const sessionId = await db.$transaction((tx) => startSession(tx, manager.userId));
    expect((await loadActor(manager.userId, null, sessionId)).locale).toBe("en");
    const audit = await db.auditLog.findMany({ where: { action: "user.locale", userId: manager.userId } });
    expect(audit.map((a) => [a.entityId, a.before, a.after])).toEqual([[manager.userId, { locale: "nl" }, { locale: "en" }]]);
    // the same choice again changes and audits nothing
    await setOwnLocale({ ...manager, locale: "en" }, { locale: "en" });
    expect(await db.auditLog.count({ where: { action: "user.locale", userId: manager.userId } })).toBe(1);
  });
});
