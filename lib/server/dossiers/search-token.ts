import "server-only";
// A dossier search by national number is kept here, not in the URL (proxy logs, browser
// history): the search form posts, and the results page is /dossiers?zoek=<opaque id>. A token
// only works for the user who made it, and for as long as a session lasts (8 hours).
import { isUuid } from "@/lib/domain/kit";
import { looksLikeNationalNumber } from "@/lib/domain/search-name";
import type { Actor } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/db";

const LIFETIME_MS = 8 * 60 * 60 * 1000;

/**
 * A query that is a national number — 11 digits with or without dots, dashes, spaces — or a part
 * of one (the search matches number prefixes, and a birth-date prefix is personal data too).
 */
export const isNationalNumberQuery = (q: string): boolean => looksLikeNationalNumber(q);

export async function createSearchToken(actor: Actor, query: string): Promise<string> {
  const cutoff = new Date(Date.now() - LIFETIME_MS);
  // expired tokens of this user go when a new one is made: the table stays small without a job
  await db.searchToken.deleteMany({ where: { userId: actor.userId, createdAt: { lt: cutoff } } });
  const row = await db.searchToken.create({ data: { userId: actor.userId, query }, select: { id: true } });
  return row.id;
}

/** The query behind a token, or null when it is unknown, expired or someone else's. */
export async function resolveSearchToken(actor: Actor, token: string): Promise<string | null> {
  if (!isUuid(token)) return null;
  const row = await db.searchToken.findFirst({
    where: { id: token, userId: actor.userId, createdAt: { gte: new Date(Date.now() - LIFETIME_MS) } },
    select: { query: true },
  });
  return row?.query ?? null;
}
