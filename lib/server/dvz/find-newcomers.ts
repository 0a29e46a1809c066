import "server-only";
import { firstOf } from "@/lib/domain/lists/first-of";
// Finding a newcomer to advise DVZ about: by (part of) the national number or by name.
import { maskNationalNumber } from "@/lib/domain/national-number";
import { looksLikeNationalNumber, normalizeSearchQuery } from "@/lib/domain/search-name";
import { newcomerScope } from "@/lib/server/access/scope";
import { assertCan, type Actor } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/db";
import { dvzSearchSchema } from "./dvz.schema";
import { parseInput } from "@/lib/server/kit/parse-input";

/** At most this many matches are shown; more are said (a search to refine, not a list to page). */
export const DVZ_SEARCH_LIMIT = 20;

export async function findNewcomersForAdvice(actor: Actor, input: unknown) {
  assertCan(actor, "dvz.advise");
  const parsed = parseInput(dvzSearchSchema, input);
  const q = parsed.q;
  // "%%" or "__" normalise to nothing, and `contains: ""` would list anyone: nothing to search for
  if (!looksLikeNationalNumber(q) && normalizeSearchQuery(q) === "") return { items: [], more: false };
  const where = looksLikeNationalNumber(q) ? { nationalNumber: { startsWith: q.replace(/\D/g, "") } } : { searchName: { contains: normalizeSearchQuery(q) } };
  const rows = await db.newcomer.findMany({
    where: { AND: [newcomerScope(actor), where] },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
    take: DVZ_SEARCH_LIMIT + 1,
    select: { id: true, lastName: true, firstName: true, nationalNumber: true, agency: { select: { label: true } } },
  });
  const { items, more } = firstOf(rows, DVZ_SEARCH_LIMIT);
  return {
    more,
    items: items.map((r) => ({
      id: r.id,
      name: `${r.lastName} ${r.firstName}`,
      maskedNationalNumber: maskNationalNumber(r.nationalNumber),
      agency: r.agency.label,
    })),
  };
}
