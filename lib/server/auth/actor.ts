import "server-only";
// Who is acting. Re-read from the database on every request (never trusted from the session
// token), so that disabling a user or moving them to another agency takes effect at once.
import { can, type Permission, type Role } from "@/lib/domain/permissions";
import { db } from "@/lib/server/db";
import { ForbiddenError, UnauthenticatedError } from "@/lib/server/errors";

export interface Actor {
  userId: string;
  email: string;
  name: string;
  role: Role;
  /** STAFF: the agency of their office; MANAGER: their agency, or null for all of Flanders; ADMIN: null */
  agencyCode: string | null;
  officeCode: string | null;
  ip: string | null;
}

export async function loadActor(userId: string, ip: string | null = null): Promise<Actor> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, role: true, agencyCode: true, officeCode: true, active: true, office: { select: { agencyCode: true } } },
  });
  if (!user || !user.active) throw new UnauthenticatedError();
  // a STAFF member's agency is always their office's agency
  const agencyCode = user.role === "STAFF" ? (user.office?.agencyCode ?? null) : user.role === "ADMIN" ? null : user.agencyCode;
  if (user.role === "STAFF" && !agencyCode) throw new UnauthenticatedError("Uw account is niet aan een kantoor gekoppeld.");
  return { userId: user.id, email: user.email, name: user.name, role: user.role, agencyCode, officeCode: user.officeCode, ip };
}

export function assertCan(actor: Actor, permission: Permission): void {
  if (!can(actor.role, permission)) throw new ForbiddenError();
}
