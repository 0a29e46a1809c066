import "server-only";
// Checks a credentials sign-in. One answer for every failure (unknown account, wrong password,
// disabled account, throttled), so the form never tells which accounts exist.
import { verify, hash } from "@node-rs/argon2";
import { ARGON2_OPTIONS } from "@/lib/db/seed";
import { db } from "@/lib/server/db";
import { signInSchema } from "./sign-in.schema";
import { isThrottled, recordAttempt } from "./throttle";

export interface SignedInUser { id: string; email: string; name: string }

let dummyHash: Promise<string> | null = null;

export async function authenticateCredentials(input: unknown, ip: string): Promise<SignedInUser | null> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return null;
  const email = parsed.data.email.trim().toLowerCase();
  if (await isThrottled(email, ip)) {
    await recordAttempt(email, ip, false);
    return null;
  }
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, passwordHash: true, active: true } });
  // verify against a dummy hash for unknown accounts, so timing does not reveal them
  dummyHash ??= hash("not-a-password", ARGON2_OPTIONS);
  const ok = await verify(user?.passwordHash ?? (await dummyHash), parsed.data.password).catch(() => false);
  const success = Boolean(user && user.active && ok);
  await recordAttempt(email, ip, success);
  if (!success || !user) return null;
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  return { id: user.id, email: user.email, name: user.name };
}
