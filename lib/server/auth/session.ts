import "server-only";
// The bridge from a Next.js request to an Actor: read the next-auth session, then re-read the
// user from the database. Pages use requirePageActor (redirects / 403 page); server actions and
// route handlers use requireActor and map the errors themselves.
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import type { Permission } from "@/lib/domain/permissions";
import { ForbiddenError, UnauthenticatedError } from "@/lib/server/errors";
import { assertCan, loadActor, type Actor } from "./actor";
import { authOptions } from "./options";

async function requestIp(): Promise<string | null> {
  const h = await headers();
  return h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip") || null;
}

export async function requireActor(permission?: Permission): Promise<Actor> {
  const session = await getServerSession(authOptions);
  const id = (session?.user as { id?: string } | undefined)?.id;
  if (!id) throw new UnauthenticatedError();
  const actor = await loadActor(id, await requestIp());
  if (permission) assertCan(actor, permission);
  return actor;
}

/** For server components: not signed in → login page; not allowed → Next's 403 page. */
export async function requirePageActor(permission?: Permission): Promise<Actor> {
  try {
    return await requireActor(permission);
  } catch (e) {
    if (e instanceof UnauthenticatedError) redirect("/login");
    if (e instanceof ForbiddenError) forbidden();
    throw e;
  }
}

/** The actor when signed in with an active account, else null (for the login page). */
export async function optionalActor(): Promise<Actor | null> {
  try {
    return await requireActor();
  } catch (e) {
    if (e instanceof UnauthenticatedError) return null;
    throw e;
  }
}
