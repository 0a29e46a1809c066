import "server-only";
// A plain name search ("kabo", "kabon car": name words only, no other filter) read from the name
// words the data layer keeps (newcomer_name_word, name_word: prisma/sql/reports/90-name-words.sql)
// instead of the newcomer table. The rule is the list's own — every typed word occurs in the search
// name — and it is the same test here: a typed word has no space, so it occurs in the search name
// exactly when it occurs in one of its words. The dictionary turns the typed word into the words
// that contain it ("kabo" → "kabongo"); the count is then an index-only range of those words, and
// a page in name order the first rows of each word's range per agency (the primary key is ordered
// by word, agency, search name, id), merged. At a million newcomers a common surname fragment
// took 45–69 ms to count and 57–423 ms for its first page through the trigram index and the
// table's rows (bench/dossiers.bench.ts); here a few ms (bench/README.md "Dossierlijst").
import { classifySearchQuery } from "@/lib/domain/search-name";
import { Prisma } from "@/lib/generated/prisma/client";
import { newcomerScopeSql } from "@/lib/server/access/scope";
import type { Actor } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/db";
import type { ListNewcomersQuery } from "./newcomer.schema";

/**
 * A typed word found in more dictionary words than this is left to the trigram path: a fragment
 * that common ("a", "an") has its first matches at the start of any name order, where walking the
 * name index is fast, while merging hundreds of word ranges would not be.
 */
export const MAX_NAME_WORDS = 50;

/** How a plain name search runs on the words: the dictionary words of the most selective typed word, and the other typed words. */
export interface NameWordPlan {
  words: string[];
  others: string[];
}

/**
 * The typed words when the query is a plain name search — name words only (classifySearchQuery: no
 * birth date, birth year or national number, no literal wildcard) and no filter — else null.
 */
export function plainNameWords(query: ListNewcomersQuery): string[] | null {
  if (!query.q || query.office || query.targetGroup || query.status || query.extractionYear) return null;
  const search = classifySearchQuery(query.q);
  return search.kind === "name" && search.literal.length === 0 && search.words.length > 0 ? search.words : null;
}

/**
 * The plan for a plain name search; "common" when even its most selective typed word is in more
 * than MAX_NAME_WORDS dictionary words; null when it is no plain name search. One statement over
 * the dictionary (a few thousand rows).
 */
export async function planNameWordSearch(query: ListNewcomersQuery): Promise<NameWordPlan | "common" | null> {
  const typed = plainNameWords(query);
  if (!typed) return null;
  // only [a-z0-9] remain after normalising: no LIKE wildcard in a typed word
  const found = await db.$queryRaw<{ typed: string; words: string[] }[]>(Prisma.sql`
    SELECT t.w AS typed, ARRAY(SELECT d.word FROM name_word d WHERE d.word LIKE '%' || t.w || '%' ORDER BY d.word LIMIT ${MAX_NAME_WORDS + 1}) AS words
      FROM unnest(${typed}::text[]) AS t(w)`);
  const driver = [...found].sort((a, b) => a.words.length - b.words.length)[0]!;
  if (driver.words.length > MAX_NAME_WORDS) return "common";
  return { words: driver.words, others: typed.filter((t) => t !== driver.typed) };
}

/** The conditions on a name word row `n` (alias `n`, so the one scope filter of access/scope.ts applies: the row carries the agency). */
function wordConditions(actor: Actor, plan: NameWordPlan): Prisma.Sql {
  const others = plan.others.map((w) => Prisma.sql`n.search_name LIKE ${`%${w}%`}`);
  return Prisma.join([newcomerScopeSql(actor), ...others], " AND ");
}

/** The matching newcomers' ids (a newcomer with two matching words once). */
export function nameWordIds(actor: Actor, plan: NameWordPlan): Prisma.Sql {
  return Prisma.sql`SELECT DISTINCT n.newcomer_id FROM newcomer_name_word n WHERE n.word = ANY(${plan.words}::text[]) AND ${wordConditions(actor, plan)}`;
}

/** The capped count (at most `cap` + 1 newcomers; a newcomer with two matching words counts once). */
export function nameWordCount(actor: Actor, plan: NameWordPlan, cap: number): Prisma.Sql {
  return Prisma.sql`SELECT count(*) AS c FROM (${nameWordIds(actor, plan)} LIMIT ${cap + 1}) t`;
}

/**
 * The ids of one page in name order (`desc`: "-naam"), with `search_name` to keep the order: of
 * each (word, agency) range the first `offset + size` rows in that order, then of their union the
 * page. The page's rows are among those: a newcomer on it has fewer than `offset + size` others
 * before it overall, so fewer before it in any range that holds it.
 */
export function nameWordPageIds(actor: Actor, plan: NameWordPlan, desc: boolean, offset: number, size: number): Prisma.Sql {
  const dir = desc ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  return Prisma.sql`
    SELECT h.newcomer_id AS id, h.search_name FROM (
      SELECT DISTINCT r.search_name, r.newcomer_id
        FROM unnest(${plan.words}::text[]) AS d(word) CROSS JOIN agency a
        CROSS JOIN LATERAL (
          SELECT n.search_name, n.newcomer_id FROM newcomer_name_word n
           WHERE n.word = d.word AND n.agency_code = a.code AND ${wordConditions(actor, plan)}
           ORDER BY n.search_name ${dir}, n.newcomer_id ${dir} LIMIT ${offset + size}) r) h
    ORDER BY h.search_name ${dir}, h.newcomer_id ${dir}
    LIMIT ${size} OFFSET ${offset}`;
}
