// Why a published figure changed (issue 13): for every changed cell of a diff, the number of
// records behind the change by reason — added later, corrected, cancelled, decided later. Counts
// only. Computed by the database in ONE statement per diff (all tables, all cells, the row totals
// and the Totaal line together), from report_fact's knowledge history: the facts whose recorded
// interval starts or ends after the older instant T1 (and by T2, the newer one; none: now) are
// exactly what moved the figures. A record (track_event) counts in a cell when its figure there at
// T2 differs from its figure at T1 (a date moved within the same year changes nothing in that
// year's cell), once per cell. Its reason, from the record itself, first match wins:
//   - added later: the record was created after T1 (a new newcomer's records too);
//   - cancelled: cancelled after T1;
//   - decided later: an infringement decision created (or confirmed) after T1;
//   - corrected: the record existed at T1 and changed since (date, classification, office…), or a
//     record it depends on did (a reach fact whose registration came later).
//
// How, and why this way: a record has at most one fact valid at the peildatum at any instant (its
// state intervals do not overlap), so what it adds to the figures at T1 is ONE version (o) and at
// T2 ONE version (n). The changed facts are paired per record once (a full join), the pairs whose
// two versions agree on every report column are dropped (they move no cell: most corrections move
// a date within its year), and the reason is looked up once per remaining record. Each table then
// compares the two versions' cells at the four grains (cell, row total, Totaal line, grand total):
// the record counts on o's cell when its figure there changed, and on n's cell when that is
// another cell. The first version grouped every changed fact per record and cell (GROUPING SETS
// over record × cell: 237,000 groups at 10×, 1.4 s); tests/support/reasons-oracle.ts keeps it as
// the oracle this statement is tested against. The cells are the report's own (same dimensions
// SQL, same filters as sql.ts), so the reasons line up with the diff's cells. Pure: text and
// parameters, every value a parameter. Each cell row also carries the cell's change of value (dv),
// from which now-from-changes.ts derives the figures now without recomputing the reports.
import { reportCountKey } from "../count-key";
import { cellKeys } from "../definitions";
import { dimensionSql, type FactColumns, factValueSql, measureConditionSql, measureEventType } from "../sql";
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
  /** on a cell (gk = 0, gy = 0): the change of its value, now minus then (now-from-changes.ts); else 0 */
  dv: string | number;
}

/** The four grains of a table's cells: [keys rolled up, years rolled up]. */
const GRAINS = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
] as const;

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
  // The facts that changed after T1, valid at the peildatum and current at T1 or at T2 (a version
  // recorded and closed in between adds to neither side), for all tables through the two partial
  // indexes of the knowledge history (type, instant, year: a change outside the years is passed
  // over in the index). Not materialised: each side of the pairing below reads only its own
  // versions (the planner drops the current facts recorded after T1 from the T1 side), measured
  // faster than one materialised read of both (bench/README.md, Publicaties).
  const changed = [
    `f.type = ANY(${param([...new Set(specs.map(({ s }) => measureEventType[s.measure]))])}::"EventType"[])`,
    `f.year BETWEEN ${param(Math.min(...specs.map(({ s }) => s.from)))}::int AND ${param(Math.max(...specs.map(({ s }) => s.to)))}::int`,
    "f.valid_from <= $3::date",
    "(f.valid_to IS NULL OR f.valid_to > $3::date)",
    "((f.recorded_to IS NULL AND f.recorded_from > $1::timestamptz) OR f.recorded_to > $1::timestamptz)",
    `(${atOld} OR ${atNew})`,
  ];
  if (agency) changed.push(`f.agency_code = ${agency}`);
  // a pair's side: its report columns, flat (o_year, n_year…; a whole-row composite cost a field
  // extraction per column and use), named for the dimensions' SQL of sql.ts
  const fact =
    (x: "o" | "n"): FactColumns =>
    (c) =>
      `w.${x}_${c}`;
  const same = (a: string, b: string) => `${a} IS NOT DISTINCT FROM ${b}`;
  // Per table and side (o, n): the record's cells, and per grain whether it counts there (f0 the
  // cell, f1 the row total, f2 the Totaal line's cell, f3 the grand total), summed per cell below.
  const branches = specs.map(({ s, t }) => {
    const years = `BETWEEN ${param(s.from)}::int AND ${param(s.to)}::int`;
    // the side's version counts in this table: present, in its years, and the measure's own condition (sql.ts)
    const counts = (x: "o" | "n") => {
      const where = [`w.${x}_has`, `w.${x}_year ${years}`];
      const condition = measureConditionSql(s.measure, fact(x));
      if (condition) where.push(condition);
      return `(${where.join(" AND ")})`;
    };
    const value = (x: "o" | "n") => factValueSql(s.measure, fact(x));
    const k = (x: "o" | "n", i: number) => (s.by[i] ? `(${dimensionSql(s.by[i]!, fact(x))})::text` : "NULL::text");
    const versions = `SELECT w.reason,
                    ${counts("o")} AS oi, ${k("o", 0)} AS ok1, ${k("o", 1)} AS ok2, w.o_year AS oy, ${value("o")} AS ov,
                    ${counts("n")} AS ni, ${k("n", 0)} AS nk1, ${k("n", 1)} AS nk2, w.n_year AS ny, ${value("n")} AS nv
               FROM why w
              WHERE w.type = ${param(measureEventType[s.measure])}::"EventType"`;
    // per grain: the record's o-cell and n-cell are the same cell
    const sameCell = (gk: number, gy: number) =>
      ["s.oi", "s.ni", ...(gk ? [] : [same("s.ok1", "s.nk1"), same("s.ok2", "s.nk2")]), ...(gy ? [] : ["s.oy = s.ny"])].join(" AND ");
    const flags = GRAINS.map(
      ([gk, gy], i) =>
        // on o's cell: its figure there was ov, is now nv (same cell) or 0; on n's cell, when that
        // is another cell: it was 0 there
        `(CASE WHEN x.o THEN CASE WHEN ${sameCell(gk, gy)} THEN s.nv <> s.ov ELSE s.ov <> 0 END
               ELSE NOT (${sameCell(gk, gy)}) AND s.nv <> 0 END)::int AS f${i}`,
    ).join(", ");
    const either = (o: string, n: string) => `CASE WHEN x.o THEN ${o} ELSE ${n} END`;
    // dv: the side's change of value in its own cell (o: what it added then, taken back; n: what it adds now)
    return `SELECT ${t} AS t, ${either("s.ok1", "s.nk1")} AS k1, ${either("s.ok2", "s.nk2")} AS k2, ${either("s.oy", "s.ny")} AS year, s.reason, ${flags},
            ${either("-s.ov", "s.nv")} AS dv
       FROM (${versions}) s CROSS JOIN (VALUES (true), (false)) x(o)
      WHERE ${either("s.oi", "s.ni")}`;
  });
  const after = (column: string) => `${column} > $1::timestamptz AND ($2::timestamptz IS NULL OR ${column} <= $2::timestamptz)`;
  const decided = (event: string) =>
    `EXISTS (SELECT 1 FROM infringement_decision x WHERE x.event_id = ${event} AND ((${after("x.created_at")}) OR (${after("x.confirmed_at")})))`;
  const keyRow = (x: "o" | "n") => `ROW(${reportCountKey.map((c) => `${x}.${c}`).join(", ")})`;
  const sides = (["o", "n"] as const).flatMap((x) => reportCountKey.map((c) => `${x}.${c} AS ${x}_${c}`)).join(", ");
  const text = `WITH changed AS NOT MATERIALIZED (
  SELECT f.event_id, ${reportCountKey.map((c) => `f.${c}`).join(", ")}, ${atOld} AS at_old, ${atNew} AS at_new
    FROM report_fact f WHERE ${changed.join(" AND ")}
), pair AS (
  -- per record its version at T1 (o) and at T2 (n); the records whose two versions count alike dropped
  SELECT COALESCE(o.event_id, n.event_id) AS event_id, COALESCE(o.type, n.type) AS type,
         o.event_id IS NOT NULL AS o_has, n.event_id IS NOT NULL AS n_has, ${sides}
    FROM (SELECT * FROM changed WHERE at_old) o FULL JOIN (SELECT * FROM changed WHERE at_new) n ON n.event_id = o.event_id
   WHERE o.event_id IS NULL OR n.event_id IS NULL OR ${keyRow("o")} IS DISTINCT FROM ${keyRow("n")}
), why AS MATERIALIZED (
  -- the reason once per record. A record with a version at T1 and at T2 was neither added nor
  -- cancelled in between (it had a fact at T1, and only live records have facts): decided later or
  -- corrected, without reading the record; the others are looked up (one no longer there has no
  -- reason and counts under none, but its change of value, dv, still counts).
  SELECT p.*, CASE WHEN p.o_has AND p.n_has THEN CASE WHEN ${decided("p.event_id")} THEN 'decided' ELSE 'corrected' END
      ELSE (SELECT CASE WHEN ${after("e.created_at")} THEN 'added' WHEN ${after("e.cancelled_at")} THEN 'cancelled'
                        WHEN ${decided("e.id")} THEN 'decided' ELSE 'corrected' END
              FROM track_event e WHERE e.id = p.event_id) END AS reason
    FROM pair p
), d AS (
  ${branches.join("\n  UNION ALL\n  ")}
), g AS (
  SELECT t, GROUPING(k1, k2) AS gk, GROUPING(year) AS gy, k1, k2, year, reason, sum(f0) AS f0, sum(f1) AS f1, sum(f2) AS f2, sum(f3) AS f3,
         sum(dv) AS dv
    FROM d GROUP BY GROUPING SETS ((t, k1, k2, year, reason), (t, k1, k2, reason), (t, year, reason), (t, reason))
), c AS (
  SELECT t, (gk <> 0)::int AS gk, gy, k1, k2, year, reason,
         CASE WHEN gk = 0 AND gy = 0 THEN f0 WHEN gk = 0 THEN f1 WHEN gy = 0 THEN f2 ELSE f3 END AS n,
         CASE WHEN gk = 0 AND gy = 0 THEN dv ELSE 0 END AS dv
    FROM g
)
SELECT t, gk, gy, k1, k2, year,
       COALESCE(sum(n) FILTER (WHERE reason = 'added'), 0) AS added, COALESCE(sum(n) FILTER (WHERE reason = 'corrected'), 0) AS corrected,
       COALESCE(sum(n) FILTER (WHERE reason = 'cancelled'), 0) AS cancelled, COALESCE(sum(n) FILTER (WHERE reason = 'decided'), 0) AS decided,
       COALESCE(sum(dv), 0) AS dv
  FROM c WHERE n > 0 OR dv <> 0 GROUP BY t, gk, gy, k1, k2, year`;
  return { text, values };
}

const cellId = (t: number, keys: string[], column: number | "total") => JSON.stringify([t, keys, column]);

/** The diff's cells with their reasons (zeros where no record explains a change, e.g. a rule changed). */
export function withReasons(tables: TableDiff[], specs: (PublicationSpec | null)[], rows: ReasonRow[]): TableDiff[] {
  const byCell = new Map<string, ChangeReasons>();
  for (const r of rows) {
    const spec = specs[r.t];
    if (!spec) continue;
    const keys = r.gk ? [] : cellKeys(r, spec.by.length);
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
