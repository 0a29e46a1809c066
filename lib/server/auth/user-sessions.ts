import "server-only";
// Server-side records of sign-in sessions. The next-auth JWT only carries the record's id; the
// record decides whether the session still counts (lib/server/auth/actor.ts checks it on every
// request), so signing out, disabling a user or changing their rights ends a session at once,
// also for a copied cookie — which a stateless JWT alone cannot do.
import { isUuid } from "@/lib/domain/kit";
import { db } from "@/lib/server/db";
import type { Tx } from "@/lib/server/kit/tx";

/** Absolute lifetime of a session, whatever the activity (a working day). */
export const SESSION_MAX_AGE_S = 8 * 60 * 60;
/** last_seen_at is written at most this often, so a busy session costs one read per request */
export const SESSION_TOUCH_INTERVAL_S = 60;

export type SessionEndReason = "signout" | "user.disabled" | "user.role" | "user.office" | "user.password";

export async function startSession(tx: Tx, userId: string): Promise<string> {
  const s = await tx.userSession.create({ data: { userId }, select: { id: true } });
  return s.id;
}

export async function endSession(sessionId: unknown, reason: SessionEndReason): Promise<void> {
  if (!isUuid(sessionId)) return;
  await db.userSession.updateMany({ where: { id: sessionId, endedAt: null }, data: { endedAt: new Date(), endReason: reason } });
}

/** Ends every open session of a user, in the transaction of the change that calls for it. */
export async function endUserSessions(tx: Tx, userId: string, reason: SessionEndReason): Promise<number> {
  const r = await tx.userSession.updateMany({ where: { userId, endedAt: null }, data: { endedAt: new Date(), endReason: reason } });
  return r.count;
}
