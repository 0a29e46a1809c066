// The floor of the answer benchmark: the aggregates of Tables 1–18, written by hand as plain SQL
// and run directly with pg — what a DBA would type, with no engine around it.
const live = (type: string, from = "$1") => `e.type = '${type}' AND e.cancelled_at IS NULL AND e.date BETWEEN ${from}::date AND $2::date AND e.date <= $3::date`;
const decided = `LEFT JOIN LATERAL (SELECT x.outcome, x.amount_eur FROM infringement_decision x WHERE x.event_id = e.id AND x.status = 'FINAL' AND x.decided_on <= $3::date ORDER BY x.decided_on DESC, x.created_at DESC LIMIT 1) d ON true`;
const firstContracts = (col: string, groupBy = "1, 2") => `SELECT ${col}, extract(year FROM e.date), count(*) FROM track_event e WHERE ${live("CONTRACT")} AND e.is_first_of_type GROUP BY ${groupBy}`;
const fines = (col: string, value = "count(*)", from = "$1") => `SELECT ${col}, extract(year FROM e.date), ${value} FROM track_event e ${decided} WHERE ${live("INFRINGEMENT", from)} AND d.outcome = 'BOETE' GROUP BY 1, 2`;
const infr = (col: string) => `SELECT ${col}, extract(year FROM e.date), count(*) FROM track_event e ${decided} WHERE ${live("INFRINGEMENT")} GROUP BY 1, 2`;

export const floorQueries: string[] = [
  `SELECT e.office_code, EXISTS (SELECT 1 FROM track_event r WHERE r.newcomer_id = e.newcomer_id AND r.type = 'REGISTRATION' AND r.cancelled_at IS NULL AND r.date <= $3::date), extract(year FROM e.date), count(*)
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
