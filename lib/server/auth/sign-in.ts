import "server-only";
// Checks a credentials sign-in. One answer for every failure (unknown account, wrong password,
// disabled account), so the form never tells which accounts exist; a locked e-mail address or
// client address gets SignInLockedError, whose (Dutch) message the login form shows (its `msg`: the key) — the same for
// any typed e-mail, existing or not. Every attempt is recorded (throttling) and audited
// (auth.signin, auth.signin.failed, auth.signin.locked: the typed e-mail and the client address,
// never the password). A success opens a server-side session (user-sessions.ts).
import { verify, hash } from "@node-rs/argon2";
import { ARGON2_OPTIONS } from "@/lib/db/seed";
import { recordAudit } from "@/lib/server/audit/audit";
import { msg } from "@/lib/i18n/message";
import { db } from "@/lib/server/db";
import { LocalizedError } from "@/lib/server/errors";
import { signInSchema } from "./sign-in.schema";
import { lockedUntil } from "./throttle";
import { startSession } from "./user-sessions";

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
  sessionId: string;
}

export class SignInLockedError extends LocalizedError {
  constructor(
    readonly until: Date,
    now = new Date(),
  ) {
    const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
    super(msg(minutes === 1 ? "auth.lockedOne" : "auth.lockedMany", { minutes }));
    this.name = "SignInLockedError";
  }
}

let dummyHash: Promise<string> | null = null;

/** login_attempt.ip is required; an attempt without a known address is kept under this value. */
const UNKNOWN_IP = "onbekend";

/** Null when refused; throws SignInLockedError while the e-mail or the address is locked. */
export async function authenticateCredentials(input: unknown, ip: string | null): Promise<SignedInUser | null> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return null;
  const email = parsed.data.email.trim().toLowerCase();
  const subject = { userEmail: email, ip };
  const until = await lockedUntil(email, ip);
  if (until) {
    // not recorded as a failure: retrying while locked must not lengthen the lock
    await recordAudit(db, null, { action: "auth.signin.locked", entityType: "user", subject, after: { lockedUntil: until.toISOString() } });
    throw new SignInLockedError(until);
  }
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, passwordHash: true, active: true } });
  // verify against a dummy hash for unknown accounts, so timing does not reveal them
  dummyHash ??= hash("not-a-password", ARGON2_OPTIONS);
  const ok = await verify(user?.passwordHash ?? (await dummyHash), parsed.data.password).catch(() => false);
  if (!user?.active || !ok) {
    await db.$transaction(async (tx) => {
      await tx.loginAttempt.create({ data: { email, ip: ip ?? UNKNOWN_IP, success: false } });
      await recordAudit(tx, null, {
        action: "auth.signin.failed",
        entityType: "user",
        entityId: user?.id ?? null,
        subject: { ...subject, userId: user?.id ?? null },
      });
    });
    return null;
  }
  const sessionId = await db.$transaction(async (tx) => {
    await tx.loginAttempt.create({ data: { email, ip: ip ?? UNKNOWN_IP, success: true } });
    await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
    const id = await startSession(tx, user.id);
    await recordAudit(tx, null, {
      action: "auth.signin",
      entityType: "user",
      entityId: user.id,
      subject: { ...subject, userId: user.id },
      after: { sessionId: id },
    });
    return id;
  });
  return { id: user.id, email: user.email, name: user.name, sessionId };
}
