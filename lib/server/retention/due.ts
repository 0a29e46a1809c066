import "server-only";
// Which dossiers the retention rules say are due for anonymisation, and what holds them back
// (lib/domain/retention/rules.ts). One SQL text, read by the dry run, the apply run, the admin page
// and the anonymisation itself (which re-checks under the row lock), so the four never disagree.
import { cutoff, dossierRetention, type HoldKind } from "@/lib/domain/retention/rules";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/server/kit/tx";

/**
 * The last day anything happened in a dossier: its events, their follow-up, decisions and payments;
 * its creation when it has none. Evaluated per newcomer, each part an index probe: the events from
 * the index-only `track_event_newcomer_id_date_dvz_follow_up_on_idx` (migration
 * 20261202200000), the decisions only through the newcomer's INFRINGEMENT events (the only events a
 * decision hangs on: lib/server/fines/load.ts, the import), so most dossiers cost one empty probe.
 */
const lastActivity = Prisma.sql`coalesce(GREATEST(
  (SELECT max(GREATEST(e.date, e.dvz_follow_up_on)) FROM track_event e WHERE e.newcomer_id = n.id),
  (SELECT max(GREATEST(d.decided_on, d.paid_on, d.reminder_sent_on, d.handed_over_on))
     FROM infringement_decision d JOIN track_event e ON e.id = d.event_id WHERE e.newcomer_id = n.id AND e.type = 'INFRINGEMENT')),
  (n.created_at AT TIME ZONE 'Europe/Brussels')::date)`;

/** The legal holds of newcomer `n`, as an array of HoldKind (empty: none). */
const holds = Prisma.sql`array_remove(ARRAY[
  CASE WHEN EXISTS (SELECT 1 FROM track_event e WHERE e.newcomer_id = n.id AND e.type = 'INFRINGEMENT' AND e.cancelled_at IS NULL
                      AND NOT EXISTS (SELECT 1 FROM infringement_decision x WHERE x.event_id = e.id AND x.status = 'FINAL'))
       THEN 'INFRINGEMENT_UNDECIDED' END,
  CASE WHEN EXISTS (SELECT 1 FROM track_event e CROSS JOIN LATERAL (
                      SELECT x.outcome, x.payment_status FROM infringement_decision x WHERE x.event_id = e.id AND x.status = 'FINAL'
                       ORDER BY x.decided_on DESC, x.created_at DESC, x.id DESC LIMIT 1) eff
                     WHERE e.newcomer_id = n.id AND e.type = 'INFRINGEMENT' AND e.cancelled_at IS NULL
                       AND eff.outcome = 'BOETE' AND coalesce(eff.payment_status::text, 'OPEN') NOT IN ('BETAALD', 'OVERGEDRAGEN'))
       THEN 'FINE_UNPAID' END,
  CASE WHEN EXISTS (SELECT 1 FROM track_event e WHERE e.newcomer_id = n.id AND e.type = 'DVZ_ADVICE' AND e.cancelled_at IS NULL
                      AND coalesce(e.dvz_follow_up::text, 'ONBEKEND') = 'ONBEKEND')
       THEN 'DVZ_ADVICE_OPEN' END,
  CASE WHEN EXISTS (SELECT 1 FROM legal_hold h WHERE h.newcomer_id = n.id AND h.removed_at IS NULL) THEN 'ADMIN_HOLD' END
], NULL)`;

export interface DueDossier {
  id: string;
  lastName: string;
  firstName: string;
  agencyCode: string;
  lastActivity: Date;
  holds: HoldKind[];
}

/** The day before which a dossier's last activity makes it due: the rule's cutoff from `now`, or `before` when that is earlier. */
export function dueBefore(now: Date, before?: Date | null): Date {
  const rule = cutoff(dossierRetention.closedDossier, now);
  return before && before < rule ? before : rule;
}

/** The condition "due and not yet anonymised" on newcomer `n`, of one agency or (null) all. */
export const dueCondition = (before: Date, agency: string | null = null) =>
  Prisma.sql`n.anonymised_at IS NULL AND ${lastActivity} < ${before}::date${agency ? Prisma.sql` AND n.agency_code = ${agency}` : Prisma.empty}`;

/**
 * One page of the due dossiers (held ones included, with their holds), in id order after `after`
 * (keyset: page 2 000 costs what page 1 costs, no OFFSET walking over the pages before). The
 * holds are computed for the page's rows only, in the outer query, after the LIMIT.
 */
export async function listDuePage(tx: Tx, before: Date, page: { limit: number; after: string | null }, agency: string | null = null) {
  const after = page.after ? Prisma.sql` AND n.id > ${page.after}::uuid` : Prisma.empty;
  const rows = await tx.$queryRaw<(Omit<DueDossier, "holds"> & { holds: string[] })[]>(Prisma.sql`
    SELECT n.id, n.last_name AS "lastName", n.first_name AS "firstName", n.agency_code AS "agencyCode", p."lastActivity", ${holds} AS holds
      FROM (SELECT n.id, ${lastActivity} AS "lastActivity" FROM newcomer n WHERE ${dueCondition(before, agency)}${after}
             ORDER BY n.id LIMIT ${page.limit}) p
      JOIN newcomer n ON n.id = p.id
     ORDER BY n.id`);
  return rows.map((r) => ({ ...r, holds: r.holds as HoldKind[] }));
}

/**
 * How many dossiers are due, counted up to `cap`: `{ count: cap, more: true }` when there are more
 * (the admin page's honest "meer dan N": counting them all walks every newcomer, seconds at the
 * scale of Flanders; the exact count is one button away, countDue).
 */
export async function countDueUpTo(tx: Tx, before: Date, cap: number, agency: string | null = null) {
  const [r] = await tx.$queryRaw<{ n: bigint }[]>(Prisma.sql`
    SELECT count(*) AS n FROM (SELECT 1 FROM newcomer n WHERE ${dueCondition(before, agency)} LIMIT ${cap + 1}) x`);
  const n = Number(r!.n);
  return n > cap ? { count: cap, more: true } : { count: n, more: false };
}

/**
 * The true counts: every due dossier, and those under a hold — the holds tested only for the
 * dossiers that can have one (an INFRINGEMENT or DVZ_ADVICE event, or a hold set by an admin: every
 * hold kind needs one of these rows), a few thousand, not every due dossier.
 */
export async function countDue(tx: Tx, before: Date, agency: string | null = null) {
  const [count] = await tx.$queryRaw<{ total: bigint; held: bigint }[]>(Prisma.sql`
    SELECT (SELECT count(*) FROM newcomer n WHERE ${dueCondition(before, agency)}) AS total,
           (SELECT count(*) FROM newcomer n
             WHERE n.id IN (SELECT e.newcomer_id FROM track_event e WHERE e.type IN ('INFRINGEMENT', 'DVZ_ADVICE')
                            UNION SELECT h.newcomer_id FROM legal_hold h WHERE h.removed_at IS NULL)
               AND ${dueCondition(before, agency)} AND cardinality(${holds}) > 0) AS held`);
  return { total: Number(count!.total), held: Number(count!.held) };
}

/** The due dossiers without a hold, in id order, not locked: the run's work list, taken once (one pass over the table, not one per batch). */
export async function dueIds(tx: Tx, before: Date, agency: string | null = null): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>(Prisma.sql`
    SELECT n.id FROM newcomer n WHERE ${dueCondition(before, agency)} AND cardinality(${holds}) = 0 ORDER BY n.id`);
  return rows.map((r) => r.id);
}

/**
 * Of one batch of the work list, those still due and without a hold, locked for this transaction:
 * re-checked under the lock, since a hold or an event may have come since the list was taken
 * (SKIP LOCKED: a dossier another run or an admin is anonymising is left to them).
 */
export async function lockDue(tx: Tx, ids: string[], before: Date): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>(Prisma.sql`
    SELECT n.id FROM newcomer n WHERE n.id = ANY(${ids}::uuid[]) AND ${dueCondition(before)} AND cardinality(${holds}) = 0
     ORDER BY n.id FOR UPDATE SKIP LOCKED`);
  return rows.map((r) => r.id);
}

/** Of `ids`, those not yet anonymised and without a hold, locked (an admin's choice of dossiers, whatever their age). */
export async function lockUnheld(tx: Tx, ids: string[]): Promise<{ free: string[]; held: { id: string; holds: HoldKind[] }[] }> {
  const rows = await tx.$queryRaw<{ id: string; holds: string[] }[]>(Prisma.sql`
    SELECT n.id, ${holds} AS holds FROM newcomer n WHERE n.id = ANY(${ids}::uuid[]) AND n.anonymised_at IS NULL ORDER BY n.id FOR UPDATE`);
  return {
    free: rows.filter((r) => r.holds.length === 0).map((r) => r.id),
    held: rows.filter((r) => r.holds.length > 0).map((r) => ({ id: r.id, holds: r.holds as HoldKind[] })),
  };
}
