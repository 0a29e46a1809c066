import "server-only";
// Who is acting. Re-read from the database on every request (never trusted from the session
// token), so that disabling a user or moving them to another agency takes effect at once. With a
// session id (every web request, see session.ts) the same query checks that the server-side
// session (user-sessions.ts) is not ended, younger than 8 hours and seen within
// SESSION_IDLE_MINUTES; last_seen_at is refreshed at most once a minute, so the common request
// costs one query.
import { isUuid } from "@/lib/domain/kit";
import { can, type Permission, type Role } from "@/lib/domain/permissions";
import { localeOf, type Locale } from "@/lib/i18n/locale";
import { db } from "@/lib/server/db";
import { serverEnv } from "@/lib/server/env";
import { ForbiddenError, UnauthenticatedError } from "@/lib/server/errors";
import { SESSION_MAX_AGE_S, SESSION_TOUCH_INTERVAL_S } from "./user-sessions";

export interface Actor {
  userId: string;
  email: string;
  name: string;
  role: Role;
  /** STAFF: the agency of their office; MANAGER: their agency, or null for all of Flanders; ADMIN: null */
  agencyCode: string | null;
  officeCode: string | null;
  /** The user's language (app_user.locale): pages, letters, report labels, messages */
  locale: Locale;
  ip: string | null;
}

interface UserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  agencyCode: string | null;
  officeCode: string | null;
  active: boolean;
  locale: string;
  officeAgencyCode: string | null;
}

/**
 * The actor of a user. `sessionId` is required for web requests (requireActor always passes it);
 * scripts and tests that act as a user without a web session leave it out.
 */
export async function loadActor(userId: string, ip: string | null = null, sessionId?: string): Promise<Actor> {
  const user = sessionId === undefined ? await loadUser(userId) : await loadSessionUser(userId, sessionId);
  if (!user?.active) throw new UnauthenticatedError();
  // a STAFF member's agency is always their office's agency
  const agencyCode = user.role === "STAFF" ? user.officeAgencyCode : user.role === "ADMIN" ? null : user.agencyCode;
  if (user.role === "STAFF" && !agencyCode) throw new UnauthenticatedError("auth.noOffice");
  return { userId: user.id, email: user.email, name: user.name, role: user.role, agencyCode, officeCode: user.officeCode, locale: localeOf(user), ip };
}

async function loadUser(userId: string): Promise<UserRow | null> {
  const u = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      agencyCode: true,
      officeCode: true,
      active: true,
      locale: true,
      office: { select: { agencyCode: true } },
    },
  });
  return u ? { ...u, officeAgencyCode: u.office?.agencyCode ?? null } : null;
}

/** The user of a live session, in one query; touches the session when last seen over a minute ago. */
async function loadSessionUser(userId: string, sessionId: string): Promise<UserRow | null> {
  if (!isUuid(sessionId) || !isUuid(userId)) return null;
  const idleMinutes = serverEnv().SESSION_IDLE_MINUTES;
  const rows = await db.$queryRaw<(UserRow & { stale: boolean })[]>`
    SELECT u.id, u.email, u.name, u.role::text AS "role", u.agency_code AS "agencyCode", u.office_code AS "officeCode", u.active, u.locale,
           o.agency_code AS "officeAgencyCode",
           s.last_seen_at < now() - make_interval(secs => ${SESSION_TOUCH_INTERVAL_S}) AS stale
      FROM user_session s
      JOIN app_user u ON u.id = s.user_id
      LEFT JOIN office o ON o.code = u.office_code
     WHERE s.id = ${sessionId}::uuid AND s.user_id = ${userId}::uuid
       AND s.ended_at IS NULL
       AND s.created_at > now() - make_interval(secs => ${SESSION_MAX_AGE_S})
       AND s.last_seen_at > now() - make_interval(mins => ${idleMinutes})`;
  const row = rows[0];
  if (!row) return null;
  if (row.stale) await db.$executeRaw`UPDATE user_session SET last_seen_at = now() WHERE id = ${sessionId}::uuid AND ended_at IS NULL`;
  return row;
}

export function assertCan(actor: Actor, permission: Permission): void {
  if (!can(actor.role, permission)) throw new ForbiddenError();
}
