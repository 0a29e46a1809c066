import "server-only";
// The account a publication command runs as (scripts/lib/cli-publisher.ts): an active user by
// e-mail, loaded as for a request (role, agency, locale), without a web session. Its permission
// and scope are checked by the data-layer function it calls, exactly as for the web.
import type { Actor } from "@/lib/server/auth/actor";
import { loadActor } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/db";
import { UnauthenticatedError } from "@/lib/server/errors";

export async function commandLineActor(email: string): Promise<Actor> {
  const user = await db.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true, active: true } });
  if (!user?.active) throw new UnauthenticatedError("publications.publisherUnknown");
  return loadActor(user.id);
}
