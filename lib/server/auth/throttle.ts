import "server-only";
// Password-guessing protection: after 5 failed sign-ins within 15 minutes, an account (and,
// separately, an IP address) is refused for 15 minutes, whatever password is given.
import { db } from "@/lib/server/db";

export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60 * 1000;
export const LOCK_MS = 15 * 60 * 1000;

/** Locked when some failure completed a run of MAX_FAILURES within WINDOW_MS less than LOCK_MS ago. */
export function lockedUntil(failureTimes: Date[], now: Date): Date | null {
  const times = failureTimes.map((d) => d.getTime()).sort((a, b) => a - b);
  let until: number | null = null;
  for (let i = MAX_FAILURES - 1; i < times.length; i++) {
    const t = times[i]!;
    if (t - times[i - (MAX_FAILURES - 1)]! <= WINDOW_MS && t + LOCK_MS > now.getTime()) until = t + LOCK_MS;
  }
  return until === null ? null : new Date(until);
}

export async function isThrottled(email: string, ip: string, now = new Date()): Promise<boolean> {
  const since = new Date(now.getTime() - WINDOW_MS - LOCK_MS);
  const lastSuccess = await db.loginAttempt.findFirst({ where: { email, success: true }, orderBy: { at: "desc" }, select: { at: true } });
  const accountSince = lastSuccess && lastSuccess.at > since ? lastSuccess.at : since;
  const [byAccount, byIp] = await Promise.all([
    db.loginAttempt.findMany({ where: { email, success: false, at: { gt: accountSince } }, select: { at: true } }),
    db.loginAttempt.findMany({ where: { ip, success: false, at: { gt: since } }, select: { at: true } }),
  ]);
  return lockedUntil(byAccount.map((a) => a.at), now) !== null || (ip !== "onbekend" && lockedUntil(byIp.map((a) => a.at), now) !== null);
}

export async function recordAttempt(email: string, ip: string, success: boolean) {
  await db.loginAttempt.create({ data: { email, ip, success } });
}
