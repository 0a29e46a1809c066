import "server-only";
// The worklists' queries: each one SQL statement over newcomer (n) and office (o) and the record
// that starts the clock (s; for the per-newcomer clocks its date as kept on n), within the actor's
// scope (newcomerScopeSql), driven from that date through the partial indexes of migrations
// 20261202150000_worklist_indexes and 20261202220200_newcomer_track_state_fill. The deadline
// dates come from lib/domain/track/deadlines.ts as date ranges, so "overdue" is an index range.
import { offsetOf, parseListParams } from "@/lib/domain/lists/list-params";
import { maskNationalNumber } from "@/lib/domain/national-number";
import { type DeadlineKind, deadlineOn, overdueStartRanges } from "@/lib/domain/track/deadlines";
import { isoOf } from "@/lib/domain/kit";
import { Prisma } from "@/lib/generated/prisma/client";
import { todayIso } from "@/lib/i18n/format";
import { newcomerScopeSql } from "@/lib/server/access/scope";
import { assertCan, type Actor } from "@/lib/server/auth/actor";
import { can } from "@/lib/domain/permissions";
import { db } from "@/lib/server/db";
import type { Tx } from "@/lib/server/kit/tx";
import { WORKLIST_COLUMNS, WORKLIST_COUNT_CAP, WORKLIST_PAGE_SIZE, WORKLIST_PERMISSION, WORKLISTS, type Worklist, type WorklistColumn } from "./definitions";

/** The date column of the record that starts the clock, and the deadline it runs to (none: no term). */
const CLOCK: Record<Worklist, DeadlineKind | null> = {
  "niet-aangemeld": "registration",
  "geen-contract": "contract",
  "geen-attest": "attestation",
  "open-inbreuken": null,
  herinneringen: "reminder",
  overdracht: "taxHandover",
};

/** `col` is overdue on `today` under one of the kind's rules (a range per rule, see overdueStartRanges). */
function overdue(col: Prisma.Sql, kind: DeadlineKind, today: string): Prisma.Sql {
  const parts = overdueStartRanges(kind, today).map((r) => {
    const c = [Prisma.sql`${col} <= ${r.latestStart}::date`];
    if (r.from) c.push(Prisma.sql`${col} >= ${r.from}::date`);
    if (r.to) c.push(Prisma.sql`${col} < ${r.to}::date`);
    return Prisma.sql`(${Prisma.join(c, " AND ")})`;
  });
  return Prisma.sql`(${Prisma.join(parts, " OR ")})`;
}

/** FROM … WHERE of a worklist: `s` is the clock's record, `since` its date; event/decision ids when it has them. */
function source(list: Worklist, today: string): { from: Prisma.Sql; where: Prisma.Sql; since: Prisma.Sql; ids: Prisma.Sql; tie: Prisma.Sql } {
  const src = sourceOf(list, today);
  // ties broken in the driving index's own order (type, date, newcomer_id), so no sort of a whole day's records
  const tie = list === "herinneringen" || list === "overdracht" ? Prisma.sql`d.id` : list === "open-inbreuken" ? Prisma.sql`s.newcomer_id` : Prisma.sql`n.id`;
  return { ...src, tie };
}

function sourceOf(list: Worklist, today: string): { from: Prisma.Sql; where: Prisma.Sql; since: Prisma.Sql; ids: Prisma.Sql } {
  // The per-newcomer clocks are the track state the data layer keeps on the newcomer
  // (prisma/sql/reports/80-track-state.sql): the date of the first live record of the type that
  // starts the clock, set only while the obligation is still open. Each list is then one range of
  // a partial index (migration 20261202220200), its count an index-only scan, instead of a probe
  // for the missing record per started clock (1–3 s for the counts on the demo data).
  const pending = (col: Prisma.Sql, extra: Prisma.Sql = Prisma.empty) =>
    Prisma.sql`newcomer n JOIN office o ON o.code = n.office_code WHERE ${col} IS NOT NULL ${extra}`;
  const eventIds = Prisma.sql`s.id AS event_id, NULL::uuid AS decision_id, NULL::int AS amount_eur`;
  const noIds = Prisma.sql`NULL::uuid AS event_id, NULL::uuid AS decision_id, NULL::int AS amount_eur`;
  switch (list) {
    case "niet-aangemeld": {
      // obliged newcomers only; one whose NIET_TIJDIG_AANGEMELD dossier is open is being dealt with (the kept date is then NULL)
      const col = Prisma.sql`n.awaiting_registration_since`;
      return { from: pending(col, Prisma.sql`AND n.target_group = 'PLICHT'`), where: overdue(col, "registration", today), since: col, ids: noIds };
    }
    case "geen-contract": {
      const col = Prisma.sql`n.awaiting_contract_since`;
      return { from: pending(col), where: overdue(col, "contract", today), since: col, ids: noIds };
    }
    case "geen-attest": {
      const col = Prisma.sql`n.awaiting_attestation_since`;
      return { from: pending(col), where: overdue(col, "attestation", today), since: col, ids: noIds };
    }
    case "open-inbreuken":
      // a live dossier without a standing decision (lib/domain/fines/decision-state.ts STANDING_STATUSES), as kept in
      // track_event.decision_standing by the data layer: only the open dossiers are in the partial index
      return {
        from: Prisma.sql`track_event s JOIN newcomer n ON n.id = s.newcomer_id JOIN office o ON o.code = n.office_code
          WHERE s.type = 'INFRINGEMENT' AND s.cancelled_at IS NULL AND NOT s.decision_standing`,
        where: Prisma.sql`TRUE`,
        since: Prisma.sql`s.date`,
        ids: eventIds,
      };
    case "herinneringen":
    case "overdracht": {
      // the fine that stands: its live dossier's effective decision (lib/domain/fines/decision-state.ts), kept as
      // infringement_decision.in_force by the data layer, so only fines in force are in the partial indexes
      const open = list === "herinneringen";
      const col = open ? Prisma.sql`d.decided_on` : Prisma.sql`d.reminder_sent_on`;
      return {
        from: Prisma.sql`infringement_decision d JOIN track_event s ON s.id = d.event_id JOIN newcomer n ON n.id = s.newcomer_id
          JOIN office o ON o.code = n.office_code
          WHERE d.status = 'FINAL' AND d.outcome = 'BOETE'
            AND d.payment_status = ${open ? Prisma.sql`'OPEN'::"PaymentStatus"` : Prisma.sql`'HERINNERING'::"PaymentStatus"`}
            AND d.in_force`,
        where: overdue(col, open ? "reminder" : "taxHandover", today),
        since: col,
        ids: Prisma.sql`s.id AS event_id, d.id AS decision_id, d.amount_eur AS amount_eur`,
      };
    }
  }
}

const ORDER: Record<WorklistColumn, (since: Prisma.Sql) => Prisma.Sql> = {
  sinds: (since) => since,
  naam: () => Prisma.sql`n.search_name`,
  geboortedatum: () => Prisma.sql`n.birth_date`,
  kantoor: () => Prisma.sql`o.label`,
};

export interface WorklistQuery {
  page: number;
  sort: WorklistColumn;
  desc: boolean;
  office: string | null;
  exact: boolean;
}

/** A worklist's query from the URL (bounded, unknown values fall back; the office is checked by the scope). */
export function worklistQueryOf(sp: Record<string, string | string[] | undefined>): WorklistQuery {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";
  const office = one(sp.kantoor).slice(0, 64);
  return { ...parseListParams(sp, WORKLIST_COLUMNS), office: /^[A-Za-z0-9_-]+$/.test(office) ? office : null, exact: one(sp.telling) === "exact" };
}

function where(actor: Actor, list: Worklist, query: Pick<WorklistQuery, "office">, today: string, extra?: Prisma.Sql) {
  const src = source(list, today);
  const conditions = [src.where, newcomerScopeSql(actor)];
  if (query.office) conditions.push(Prisma.sql`n.office_code = ${query.office}`);
  if (extra) conditions.push(extra);
  return { src, filter: Prisma.join(conditions, " AND ") };
}

/** The statements of one page (the bench runs exactly these): the rows and the (capped) count. */
export function worklistQueries(actor: Actor, list: Worklist, query: WorklistQuery, today: string, opts: { limit?: number } = {}) {
  assertCan(actor, WORKLIST_PERMISSION[list]);
  const { src, filter } = where(actor, list, query, today);
  const dir = query.desc ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const cap = query.exact ? Prisma.empty : Prisma.sql`LIMIT ${WORKLIST_COUNT_CAP + 1}`;
  return {
    rows: Prisma.sql`
      SELECT n.id, n.national_number, n.last_name, n.first_name, n.birth_date, o.label AS office_label, ${src.since} AS since, ${src.ids}
      FROM ${src.from} AND ${filter}
      ORDER BY ${ORDER[query.sort](src.since)} ${dir}, ${src.tie} ${dir}
      LIMIT ${opts.limit ?? WORKLIST_PAGE_SIZE} OFFSET ${opts.limit ? 0 : offsetOf(query.page, WORKLIST_PAGE_SIZE)}`,
    count: fineCountOverAll(actor, list, query, today, cap) ?? Prisma.sql`SELECT count(*) AS c FROM (SELECT 1 FROM ${src.from} AND ${filter} ${cap}) t`,
  };
}

/**
 * An ADMIN's count of a fines list over every office: the fines alone, an index-only range of
 * their partial index. The joins to the dossier, the newcomer and the office only decide the
 * scope and the office filter, which an admin without an office filter does not have, and the
 * foreign keys guarantee they exist (in_force already says the dossier is live): joined, 10,001
 * fines took 0.19 s at 1 M newcomers.
 */
function fineCountOverAll(actor: Actor, list: Worklist, query: Pick<WorklistQuery, "office">, today: string, cap: Prisma.Sql): Prisma.Sql | null {
  if (actor.role !== "ADMIN" || query.office || (list !== "herinneringen" && list !== "overdracht")) return null;
  const open = list === "herinneringen";
  const col = open ? Prisma.sql`d.decided_on` : Prisma.sql`d.reminder_sent_on`;
  return Prisma.sql`SELECT count(*) AS c FROM (SELECT 1 FROM infringement_decision d
    WHERE d.status = 'FINAL' AND d.outcome = 'BOETE' AND d.in_force
      AND d.payment_status = ${open ? Prisma.sql`'OPEN'::"PaymentStatus"` : Prisma.sql`'HERINNERING'::"PaymentStatus"`}
      AND ${overdue(col, open ? "reminder" : "taxHandover", today)} ${cap}) t`;
}

interface Row {
  id: string;
  national_number: string;
  last_name: string;
  first_name: string;
  birth_date: Date;
  office_label: string;
  since: Date;
  event_id: string | null;
  decision_id: string | null;
  amount_eur: number | null;
}

export async function listWorklist(actor: Actor, list: Worklist, query: WorklistQuery, now = new Date()) {
  const today = todayIso(now);
  const sql = worklistQueries(actor, list, query, today);
  const [rows, count] = await Promise.all([db.$queryRaw<Row[]>(sql.rows), db.$queryRaw<{ c: bigint }[]>(sql.count)]);
  const total = Number(count[0]?.c ?? 0);
  return {
    list,
    query,
    total: query.exact ? total : Math.min(total, WORKLIST_COUNT_CAP),
    totalCapped: !query.exact && total > WORKLIST_COUNT_CAP,
    pageSize: WORKLIST_PAGE_SIZE,
    rows: rows.map(rowView(list)),
  };
}

/** Every row of a worklist in its order, up to `limit` (the export), read in the caller's transaction. */
export async function allWorklistRows(tx: Tx, actor: Actor, list: Worklist, query: WorklistQuery, limit: number, now = new Date()) {
  const rows = await tx.$queryRaw<Row[]>(worklistQueries(actor, list, query, todayIso(now), { limit }).rows);
  return rows.map(rowView(list));
}

function rowView(list: Worklist) {
  const kind = CLOCK[list];
  return (r: Row) => ({
    newcomerId: r.id,
    maskedNationalNumber: maskNationalNumber(r.national_number),
    name: `${r.last_name} ${r.first_name}`,
    birthDate: isoOf(r.birth_date),
    office: r.office_label,
    since: isoOf(r.since),
    dueOn: kind ? deadlineOn(kind, isoOf(r.since)) : null,
    eventId: r.event_id,
    decisionId: r.decision_id,
    amountEur: r.amount_eur,
  });
}

/** The worklists the actor sees with their (capped) counts: the home page. */
export async function worklistCounts(actor: Actor, now = new Date()) {
  const today = todayIso(now);
  const mine = WORKLISTS.filter((l) => can(actor.role, WORKLIST_PERMISSION[l]));
  const query = { page: 1, sort: "sinds" as const, desc: false, office: null, exact: false };
  const counts = await Promise.all(mine.map((l) => db.$queryRaw<{ c: bigint }[]>(worklistQueries(actor, l, query, today).count)));
  return mine.map((list, i) => {
    const c = Number(counts[i]![0]?.c ?? 0);
    return { list, count: Math.min(c, WORKLIST_COUNT_CAP), capped: c > WORKLIST_COUNT_CAP };
  });
}

/** Which of `ids` are on the worklist now (inside a bulk action's transaction, after locking them). */
export async function onWorklist(tx: Tx, actor: Actor, list: Worklist, ids: readonly string[], now = new Date()): Promise<Set<string>> {
  assertCan(actor, WORKLIST_PERMISSION[list]);
  const { src, filter } = where(actor, list, { office: null }, todayIso(now), Prisma.sql`n.id = ANY(${ids as string[]}::uuid[])`);
  const rows = await tx.$queryRaw<{ id: string }[]>(Prisma.sql`SELECT n.id FROM ${src.from} AND ${filter}`);
  return new Set(rows.map((r) => r.id));
}
