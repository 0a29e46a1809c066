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

// The same 19 aggregates written by hand over the report tables the engine reads (report_count
// at the coarsest grain that has the columns, plus the facts that start or end in the as-of
// year from report_fact). Parameters: $1 first year, $2 last year, $3 as-of date, $4 its year,
// $5 / $6 the first and last day of that year.
function counted(type: string, cols: string, grain: number, opts: { fines?: boolean; amount?: boolean; from?: string } = {}) {
  const year = `year BETWEEN ${opts.from ?? "$1::int"} AND $2::int`;
  const fine = opts.fines ? " AND state = 'BOETE'" : "";
  const keys = cols
    .split(",")
    .map((_, i) => i + 1)
    .join(", ");
  return `SELECT ${cols}, year, sum(v) FROM (
    SELECT ${cols}, year, ${opts.amount ? "n * coalesce(amount_eur, 0)" : "n"} AS v FROM report_count
     WHERE grain = ${grain} AND type = '${type}' AND ${year}${fine} AND from_year < $4::int AND (to_year IS NULL OR to_year > $4::int) AND n <> 0
    UNION ALL
    SELECT ${cols}, year, ${opts.amount ? "coalesce(amount_eur, 0)" : "1"} FROM report_fact
     WHERE type = '${type}' AND ${year}${fine} AND valid_from <= $3::date AND (valid_to IS NULL OR valid_to > $3::date)
       AND ((valid_from >= $5::date AND valid_from <= $3::date) OR (valid_to > $3::date AND valid_to <= $6::date))
  ) u GROUP BY ${keys}, ${cols.split(",").length + 1}`;
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
