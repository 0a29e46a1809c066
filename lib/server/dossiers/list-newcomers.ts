import "server-only";
// The newcomer list: search by name fragment (accent- and case-insensitive, every word must
// occur; a plain name search through the name words, name-word-search.ts, else the trigram
// index) or by national number (with or without dots and dashes, prefix through the unique
// index), filters, sorting and pagination, always within the actor's scope. Built as one SQL
// query so that it stays on indexes at a million newcomers (bench/dossiers.bench.ts).
import { maskNationalNumber } from "@/lib/domain/national-number";
import { classifySearchQuery, type SearchQuery } from "@/lib/domain/search-name";
import { escapeLike } from "@/lib/domain/validation/like";
import type { TrackStep } from "@/lib/domain/track/track-rules";
import { Prisma } from "@/lib/generated/prisma/client";
import { newcomerScopeSql, officeScope } from "@/lib/server/access/scope";
import { assertCan, type Actor } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/db";
import { listNewcomersSchema, type ListNewcomersQuery, type TrackStatusFilter } from "./newcomer.schema";
import { parseInput } from "@/lib/server/kit/parse-input";
import { nameWordCount, nameWordIds, nameWordPageIds, type NameWordPlan, planNameWordSearch } from "./name-word-search";
import type { Tx } from "@/lib/server/kit/tx";

export const PAGE_SIZE = 25;
/** Counting stops here: "more than 10.000" is all a person needs to know to refine a search. */
export const COUNT_CAP = 10_000;
/** Up to this many matches of a status or year filter, the page sorts the matches rather than walking an index in order. */
const FEW_MATCHES = 2_000;

const ORDER: Record<ListNewcomersQuery["sort"], Prisma.Sql> = {
  naam: Prisma.sql`n.search_name ASC, n.id ASC`,
  "-naam": Prisma.sql`n.search_name DESC, n.id DESC`,
  geboortedatum: Prisma.sql`n.birth_date ASC, n.id ASC`,
  "-geboortedatum": Prisma.sql`n.birth_date DESC, n.id DESC`,
  nieuwste: Prisma.sql`n.created_at DESC, n.id DESC`,
};

/**
 * The steps as enum literals written in the statement (not parameters): the planner then knows
 * the values, uses `type` as an index condition and estimates the filters well — with an
 * array parameter the "extraction year + status" list ran 4–6× slower (bench/dossiers.bench.ts).
 */
export const STEP_LITERAL: Record<TrackStep, Prisma.Sql> = {
  EXTRACTION: Prisma.sql`'EXTRACTION'::"EventType"`,
  INVITATION: Prisma.sql`'INVITATION'::"EventType"`,
  REGISTRATION: Prisma.sql`'REGISTRATION'::"EventType"`,
  CONTRACT: Prisma.sql`'CONTRACT'::"EventType"`,
  ATTESTATION: Prisma.sql`'ATTESTATION'::"EventType"`,
};

/**
 * The furthest step reached is `status`: the track state kept on the newcomer by the data layer
 * (`newcomer.track_status`, prisma/sql/reports/80-track-state.sql), so the filter and its count are
 * a range of `newcomer_track_state_idx` rather than three EXISTS probes per matching newcomer
 * (0,4–1,2 s at a million newcomers, bench/dossiers.bench.ts).
 */
function statusFilter(status: TrackStatusFilter): Prisma.Sql {
  if (status === "GEEN") return Prisma.sql`n.track_status IS NULL`;
  return Prisma.sql`n.track_status = ${STEP_LITERAL[status]}`;
}

/** The search text as conditions: a birth date, a name with a birth year, a (partial) national number, or every word of a name. */
function searchFilter(search: SearchQuery): Prisma.Sql[] {
  switch (search.kind) {
    // a birth date (dd/mm/jjjj) finds everyone born that day; a name with a year, those of that name born that year
    case "birth-date":
      return [Prisma.sql`n.birth_date = ${search.date}::date`];
    case "name-and-year": {
      const range = Prisma.sql`n.birth_date >= ${`${search.year}-01-01`}::date AND n.birth_date < ${`${search.year + 1}-01-01`}::date`;
      return [range, ...searchFilter(search.rest)];
    }
    case "national-number": {
      const digits = search.digits;
      // a merged dossier's other number (newcomer_alias, issue 14) still finds the person: two
      // index lookups, one per unique index, rather than an OR the planner cannot seek
      if (digits.length === 11) {
        return [
          Prisma.sql`n.id IN (SELECT x.id FROM newcomer x WHERE x.national_number = ${digits}
          UNION ALL SELECT a.newcomer_id FROM newcomer_alias a WHERE a.national_number = ${digits})`,
        ];
      }
      const [low, high] = [digits.padEnd(11, "0"), digits.padEnd(11, "9")];
      return [
        Prisma.sql`n.id IN (SELECT x.id FROM newcomer x WHERE x.national_number BETWEEN ${low} AND ${high}
        UNION ALL SELECT a.newcomer_id FROM newcomer_alias a WHERE a.national_number BETWEEN ${low} AND ${high})`,
      ];
    }
    case "name": {
      // only [a-z0-9] remain after normalising, so no LIKE wildcard can slip in here
      const conditions = search.words.map((w) => Prisma.sql`n.search_name LIKE ${`%${w}%`}`);
      // Normalising drops %, _ and \, so "%" alone searched for nothing and listed everyone: a word
      // holding one is matched literally in the name as written (case-insensitively).
      for (const token of search.literal) {
        conditions.push(Prisma.sql`(n.last_name || ' ' || n.first_name) ILIKE ${`%${escapeLike(token)}%`} ESCAPE '\\'`);
      }
      // text without a single searchable character ("?!") finds nobody rather than everybody
      return conditions.length > 0 ? conditions : [Prisma.sql`FALSE`];
    }
  }
}

export function newcomerListWhere(actor: Actor, query: ListNewcomersQuery): Prisma.Sql {
  const conditions: Prisma.Sql[] = [newcomerScopeSql(actor)];
  if (query.q) conditions.push(...searchFilter(classifySearchQuery(query.q)));
  if (query.office) conditions.push(Prisma.sql`n.office_code = ${query.office}`);
  if (query.targetGroup) conditions.push(Prisma.sql`n.target_group = ${query.targetGroup}::"TargetGroup"`);
  if (query.status) conditions.push(statusFilter(query.status));
  // the year of the first live extraction (as the reports count it), kept on the newcomer like the status
  if (query.extractionYear) conditions.push(Prisma.sql`n.extraction_year = ${query.extractionYear}::smallint`);
  return Prisma.join(conditions, " AND ");
}

interface Row {
  id: string;
  national_number: string;
  last_name: string;
  first_name: string;
  birth_date: Date;
  gender: string;
  office_code: string;
  office_label: string;
  target_group: string;
  status: string | null;
}

/** What a list row shows, over `newcomer n` joined with `office o`. */
const rowColumns = () => Prisma.sql`
  n.id, n.national_number, n.last_name, n.first_name, n.birth_date, n.gender::text AS gender, n.office_code, o.label AS office_label,
  n.target_group::text AS target_group, n.track_status::text AS status`;

/**
 * The statements of one list page (the bench runs exactly these): `rows` and the capped `count`,
 * and for a search by name `search`, which does both in one pass. A name search matches a few
 * hundred to a few thousand newcomers through the trigram index; as two statements PostgreSQL
 * read them twice, and for the page it often walked the name index in order filtering every row
 * (35–110 ms for a common name at AGII, against 5–7 ms here). `search` collects the matches once
 * (at most COUNT_CAP + 1), counts them and sorts only those; when there are more than the cap
 * the matches it kept are not all of them, so the page then comes from `rows`.
 */
export function newcomerListQueries(actor: Actor, query: ListNewcomersQuery): { rows: Prisma.Sql; count: Prisma.Sql; search: Prisma.Sql } {
  const where = newcomerListWhere(actor, query);
  return {
    rows: Prisma.sql`
      SELECT ${rowColumns()}
      FROM newcomer n JOIN office o ON o.code = n.office_code
      WHERE ${where}
      ORDER BY ${ORDER[query.sort]}
      LIMIT ${PAGE_SIZE} OFFSET ${pageOffset(query)}`,
    count: Prisma.sql`SELECT count(*) AS c FROM (SELECT 1 FROM newcomer n WHERE ${where} LIMIT ${COUNT_CAP + 1}) t`,
    search: collectedPage(query, where),
  };
}

const pageOffset = (query: ListNewcomersQuery) => (query.page - 1) * PAGE_SIZE;

/** The list rows of the ids in the statement's CTE `page`, in the list's order; `extra`: more columns before them. */
function rowsOfPage(query: ListNewcomersQuery, extra = Prisma.empty): Prisma.Sql {
  return Prisma.sql`
      SELECT ${extra} ${rowColumns()}
      FROM page JOIN newcomer n ON n.id = page.id JOIN office o ON o.code = n.office_code
      ORDER BY ${ORDER[query.sort]}`;
}

/** The page of the matches of `where` (at most COUNT_CAP + 1, collected once), sorted, with their number: `search` above. */
function collectedPage(query: ListNewcomersQuery, where: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
      WITH m AS MATERIALIZED (
        SELECT n.id, n.search_name, n.birth_date, n.created_at FROM newcomer n WHERE ${where} LIMIT ${COUNT_CAP + 1}),
      page AS (SELECT n.id FROM m n ORDER BY ${ORDER[query.sort]} LIMIT ${PAGE_SIZE} OFFSET ${pageOffset(query)})
      ${rowsOfPage(query, Prisma.sql`(SELECT count(*) FROM m) AS total,`)}`;
}

/** The number a capped count statement (`SELECT count(*) AS c …`) returns. */
async function countOf(count: Prisma.Sql): Promise<number> {
  return Number((await db.$queryRaw<{ c: bigint }[]>(count))[0]?.c ?? 0);
}

/**
 * Count first, then the page: of the matches collected and sorted (`search`) when there are at most
 * `collectUpTo`, else walking the sort order's index (`rows`); nothing to read when there are none.
 */
async function countThenPage(sql: ReturnType<typeof newcomerListQueries>, collectUpTo: number): Promise<{ rows: Row[]; total: number }> {
  const total = await countOf(sql.count);
  if (total === 0) return { rows: [], total };
  return { rows: await db.$queryRaw<Row[]>(total <= collectUpTo ? sql.search : sql.rows), total };
}

/** The capped count a list page runs: of the name words for a plain name search, else of the list's WHERE. */
export async function newcomerListCount(actor: Actor, query: ListNewcomersQuery): Promise<Prisma.Sql> {
  const plan = query.q ? await planNameWordSearch(query) : null;
  return plan && plan !== "common" ? nameWordCount(actor, plan, COUNT_CAP) : newcomerListQueries(actor, query).count;
}

/** A plain name search through the name words: the count, and the page in name order; another sort's page as below. */
async function nameWordPage(actor: Actor, query: ListNewcomersQuery, plan: NameWordPlan, sql: ReturnType<typeof newcomerListQueries>) {
  const total = await countOf(nameWordCount(actor, plan, COUNT_CAP));
  if (total === 0) return { rows: [], total };
  if (query.sort === "naam" || query.sort === "-naam") {
    const ids = nameWordPageIds(actor, plan, query.sort === "-naam", pageOffset(query), PAGE_SIZE);
    return { rows: await db.$queryRaw<Row[]>(Prisma.sql`WITH page AS (${ids}) ${rowsOfPage(query)}`), total };
  }
  // birth date or newest: few matches are collected by their ids (from the words) and sorted, many walk that order's index
  const few = collectedPage(query, Prisma.sql`n.id IN (${nameWordIds(actor, plan)})`);
  return { rows: await db.$queryRaw<Row[]>(total <= COUNT_CAP ? few : sql.rows), total };
}

async function pageRows(actor: Actor, query: ListNewcomersQuery, sql: ReturnType<typeof newcomerListQueries>): Promise<{ rows: Row[]; total: number }> {
  if (query.q) {
    const plan = await planNameWordSearch(query);
    if (plan === "common") {
      // a fragment in most names ("a"): the count walks the name index and stops at the cap at
      // once, and so does the page in that order; collecting 10,001 matches first would cost more
      return countThenPage(sql, COUNT_CAP);
    }
    if (plan) return nameWordPage(actor, query, plan, sql);
    const found = await db.$queryRaw<(Row & { total: bigint })[]>(sql.search);
    // no row on this page: the count alone (a page past the end, or nothing found)
    const total = found.length ? Number(found[0]!.total) : await countOf(sql.count);
    if (total <= COUNT_CAP) return { rows: found, total };
    return { rows: await db.$queryRaw<Row[]>(sql.rows), total };
  }
  if (query.status || query.extractionYear) {
    // A status or year can match a few newcomers among a million: walking the sort order's index
    // for 25 of them could read most of it. The count (an index-only range of newcomer_track_state_idx)
    // says which: few matches are collected and sorted (`search`), many are walked in order (`rows`).
    return countThenPage(sql, FEW_MATCHES);
  }
  const [rows, total] = await Promise.all([db.$queryRaw<Row[]>(sql.rows), countOf(sql.count)]);
  return { rows, total };
}

export async function listNewcomers(actor: Actor, input: unknown) {
  const parsed = parseInput(listNewcomersSchema, input);
  const query = parsed;
  const { rows, total } = await pageRows(actor, query, newcomerListQueries(actor, query));
  return {
    query,
    rows: rows.map((r) => ({
      id: r.id,
      maskedNationalNumber: maskNationalNumber(r.national_number),
      lastName: r.last_name,
      firstName: r.first_name,
      birthDate: r.birth_date.toISOString().slice(0, 10),
      gender: r.gender,
      officeCode: r.office_code,
      officeLabel: r.office_label,
      targetGroup: r.target_group,
      status: r.status,
    })),
    total: Math.min(total, COUNT_CAP),
    totalCapped: total > COUNT_CAP,
    pageSize: PAGE_SIZE,
  };
}

/** Offices and extraction years the list can filter on, within the actor's scope. */
export async function listNewcomerFilterOptions(actor: Actor) {
  assertCan(actor, "dossier.read");
  const offices = await db.office.findMany({
    where: officeScope(actor),
    select: { code: true, label: true, agencyCode: true },
    orderBy: [{ agencyCode: "asc" }, { label: "asc" }],
  });
  return { offices };
}

/**
 * Every row of the list in its order (the page's filters and sort), up to `limit`: the export
 * (lib/server/lists/list-exports.ts), read in the caller's transaction. The same WHERE and ORDER as
 * the page, one statement.
 */
export async function allNewcomerListRows(tx: Tx, actor: Actor, query: ListNewcomersQuery, limit: number) {
  assertCan(actor, "dossier.read");
  const rows = await tx.$queryRaw<Row[]>(Prisma.sql`
    SELECT ${rowColumns()}
    FROM newcomer n JOIN office o ON o.code = n.office_code
    WHERE ${newcomerListWhere(actor, query)}
    ORDER BY ${ORDER[query.sort]}
    LIMIT ${limit}`);
  return rows.map((r) => ({
    id: r.id,
    maskedNationalNumber: maskNationalNumber(r.national_number),
    lastName: r.last_name,
    firstName: r.first_name,
    birthDate: r.birth_date.toISOString().slice(0, 10),
    gender: r.gender,
    officeLabel: r.office_label,
    targetGroup: r.target_group,
    status: r.status,
  }));
}
