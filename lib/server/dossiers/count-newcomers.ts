import "server-only";
// The exact count of the dossier list, asked for with "Exact tellen" (?telling=exact) when the
// list says "meer dan 10.000" (issue 14: a fast, honest "more than N" with a way to get the exact
// count). The list's own WHERE (newcomerListWhere), without the cap; the page's fast capped count
// stays in list-newcomers.ts.
import { Prisma } from "@/lib/generated/prisma/client";
import { assertCan, type Actor } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/db";
import { parseInput } from "@/lib/server/kit/parse-input";
import { newcomerListWhere } from "./list-newcomers";
import { listNewcomersSchema } from "./newcomer.schema";

export async function countNewcomersExact(actor: Actor, input: unknown): Promise<number> {
  assertCan(actor, "dossier.read");
  const query = parseInput(listNewcomersSchema, input);
  const rows = await db.$queryRaw<{ c: bigint }[]>(Prisma.sql`SELECT count(*) AS c FROM newcomer n WHERE ${newcomerListWhere(actor, query)}`);
  return Number(rows[0]?.c ?? 0);
}
