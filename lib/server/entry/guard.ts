import "server-only";
// The steps every entry shares: origin check for state-changing requests, then session and
// permission — each refusal audited.
import type { Permission } from "@/lib/domain/permissions";
import { assertCan, type Actor } from "@/lib/server/auth/actor";
import { requireActor } from "@/lib/server/auth/session";
import { ForbiddenError, OriginRefusedError, UnauthenticatedError } from "@/lib/server/errors";
import { originVerdict } from "./origin-guard";
import { auditRefusal, type Refusal } from "./refusal";

type Where = Omit<Refusal, "reason" | "permission">;

/** The signed-in actor, or null — only to name who sent a refused request. */
async function actorIfAny(): Promise<Actor | null> {
  try {
    return await requireActor();
  } catch {
    return null;
  }
}

export async function assertOrigin(headers: Headers, permission: Permission | null, where: Where, protocol?: string | null): Promise<void> {
  const verdict = originVerdict(headers, protocol);
  if (verdict.ok) return;
  await auditRefusal(await actorIfAny(), { ...where, permission, reason: verdict.reason });
  throw new OriginRefusedError();
}

/** requireActor + the permission check, with the refusal audited (the actor is known when forbidden). */
export async function actorFor(permission: Permission, where: Where): Promise<Actor> {
  let actor: Actor;
  try {
    actor = await requireActor();
  } catch (e) {
    if (e instanceof UnauthenticatedError) await auditRefusal(null, { ...where, permission, reason: "unauthenticated" });
    throw e;
  }
  try {
    assertCan(actor, permission);
  } catch (e) {
    if (e instanceof ForbiddenError) await auditRefusal(actor, { ...where, permission, reason: "forbidden" });
    throw e;
  }
  return actor;
}
