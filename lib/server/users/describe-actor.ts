import "server-only";
// What the app shell shows about the signed-in user: their agency and office labels.
import type { Actor } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/db";

export async function describeActor(actor: Actor): Promise<{ agencyLabel: string | null; officeLabel: string | null }> {
  const [agency, office] = await Promise.all([
    actor.agencyCode ? db.agency.findUnique({ where: { code: actor.agencyCode }, select: { label: true } }) : null,
    actor.officeCode ? db.office.findUnique({ where: { code: actor.officeCode }, select: { label: true } }) : null,
  ]);
  return { agencyLabel: agency?.label ?? null, officeLabel: office?.label ?? null };
}
