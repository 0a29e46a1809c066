import "server-only";
// The bridge from a Next.js request to an Actor: read the next-auth token (user id and
// server-side session id), then re-read the user and check the session in the database
// (loadActor). Pages use requirePageActor (redirects / 403 page); server actions and route
// handlers use requireActor and map the errors themselves.
import { getToken } from "next-auth/jwt";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { forbidden, redirect } from "next/navigation";
import type { Permission } from "@/lib/domain/permissions";
import { ForbiddenError, UnauthenticatedError } from "@/lib/server/errors";
import { assertCan, loadActor, type Actor } from "./actor";
import { requestClientIp } from "./request-ip";

/**
 * The actor of the current request, read once per request: the layout and the page of one
 * render both ask, and React's request cache (a no-op outside a render) lets them share the
 * token check and the query.
 */
const requestActor = cache(async (): Promise<Actor> => {
  // getToken, not getServerSession: the session callback checks the session record for
  // /api/auth/session, and loadActor checks it here — once per request, not twice
  const [jar, h] = await Promise.all([cookies(), headers()]);
  const token = await getToken({ req: { cookies: jar, headers: h } as unknown as Parameters<typeof getToken>[0]["req"] });
  if (typeof token?.uid !== "string" || typeof token.sid !== "string") throw new UnauthenticatedError();
  return loadActor(token.uid, await requestClientIp(), token.sid);
});

export async function requireActor(permission?: Permission): Promise<Actor> {
  const actor = await requestActor();
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
