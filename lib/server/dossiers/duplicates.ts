import "server-only";
// Likely duplicate persons (issue 14): same name (accents and case ignored, search_name) and same
// birth date, found by the database through newcomer_search_name_birth_date_idx — the dossier
// page seeks its own key, the admin list groups the index (count included) and loads only the
// groups of its page. Always within the actor's scope; why two match: lib/domain/duplicates.ts.
import { duplicateReason, type DuplicateReason } from "@/lib/domain/duplicates";
import { isoOf } from "@/lib/domain/kit";
import { maskNationalNumber } from "@/lib/domain/national-number";
import { Prisma } from "@/lib/generated/prisma/client";
import { newcomerScopeSql } from "@/lib/server/access/scope";
import { assertCan, type Actor } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/db";
import type { Tx } from "@/lib/server/kit/tx";

export const DUPLICATE_PAGE_SIZE = 25;

export interface DuplicateRow {
  id: string;
  lastName: string;
  firstName: string;
  birthDate: string;
  maskedNationalNumber: string;
  officeLabel: string;
  agencyCode: string;
  reason: DuplicateReason;
}

interface Row {
  id: string;
  national_number: string;
  last_name: string;
  first_name: string;
  search_name: string;
  birth_date: Date;
  office_label: string;
  agency_code: string;
}

const columns = Prisma.sql`n.id, n.national_number, n.last_name, n.first_name, n.search_name, n.birth_date, o.label AS office_label, n.agency_code`;

function toDuplicate(r: Row, of: { searchName: string; birthDate: string; nationalNumber: string }): DuplicateRow | null {
  const reason = duplicateReason(of, { searchName: r.search_name, birthDate: isoOf(r.birth_date), nationalNumber: r.national_number });
  if (!reason) return null;
  return {
    id: r.id,
    lastName: r.last_name,
    firstName: r.first_name,
    birthDate: isoOf(r.birth_date),
    maskedNationalNumber: maskNationalNumber(r.national_number),
    officeLabel: r.office_label,
    agencyCode: r.agency_code,
    reason,
  };
}

/** The other dossiers in the actor's scope that are likely the same person as this one (an index seek). */
export async function duplicatesOf(tx: Tx, actor: Actor, n: { id: string; searchName: string; birthDate: Date; nationalNumber: string }) {
  const rows = await tx.$queryRaw<Row[]>(Prisma.sql`
    SELECT ${columns} FROM newcomer n JOIN office o ON o.code = n.office_code
    WHERE n.search_name = ${n.searchName} AND n.birth_date = ${n.birthDate}::date AND n.id <> ${n.id}::uuid AND ${newcomerScopeSql(actor)}
    ORDER BY n.created_at, n.id LIMIT 20`);
  const of = { searchName: n.searchName, birthDate: isoOf(n.birthDate), nationalNumber: n.nationalNumber };
  return rows.map((r) => toDuplicate(r, of)).filter((d): d is DuplicateRow => d !== null);
}

export interface DuplicateGroup {
  birthDate: string;
  members: (DuplicateRow & { reason: DuplicateReason | null })[];
  /** a BIS number and a national number in the group */
  bisAndNational: boolean;
}

/**
 * The admin list: every group of dossiers that share name and birth date, paged, with the true
 * number of groups. The grouping runs over the index only (no table rows are read for it).
 */
export async function listDuplicateGroups(actor: Actor, input: { page?: unknown }) {
  assertCan(actor, "dossier.merge");
  const page = Math.min(Math.max(1, Math.trunc(Number(input.page)) || 1), 100_000);
  const keys = await db.$queryRaw<{ search_name: string; birth_date: Date; total: bigint }[]>(Prisma.sql`
    WITH g AS (SELECT n.search_name, n.birth_date FROM newcomer n WHERE ${newcomerScopeSql(actor)} GROUP BY 1, 2 HAVING count(*) > 1)
    SELECT g.search_name, g.birth_date, (SELECT count(*) FROM g) AS total
    FROM g ORDER BY g.search_name, g.birth_date LIMIT ${DUPLICATE_PAGE_SIZE} OFFSET ${(page - 1) * DUPLICATE_PAGE_SIZE}`);
  const total = keys.length ? Number(keys[0]!.total) : Number((await countGroups(actor))[0]?.c ?? 0);
  if (keys.length === 0) return { groups: [] as DuplicateGroup[], total, page, pageSize: DUPLICATE_PAGE_SIZE };
  const pairs = Prisma.join(keys.map((k) => Prisma.sql`(${k.search_name}, ${k.birth_date}::date)`));
  const rows = await db.$queryRaw<Row[]>(Prisma.sql`
    SELECT ${columns} FROM newcomer n JOIN office o ON o.code = n.office_code
    WHERE (n.search_name, n.birth_date) IN (${pairs}) AND ${newcomerScopeSql(actor)}
    ORDER BY n.search_name, n.birth_date, n.created_at, n.id`);
  const groups = keys.map((k): DuplicateGroup => {
    const members = rows.filter((r) => r.search_name === k.search_name && isoOf(r.birth_date) === isoOf(k.birth_date));
    const first = members[0]!;
    const of = { searchName: first.search_name, birthDate: isoOf(first.birth_date), nationalNumber: first.national_number };
    const shown = members.map((r, i) => {
      const d = toDuplicate(r, i === 0 ? { ...of, nationalNumber: members[1]!.national_number } : of)!;
      return d;
    });
    return { birthDate: isoOf(k.birth_date), members: shown, bisAndNational: shown.some((m) => m.reason === "BIS_AND_NATIONAL") };
  });
  return { groups, total, page, pageSize: DUPLICATE_PAGE_SIZE };
}

function countGroups(actor: Actor) {
  return db.$queryRaw<{ c: bigint }[]>(Prisma.sql`
    SELECT count(*) AS c FROM (SELECT 1 FROM newcomer n WHERE ${newcomerScopeSql(actor)} GROUP BY n.search_name, n.birth_date HAVING count(*) > 1) g`);
}
