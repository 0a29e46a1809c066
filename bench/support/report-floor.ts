import { asOfWindow } from "../../lib/domain/reports/sql";

// The floor of the answer benchmark: the aggregates of Tables 1–18, written by hand as plain SQL
// and run directly with pg — what a DBA would type, with no engine around it.
const live = (type: string, from = "$1") =>
  `e.type = '${type}' AND e.cancelled_at IS NULL AND e.date BETWEEN ${from}::date AND $2::date AND e.date <= $3::date`;
const decided = `LEFT JOIN LATERAL (SELECT x.outcome, x.amount_eur FROM infringement_decision x
  WHERE x.event_id = e.id AND x.status = 'FINAL' AND x.decided_on <= $3::date ORDER BY x.decided_on DESC, x.created_at DESC LIMIT 1) d ON true`;
const firstContracts = (col: string, groupBy = "1, 2") =>
  `SELECT ${col}, extract(year FROM e.date), count(*) FROM track_event e WHERE ${live("CONTRACT")} AND e.is_first_of_type GROUP BY ${groupBy}`;
const fines = (col: string, value = "count(*)", from = "$1") =>
  `SELECT ${col}, extract(year FROM e.date), ${value} FROM track_event e ${decided} WHERE ${live("INFRINGEMENT", from)} AND d.outcome = 'BOETE' GROUP BY 1, 2`;
const infr = (col: string) => `SELECT ${col}, extract(year FROM e.date), count(*) FROM track_event e ${decided} WHERE ${live("INFRINGEMENT")} GROUP BY 1, 2`;

export const floorQueries: string[] = [
  `SELECT e.office_code,
       EXISTS (SELECT 1 FROM track_event r WHERE r.newcomer_id = e.newcomer_id AND r.type = 'REGISTRATION' AND r.cancelled_at IS NULL AND r.date <= $3::date),
       extract(year FROM e.date), count(*)
     FROM track_event e WHERE ${live("EXTRACTION")} AND e.is_first_of_type GROUP BY 1, 2, 3`,
  firstContracts("agency_code, office_code", "1, 2, 3"),
  firstContracts("nationality_group"),
  firstContracts("nationality_code"),
  firstContracts("gender"),
  firstContracts("target_group"),
  firstContracts("residence_status_code"),
  `SELECT e.agency_code, extract(year FROM e.date), count(*) FROM track_event e WHERE ${live("ATTESTATION")} GROUP BY 1, 2`,
  infr("e.office_code"),
  infr("e.infringement_type"),
  infr("d.outcome"),
  fines("d.amount_eur", "count(*)", "GREATEST($1::date, $4::date)"),
  fines("d.amount_eur", "sum(d.amount_eur)", "GREATEST($1::date, $4::date)"),
  fines("e.office_code"),
  fines("e.nationality_group"),
  fines("e.nationality_code"),
  fines("e.residence_status_code"),
  fines("e.target_group"),
  fines("e.gender"),
];

/** The "first CONTRACT per newcomer" without the marker, as an earlier attempt did it. */
export const contractsWithoutMarker = `SELECT office_code, extract(year FROM date), count(*) FROM (
  SELECT DISTINCT ON (newcomer_id) newcomer_id, office_code, date FROM track_event
  WHERE type = 'CONTRACT' AND cancelled_at IS NULL AND date <= $3::date ORDER BY newcomer_id, date, created_at, id) f
  WHERE date BETWEEN $1::date AND $2::date GROUP BY 1, 2`;

// The same 19 aggregates written by hand over the report tables the engine reads: report_count at
// the coarsest grain that has the columns (the facts settled before the as-of year), the whole
// months of that year up to the as-of date from report_month_count (starts − ends), and the facts
// of the part of the as-of month from report_fact (the shorter half: from its first day, added, or
// after the as-of date to its last day, taken back). Parameters (countFloorParams): $1 first
// year, $2 last year, $3 the as-of year, $4 / $5 the first and last whole month, $6 / $7 the days
// of the part of the month, $8 +1 / −1 which half.
function counted(type: string, cols: string, grain: number, opts: { fines?: boolean; amount?: boolean; from?: string } = {}) {
  const common = `type = '${type}' AND year BETWEEN ${opts.from ?? "$1::int"} AND $2::int${opts.fines ? " AND state = 'BOETE'" : ""}`;
  const one = opts.amount ? "coalesce(amount_eur, 0)" : "1";
  const keys = cols
    .split(",")
    .map((_, i) => i + 1)
    .join(", ");
  return `SELECT ${cols}, year, sum(v) FROM (
    SELECT ${cols}, year, n * ${one} AS v FROM report_count
     WHERE grain = ${grain} AND ${common} AND from_year < $3::int AND (to_year IS NULL OR to_year >= $3::int) AND n <> 0
    UNION ALL
    SELECT ${cols}, year, (starts - ends) * ${one} FROM report_month_count
     WHERE grain = ${grain} AND ${common} AND month BETWEEN $4::date AND $5::date AND starts <> ends
    UNION ALL
    SELECT ${cols}, year, $8::int * ${one} FROM report_fact WHERE ${common} AND recorded_to IS NULL AND valid_from BETWEEN $6::date AND $7::date
    UNION ALL
    SELECT ${cols}, year, -$8::int * ${one} FROM report_fact WHERE ${common} AND recorded_to IS NULL AND valid_to BETWEEN $6::date AND $7::date
  ) u GROUP BY ${keys}, ${cols.split(",").length + 1} HAVING sum(v) <> 0`;
}

/** The parameters of countFloorQueries for a period and an as-of date. */
export function countFloorParams(from: number, to: number, asOf: string): unknown[] {
  const w = asOfWindow(asOf);
  return [from, to, Number(asOf.slice(0, 4)), w.monthsFrom, w.monthsTo, w.rowsFrom, w.rowsTo, w.sign];
}

export const countFloorQueries: string[] = [
  counted("EXTRACTION", "office_code, state", 3),
  counted("CONTRACT", "agency_code, office_code", 3),
  counted("CONTRACT", "nationality_group", 3),
  counted("CONTRACT", "nationality_code", 1),
  counted("CONTRACT", "gender", 3),
  counted("CONTRACT", "target_group", 3),
  counted("CONTRACT", "residence_status_code", 2),
  counted("ATTESTATION", "agency_code", 3),
  counted("INFRINGEMENT", "office_code", 3),
  counted("INFRINGEMENT", "infringement_type", 3),
  counted("INFRINGEMENT", "state", 3),
  counted("INFRINGEMENT", "amount_eur", 3, { fines: true, from: "greatest($1::int, $2::int)" }),
  counted("INFRINGEMENT", "amount_eur", 3, { fines: true, amount: true, from: "greatest($1::int, $2::int)" }),
  counted("INFRINGEMENT", "office_code", 3, { fines: true }),
  counted("INFRINGEMENT", "nationality_group", 3, { fines: true }),
  counted("INFRINGEMENT", "nationality_code", 1, { fines: true }),
  counted("INFRINGEMENT", "residence_status_code", 2, { fines: true }),
  counted("INFRINGEMENT", "target_group", 3, { fines: true }),
  counted("INFRINGEMENT", "gender", 3, { fines: true }),
];
