// The oracle of the reasons behind a diff's changed cells (issue 13): the first version of
// lib/domain/reports/publication/change-reasons.ts, kept to test the product's statement against.
// It needs no pairing of versions: it sums, per record and cell, +value for each changed fact
// current at T2 and -value for each current at T1 (GROUPING SETS over record x cell) and counts
// the records whose sum is not 0. Slow at scale (1.4 s at 10x), simple to trust.
import { dimensionSql, measureEventType } from "@/lib/domain/reports/sql";
import type { ReasonsInput } from "@/lib/domain/reports/publication/change-reasons";

export function buildReasonsOracleQuery(p: ReasonsInput): { text: string; values: unknown[] } | null {
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
