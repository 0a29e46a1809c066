// Why a published figure changed (issue 13): for every changed cell of a diff, the number of
// records behind the change by reason — added later, corrected, cancelled, decided later. Counts
// only. Computed by the database in ONE statement per diff (all tables, all cells, the row totals
// and the Totaal line together; the changed facts read once for all tables, each record's reason
// looked up once), from report_fact's knowledge history: the facts whose recorded
// interval starts or ends after the older instant T1 (and by T2, the newer one; none: now) are
// exactly what moved the figures; each one counts +value when current at T2 only, -value when
// current at T1 only. A record (track_event) counts in a cell when its net change there is not 0
// (a date moved within the same year changes nothing in that year's cell), once per cell. Its
// reason, from the record itself, first match wins:
//   - added later: the record was created after T1 (a new newcomer's records too);
//   - cancelled: cancelled after T1;
//   - decided later: an infringement decision created (or confirmed) after T1;
//   - corrected: the record existed at T1 and changed since (date, classification, office…), or a
//     record it depends on did (a reach fact whose registration came later).
// The cells are the report's own (same dimensions SQL, same filters as sql.ts), so the reasons
// line up with the diff's cells. Pure: text and parameters, every value a parameter.
import { dimensionSql, measureEventType } from "../sql";
import type { ChangedCell, TableDiff } from "./diff";
import type { PublicationSpec } from "./figures";

export interface ChangeReasons {
  addedLater: number;
  corrected: number;
  cancelled: number;
  decidedLater: number;
}

export const REASONS = ["addedLater", "corrected", "cancelled", "decidedLater"] as const satisfies readonly (keyof ChangeReasons)[];

export interface ReasonsInput {
  /** per table of the diff, in its order: what it counts (years: both sides' together); null: not explained */
  specs: (PublicationSpec | null)[];
  asOf: string;
  agency: string | null;
  /** the older instant (ISO) */
  since: string;
  /** the newer instant (ISO); null: now */
  until: string | null;
}

export interface ReasonRow {
  t: number;
  /** 1 when the row keys are rolled up (the Totaal line) */
  gk: number;
  /** 1 when the years are rolled up (the row total) */
  gy: number;
  k1: string | null;
  k2: string | null;
  year: number | null;
  added: string | number;
  corrected: string | number;
  cancelled: string | number;
  decided: string | number;
}

export function buildReasonsQuery(p: ReasonsInput): { text: string; values: unknown[] } | null {
  const values: unknown[] = [p.since, p.until, p.asOf];
  const param = (v: unknown) => {
    values.push(v);
    return `$${values.length}`;
  };
  const specs = p.specs.flatMap((s, t) => (s ? [{ s, t }] : []));
  if (specs.length === 0) return null;
  const agency = p.agency === null ? null : param(p.agency);
  // current at T: recorded_from <= T < recorded_to (NULL: still current)
  const currentAt = (t: string) => `(f.recorded_from <= ${t} AND (f.recorded_to IS NULL OR f.recorded_to > ${t}))`;
  const atNew = `CASE WHEN $2::timestamptz IS NULL THEN f.recorded_to IS NULL ELSE ${currentAt("$2::timestamptz")} END`;
  const atOld = currentAt("$1::timestamptz");
  // The facts that changed after T1 and are valid at the peildatum, read ONCE for all tables (the
  // answer's 19 tables count 7 event types; each branch used to read them from the index again):
  // through the two partial indexes of the knowledge history, in memory for the branches.
  const changed = [
    `f.type = ANY(${param([...new Set(specs.map(({ s }) => measureEventType[s.measure]))])}::"EventType"[])`,
    `f.year BETWEEN ${param(Math.min(...specs.map(({ s }) => s.from)))}::int AND ${param(Math.max(...specs.map(({ s }) => s.to)))}::int`,
    "f.valid_from <= $3::date",
    "(f.valid_to IS NULL OR f.valid_to > $3::date)",
    "((f.recorded_to IS NULL AND f.recorded_from > $1::timestamptz) OR f.recorded_to > $1::timestamptz)",
  ];
  if (agency) changed.push(`f.agency_code = ${agency}`);
  const branches = specs.map(({ s, t }) => {
    const where = [`f.type = ${param(measureEventType[s.measure])}::"EventType"`, `f.year BETWEEN ${param(s.from)}::int AND ${param(s.to)}::int`];
    if (s.measure === "fines" || s.measure === "fine_amount_eur") where.push("f.state = 'BOETE'");
    const value = s.measure === "fine_amount_eur" ? "COALESCE(f.amount_eur, 0)::bigint" : "1";
    const k = (i: number) => (s.by[i] ? `(${dimensionSql(s.by[i]!, "f")})::text` : "NULL::text");
    return `SELECT ${t} AS t, ${k(0)} AS k1, ${k(1)} AS k2, f.year, f.event_id,
         (CASE WHEN ${atNew} THEN ${value} ELSE 0 END) - (CASE WHEN ${atOld} THEN ${value} ELSE 0 END) AS v
       FROM changed f WHERE ${where.join(" AND ")}`;
  });
  const after = (column: string) => `${column} > $1::timestamptz AND ($2::timestamptz IS NULL OR ${column} <= $2::timestamptz)`;
  const text = `WITH changed AS MATERIALIZED (
  SELECT * FROM report_fact f WHERE ${changed.join(" AND ")}
), d AS (
  ${branches.join("\n  UNION ALL\n  ")}
), n AS (
  -- the net change of each record per cell, row total and Totaal-line cell
  SELECT t, GROUPING(k1, k2) AS gk, GROUPING(year) AS gy, k1, k2, year, event_id
    FROM d
   GROUP BY GROUPING SETS ((t, k1, k2, year, event_id), (t, k1, k2, event_id), (t, year, event_id), (t, event_id))
  HAVING sum(v) <> 0
), why AS (
  -- the reason once per record (not once per cell it moved)
  SELECT e.id AS event_id, CASE
      WHEN ${after("e.created_at")} THEN 'added'
      WHEN ${after("e.cancelled_at")} THEN 'cancelled'
      WHEN EXISTS (SELECT 1 FROM infringement_decision x WHERE x.event_id = e.id
                    AND ((${after("x.created_at")}) OR (${after("x.confirmed_at")}))) THEN 'decided'
      ELSE 'corrected' END AS reason
    FROM track_event e WHERE e.id IN (SELECT event_id FROM n)
)
SELECT t, (gk <> 0)::int AS gk, gy, k1, k2, year,
       count(*) FILTER (WHERE reason = 'added') AS added, count(*) FILTER (WHERE reason = 'corrected') AS corrected,
       count(*) FILTER (WHERE reason = 'cancelled') AS cancelled, count(*) FILTER (WHERE reason = 'decided') AS decided
  FROM n JOIN why USING (event_id) GROUP BY t, gk, gy, k1, k2, year`;
  return { text, values };
}

const cellId = (t: number, keys: string[], column: number | "total") => JSON.stringify([t, keys, column]);

/** The diff's cells with their reasons (zeros where no record explains a change, e.g. a rule changed). */
export function withReasons(tables: TableDiff[], specs: (PublicationSpec | null)[], rows: ReasonRow[]): TableDiff[] {
  const byCell = new Map<string, ChangeReasons>();
  for (const r of rows) {
    const spec = specs[r.t];
    if (!spec) continue;
    // a report's missing key reads ONBEKEND (run-report.ts shapeReport)
    const keys = r.gk ? [] : [r.k1, r.k2].slice(0, spec.by.length).map((k) => k ?? "ONBEKEND");
    byCell.set(cellId(r.t, keys, r.gy ? "total" : Number(r.year)), {
      addedLater: Number(r.added),
      corrected: Number(r.corrected),
      cancelled: Number(r.cancelled),
      decidedLater: Number(r.decided),
    });
  }
  const none: ChangeReasons = { addedLater: 0, corrected: 0, cancelled: 0, decidedLater: 0 };
  return tables.map((x) =>
    specs[x.index] ? { ...x, changes: x.changes.map((c): ChangedCell => ({ ...c, reasons: byCell.get(cellId(x.index, c.keys, c.column)) ?? none })) } : x,
  );
}

/** Per table of a diff, what to explain it with: both sides count the same thing (years together), else null. */
export function reasonSpecs(before: (PublicationSpec | undefined)[], after: (PublicationSpec | undefined)[]): (PublicationSpec | null)[] {
  return Array.from({ length: Math.max(before.length, after.length) }, (_, i) => {
    const a = before[i];
    const b = after[i];
    if (!a || !b || a.measure !== b.measure || a.by.join() !== b.by.join()) return null;
    return { ...a, from: Math.min(a.from, b.from), to: Math.max(a.to, b.to) };
  });
}
