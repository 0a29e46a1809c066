import "server-only";
// The one place that decides which newcomers (and which report figures) a user may see.
// Every query of personal data takes its filter from here; the agency always comes from the
// acting user and the record touched, never from what the client sent.
import { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/server/auth/actor";
import { assertCan } from "@/lib/server/auth/actor";
import { ForbiddenError } from "@/lib/server/errors";

/** Prisma filter of the newcomers the actor may see (throws when they may see none). */
export function newcomerScope(actor: Actor): Prisma.NewcomerWhereInput {
  assertCan(actor, "dossier.read");
  if (actor.role === "ADMIN") return {};
  if (actor.role === "STAFF" && actor.agencyCode) return { agencyCode: actor.agencyCode };
  throw new ForbiddenError();
}

/** The same filter as SQL, for raw queries over the newcomer table aliased as `n`. */
export function newcomerScopeSql(actor: Actor): Prisma.Sql {
  assertCan(actor, "dossier.read");
  if (actor.role === "ADMIN") return Prisma.sql`TRUE`;
  if (actor.role === "STAFF" && actor.agencyCode) return Prisma.sql`n.agency_code = ${actor.agencyCode}`;
  throw new ForbiddenError();
}

/** May the actor see a newcomer of this agency? */
export function canSeeAgency(actor: Actor, agencyCode: string): boolean {
  if (actor.role === "ADMIN") return true;
  return actor.role === "STAFF" && actor.agencyCode === agencyCode;
}

/** Prisma filter of the offices whose newcomers the actor may see or create (filters, forms). */
export function officeScope(actor: Actor): Prisma.OfficeWhereInput {
  assertCan(actor, "dossier.read");
  if (actor.role === "ADMIN") return {};
  if (actor.role === "STAFF" && actor.agencyCode) return { agencyCode: actor.agencyCode };
  throw new ForbiddenError();
}

/**
 * The agency a report is restricted to: a MANAGER of one agency always gets their own, whatever
 * was asked; a Flemish-scope MANAGER or an ADMIN gets the requested agency or all (null).
 */
export function reportAgencyScope(actor: Actor, requested: string | null | undefined): string | null {
  assertCan(actor, "report.read");
  if (actor.role === "MANAGER" && actor.agencyCode) return actor.agencyCode;
  return requested ?? null;
}

/**
 * Prisma filter of the publications the actor may open (issue 13): a publication of one agency's
 * figures is visible to that agency's managers, to Flemish-scope managers and to admins; one of
 * all of Flanders only to those who may see all of Flanders — the same rule as reportAgencyScope.
 */
export function publicationScope(actor: Actor): Prisma.PublicationWhereInput {
  assertCan(actor, "report.read");
  if (actor.role === "MANAGER" && actor.agencyCode) return { agencyCode: actor.agencyCode };
  return {};
}
