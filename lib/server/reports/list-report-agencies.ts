import "server-only";
// The agencies a report user may filter on: all of them for a Flemish-scope manager or an
// admin, none (their own is fixed) for a manager of one agency.
import type { Actor } from "@/lib/server/auth/actor";
import { reportAgencyScope } from "@/lib/server/access/scope";
import { db } from "@/lib/server/db";

export async function listReportAgencies(actor: Actor): Promise<{ fixed: { code: string; label: string } | null; choices: { code: string; label: string }[] }> {
  const own = reportAgencyScope(actor, null);
  if (own) {
    const agency = await db.agency.findUnique({ where: { code: own }, select: { code: true, label: true } });
    return { fixed: agency ?? { code: own, label: own }, choices: [] };
  }
  return { fixed: null, choices: await db.agency.findMany({ select: { code: true, label: true }, orderBy: { label: "asc" } }) };
}
