import "server-only";
// Password-guessing protection (OWASP ASVS 4.0.3 2.2.1: soft lock-out that grows, rate limit per
// source). Per account: after ACCOUNT_FREE_FAILURES failed sign-ins in a row (since the last
// success, within FAILURE_MEMORY_MS) the account is refused for ACCOUNT_FIRST_LOCK_MS, doubling
// with every further failure up to ACCOUNT_MAX_LOCK_MS — so a guesser gets about 100 tries a day
// while its owner waits minutes, not hours. Per address: a separate, much higher threshold
// (IP_MAX_FAILURES within IP_WINDOW_MS), so that one colleague's typos never lock out a whole
// office behind one NAT address, while a guesser spraying many accounts from one address stops.
// Counted by the typed e-mail, whether or not an account has it: an unknown address locks the
// same way, so the lock message reveals nothing.
import { db } from "@/lib/server/db";

export const ACCOUNT_FREE_FAILURES = 5;
export const ACCOUNT_FIRST_LOCK_MS = 60 * 1000;
export const ACCOUNT_MAX_LOCK_MS = 15 * 60 * 1000;
/** failures older than this no longer count (a success resets the count earlier) */
export const FAILURE_MEMORY_MS = 24 * 60 * 60 * 1000;
export const IP_MAX_FAILURES = 100;
export const IP_WINDOW_MS = 15 * 60 * 1000;

/** Until when an account is locked, given its failures since its last success (any order). */
export function accountLockedUntil(failureTimes: Date[], now: Date): Date | null {
  const times = failureTimes
    .map((d) => d.getTime())
    .filter((t) => t > now.getTime() - FAILURE_MEMORY_MS)
    .sort((a, b) => a - b);
  if (times.length < ACCOUNT_FREE_FAILURES) return null;
  const lock = Math.min(ACCOUNT_FIRST_LOCK_MS * 2 ** (times.length - ACCOUNT_FREE_FAILURES), ACCOUNT_MAX_LOCK_MS);
  const until = times.at(-1)! + lock;
  return until > now.getTime() ? new Date(until) : null;
}

/** Until when an address is locked, given its recent failures (any account). */
export function ipLockedUntil(failureTimes: Date[], now: Date): Date | null {
  const recent = failureTimes
    .map((d) => d.getTime())
    .filter((t) => t > now.getTime() - IP_WINDOW_MS)
    .sort((a, b) => b - a);
  if (recent.length < IP_MAX_FAILURES) return null;
  // locked until the failure that completed the threshold leaves the window
  return new Date(recent[IP_MAX_FAILURES - 1]! + IP_WINDOW_MS);
}

/** Until when a sign-in for this e-mail from this address is refused, or null. */
export async function lockedUntil(email: string, ip: string | null, now = new Date()): Promise<Date | null> {
  const memory = new Date(now.getTime() - FAILURE_MEMORY_MS);
  const lastSuccess = await db.loginAttempt.findFirst({ where: { email, success: true, at: { gt: memory } }, orderBy: { at: "desc" }, select: { at: true } });
  const [byAccount, byIp] = await Promise.all([
    db.loginAttempt.findMany({ where: { email, success: false, at: { gt: lastSuccess?.at ?? memory } }, select: { at: true } }),
    ip
      ? db.loginAttempt.findMany({
          where: { ip, success: false, at: { gt: new Date(now.getTime() - IP_WINDOW_MS) } },
          select: { at: true },
          orderBy: { at: "desc" },
          take: IP_MAX_FAILURES,
        })
      : [],
  ]);
  const account = accountLockedUntil(
    byAccount.map((a) => a.at),
    now,
  );
  const address = ipLockedUntil(
    byIp.map((a) => a.at),
    now,
  );
  if (!account) return address;
  if (!address) return account;
  // biome-ignore lint/complexity/useMathMinMax: these are Dates; Math.max would return a number
  return account > address ? account : address;
}
