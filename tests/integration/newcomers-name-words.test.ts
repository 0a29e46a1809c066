// Issue 18: a plain name search reads the name words the data layer keeps (newcomer_name_word,
// name_word: prisma/sql/reports/90-name-words.sql; lib/server/dossiers/name-word-search.ts). The
// words must follow every write of a newcomer (insert one or many, rename, move to another agency,
// delete), the dictionary must lose the words nobody has any more, and a list page and count
// through the words must be exactly those of the list's own WHERE (every typed word occurs in the
// search name) — every sort, pages below and past the count cap, two words, a newcomer whose two
// words both match, STAFF of one agency and ADMIN over all.
import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db";
import { COUNT_CAP, listNewcomers, newcomerListQueries, PAGE_SIZE } from "@/lib/server/dossiers/list-newcomers";
import { planNameWordSearch } from "@/lib/server/dossiers/name-word-search";
import { listNewcomersSchema, SORTS } from "@/lib/server/dossiers/newcomer.schema";
import { createTestAgency, createTestUser, type TestAgency } from "../support/factories";

/** Eight random lower-case letters: a name part no other test's newcomer has. */
const letters = () => Array.from(crypto.randomBytes(8), (b) => String.fromCharCode(97 + (b % 26))).join("");

/** n newcomers "<last> <first name of letters from i>" in one INSERT (one statement: the trigger's transition table holds them all). */
async function insertMany(agency: TestAgency, last: string, n: number, firstNumber: number, first = Prisma.sql`''`) {
  await db.$executeRaw(Prisma.sql`
    INSERT INTO newcomer (id, national_number, last_name, first_name, search_name, birth_date, gender, nationality_code, nationality_group,
                          residence_status_code, target_group, office_code, agency_code, updated_at)
    SELECT gen_random_uuid(), lpad((${firstNumber}::bigint + i)::text, 11, '0'), ${last}, f, lower(${last} || ' ' || f),
           date '1960-01-01' + (i * 7919 % 15000), 'M', 'MAR', 'DERDELANDER', 'GEZINSHERENIGING_BELG', 'PLICHT',
           CASE WHEN i % 3 = 0 THEN ${agency.secondOfficeCode} ELSE ${agency.officeCode} END, ${agency.agencyCode}, now()
    FROM generate_series(1, ${n}) AS i,
         LATERAL (SELECT ${first} || chr(97 + i % 26) || chr(97 + (i / 26) % 26) || chr(97 + (i / 676) % 26) AS f) x`);
}

/** The words as derived from the newcomer rows of these agencies, and as kept. */
async function wordsOf(agencies: string[]) {
  const derived = await db.$queryRaw<{ w: string }[]>(Prisma.sql`
    SELECT DISTINCT x.word || '|' || n.agency_code || '|' || n.search_name || '|' || n.id AS w
      FROM newcomer n CROSS JOIN LATERAL unnest(string_to_array(n.search_name, ' ')) AS x(word)
     WHERE n.agency_code = ANY(${agencies}::text[]) AND x.word <> '' ORDER BY 1`);
  const kept = await db.$queryRaw<{ w: string }[]>(Prisma.sql`
    SELECT w.word || '|' || w.agency_code || '|' || w.search_name || '|' || w.newcomer_id AS w
      FROM newcomer_name_word w LEFT JOIN newcomer n ON n.id = w.newcomer_id
     WHERE n.agency_code = ANY(${agencies}::text[]) OR w.agency_code = ANY(${agencies}::text[]) ORDER BY 1`);
  return { derived: derived.map((r) => r.w), kept: kept.map((r) => r.w) };
}

const inDictionary = async (word: string) => (await db.nameWord.count({ where: { word } })) === 1;

describe("name words", () => {
  it("follow every write of a newcomer, and the dictionary loses the words nobody has", async () => {
    const [a, b] = [await createTestAgency(), await createTestAgency()];
    const tag = letters();
    const base = 20_000_000_000 + Math.floor(Math.random() * 400_000) * 20_000;
    await insertMany(a, `Een${tag}`, 30, base);
    await insertMany(b, `Twee${tag}`, 5, base + 100);
    let words = await wordsOf([a.agencyCode, b.agencyCode]);
    expect(words.kept).toEqual(words.derived);
    expect(words.kept.length).toBe(2 * 35);
    expect(await inDictionary(`een${tag}`)).toBe(true);

    const one = await db.newcomer.findFirstOrThrow({ where: { agencyCode: a.agencyCode }, orderBy: { searchName: "asc" } });
    // renamed: the old words go, the new ones come (and reach the dictionary)
    await db.newcomer.update({ where: { id: one.id }, data: { lastName: `Nieuw${tag}`, searchName: `nieuw${tag} de ${one.firstName}` } });
    // moved to the other agency (with an office of it)
    const other = await db.newcomer.findFirstOrThrow({ where: { agencyCode: a.agencyCode, id: { not: one.id } } });
    await db.$executeRaw(Prisma.sql`UPDATE newcomer SET agency_code = ${b.agencyCode}, office_code = ${b.officeCode} WHERE id = ${other.id}::uuid`);
    // an update that changes neither name nor agency leaves the words alone
    await db.newcomer.update({ where: { id: one.id }, data: { city: "Gent" } });
    // deleted: its words with it
    const gone = await db.newcomer.findFirstOrThrow({ where: { agencyCode: b.agencyCode, searchName: { startsWith: `twee${tag}` } } });
    await db.newcomer.delete({ where: { id: gone.id } });

    words = await wordsOf([a.agencyCode, b.agencyCode]);
    expect(words.kept).toEqual(words.derived);
    expect(words.kept.filter((w) => w.endsWith(`|${other.id}`)).every((w) => w.includes(`|${b.agencyCode}|`))).toBe(true);
    expect(words.kept.some((w) => w.endsWith(`|${gone.id}`))).toBe(false);
    expect(await inDictionary(`nieuw${tag}`)).toBe(true);

    // the last newcomer with a word renamed: the word stays in the dictionary until the purge, then goes; words in use stay
    await db.newcomer.update({ where: { id: one.id }, data: { searchName: `ander${tag} ${one.firstName}` } });
    expect(await inDictionary(`nieuw${tag}`)).toBe(true);
    const [purged] = await db.$queryRaw<{ n: number }[]>(Prisma.sql`SELECT name_word_purge() AS n`);
    expect(purged!.n).toBeGreaterThanOrEqual(1);
    expect(await inDictionary(`nieuw${tag}`)).toBe(false);
    expect(await inDictionary(`ander${tag}`)).toBe(true);
    expect(await inDictionary(`een${tag}`)).toBe(true);
  });

  it("give a plain name search the page and the count of the list's WHERE, for every sort and page", async () => {
    const [a, b] = [await createTestAgency(), await createTestAgency()];
    const staff = await createTestUser("STAFF", a);
    const admin = await createTestUser("ADMIN");
    const tag = letters();
    const base = 30_000_000_000 + Math.floor(Math.random() * 400_000) * 20_000;
    await insertMany(a, `Veel${tag}`, COUNT_CAP + 40, base);
    await insertMany(a, `Weinig${tag}`, 3 * PAGE_SIZE + 7, base + 12_000);
    await insertMany(b, `Weinig${tag}`, 11, base + 13_000);
    // two words that both hold the tag: one newcomer, counted and listed once
    await insertMany(a, `Dub${tag}x`, 6, base + 14_000, Prisma.sql`${`${tag}dub`}`);

    const cases: [string, number[]][] = [
      [`weinig${tag}`, [1, 2, 4, 5]],
      [`veel${tag}`, [1, 3]],
      [tag, [1, 2]],
      [`dub${tag}`, [1]],
      [`weinig${tag} ab`, [1]],
      [`${tag.slice(1, 6)} Veel`, [1, 2]],
      [`zz${tag}`, [1]],
    ];
    for (const actor of [staff, admin]) {
      for (const [q, pages] of cases) {
        for (const sort of SORTS) {
          for (const page of pages) {
            const query = listNewcomersSchema.parse({ q, sort, page: String(page) });
            expect(await planNameWordSearch(query), q).toMatchObject({ words: expect.any(Array) });
            const sql = newcomerListQueries(actor, query);
            const expectedRows = (await db.$queryRaw<{ id: string }[]>(sql.rows)).map((r) => r.id);
            const expectedTotal = Number((await db.$queryRaw<{ c: bigint }[]>(sql.count))[0]!.c);
            const list = await listNewcomers(actor, { q, sort, page: String(page) });
            const label = `${actor.role} ${q} ${sort} page ${page}`;
            expect(
              list.rows.map((r) => r.id),
              label,
            ).toEqual(expectedRows);
            expect(list.total, label).toBe(Math.min(expectedTotal, COUNT_CAP));
            expect(list.totalCapped, label).toBe(expectedTotal > COUNT_CAP);
          }
        }
      }
    }
    // the numbers the cases rest on
    expect((await listNewcomers(staff, { q: `weinig${tag}` })).total).toBe(3 * PAGE_SIZE + 7);
    expect((await listNewcomers(admin, { q: `weinig${tag}` })).total).toBe(3 * PAGE_SIZE + 7 + 11);
    expect((await listNewcomers(staff, { q: `dub${tag}` })).total).toBe(6);
    expect((await listNewcomers(staff, { q: tag })).totalCapped).toBe(true);
  });
});
