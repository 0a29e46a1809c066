// A search by name takes one pass over its matches (newcomerListQueries().search) instead of two
// statements. It must give exactly the page and the count the two statements give, for every
// sort and page — and past the count cap, where the matches it keeps are not all of them, the
// page must still be the true first page (it then comes from the `rows` statement).
import { Prisma } from "@/lib/generated/prisma/client";
import { describe, expect, it } from "vitest";
import { SORTS } from "@/lib/server/dossiers/newcomer.schema";
import { COUNT_CAP, listNewcomers, newcomerListQueries, PAGE_SIZE } from "@/lib/server/dossiers/list-newcomers";
import { listNewcomersSchema } from "@/lib/server/dossiers/newcomer.schema";
import { db } from "@/lib/server/db";
import { createTestAgency, createTestUser, type TestAgency } from "../support/factories";

/** n newcomers named <prefix><i>, inserted in one statement (national numbers unique, not checked here). */
async function insertMany(agency: TestAgency, prefix: string, n: number, firstNumber: number) {
  await db.$executeRaw(Prisma.sql`
    INSERT INTO newcomer (id, national_number, last_name, first_name, search_name, birth_date, gender, nationality_code, nationality_group,
                          residence_status_code, target_group, office_code, agency_code, updated_at)
    SELECT gen_random_uuid(), lpad((${firstNumber}::bigint + i)::text, 11, '0'), ${prefix} || i, 'Voornaam', lower(${prefix} || i || ' voornaam'),
           date '1960-01-01' + (i * 7919 % 15000), 'M', 'MAR', 'DERDELANDER', 'GEZINSHERENIGING_BELG', 'PLICHT',
           CASE WHEN i % 3 = 0 THEN ${agency.secondOfficeCode} ELSE ${agency.officeCode} END, ${agency.agencyCode}, now()
    FROM generate_series(1, ${n}) AS i`);
}

describe("name search in one pass", () => {
  it("gives the page and the count of the two statements, for every sort and page, below and past the cap", async () => {
    const agency = await createTestAgency();
    const staff = await createTestUser("STAFF", agency);
    const few = `Weinig${agency.agencyCode.slice(2, 6)}`;
    const many = `Veel${agency.agencyCode.slice(2, 6)}`;
    // 11 digits: 10,000,000,000 + at most 400,000 × 20,000 (lpad would cut a 12th digit and collide)
    const base = 10_000_000_000 + Math.floor(Math.random() * 400_000) * 20_000;
    await insertMany(agency, few, 3 * PAGE_SIZE + 7, base);
    await insertMany(agency, many, COUNT_CAP + 40, base + 10_000);

    for (const [q, pages] of [
      [few.toLowerCase(), [1, 2, 4, 5]],
      [many.toLowerCase(), [1, 3]],
    ] as const) {
      for (const sort of SORTS) {
        for (const page of pages) {
          const query = listNewcomersSchema.parse({ q, sort, page: String(page) });
          const sql = newcomerListQueries(staff, query);
          const expectedRows = (await db.$queryRaw<{ id: string }[]>(sql.rows)).map((r) => r.id);
          const expectedTotal = Number((await db.$queryRaw<{ c: bigint }[]>(sql.count))[0]!.c);
          const list = await listNewcomers(staff, { q, sort, page: String(page) });
          expect(
            list.rows.map((r) => r.id),
            `${q} ${sort} page ${page}`,
          ).toEqual(expectedRows);
          expect(list.total).toBe(Math.min(expectedTotal, COUNT_CAP));
          expect(list.totalCapped).toBe(expectedTotal > COUNT_CAP);
        }
      }
    }
    const firstPage = await listNewcomers(staff, { q: few, sort: "naam" });
    expect(firstPage.total).toBe(3 * PAGE_SIZE + 7);
    expect(firstPage.rows[0]!.lastName).toBe(`${few}1`);
    const pastTheEnd = await listNewcomers(staff, { q: few, page: "9" });
    expect(pastTheEnd.rows).toEqual([]);
    expect(pastTheEnd.total).toBe(3 * PAGE_SIZE + 7);
  });
});
