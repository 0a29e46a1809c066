-- The facts of every newcomer, derived from the records: the one home of the report rules (what
-- counts, from when until when, in which state). report_fact is this view stored; the triggers
-- re-derive it per newcomer (the newcomer filter is pushed into each branch, onto track_event's
-- newcomer index). Its columns, in this order: event_id, valid_from, valid_to, newcomer_id, then
-- the report_count key (10-count-key.sql) — report_fact's, which also has its knowledge time,
-- recorded_from / recorded_to (50-refresh-rebuild.sql inserts by these names).
CREATE OR REPLACE VIEW "report_fact_source" AS
-- invitations, registrations, attestations and the first contract: counted from their date on
SELECT e.id AS event_id, e.date AS valid_from, NULL::date AS valid_to, e.newcomer_id, e.type,
       extract(year FROM e.date)::int AS year, e.office_code, e.agency_code, e.nationality_code,
       e.nationality_group, e.residence_status_code, e.target_group, e.gender,
       NULL::text AS state, NULL::"InfringementType" AS infringement_type, NULL::int AS amount_eur,
       NULL::boolean AS contract_signed, NULL::boolean AS attestation_obtained
  FROM track_event e
 WHERE e.cancelled_at IS NULL
   AND (e.type IN ('INVITATION', 'REGISTRATION', 'ATTESTATION') OR (e.type = 'CONTRACT' AND e.is_first_of_type))
UNION ALL
-- reach: the first extraction, NIET_AANGEMELD until the first registration, AANGEMELD from then
SELECT e.id, s.valid_from, s.valid_to, e.newcomer_id, e.type,
       extract(year FROM e.date)::int, e.office_code, e.agency_code, e.nationality_code,
       e.nationality_group, e.residence_status_code, e.target_group, e.gender,
       s.state, NULL, NULL, NULL, NULL
  FROM track_event e
  CROSS JOIN LATERAL (SELECT min(r.date) AS on_date FROM track_event r
                       WHERE r.newcomer_id = e.newcomer_id AND r.type = 'REGISTRATION' AND r.cancelled_at IS NULL) reg
  CROSS JOIN LATERAL (VALUES
    ('NIET_AANGEMELD', e.date, reg.on_date),
    ('AANGEMELD', CASE WHEN reg.on_date IS NOT NULL THEN greatest(e.date, reg.on_date) END, NULL::date)
  ) s(state, valid_from, valid_to)
 WHERE e.type = 'EXTRACTION' AND e.cancelled_at IS NULL AND e.is_first_of_type
   AND s.valid_from IS NOT NULL AND (s.valid_to IS NULL OR s.valid_to > s.valid_from)
UNION ALL
-- infringement dossiers: IN_BEHANDELING until the first final decision, then each final decision
-- (in the order decided_on, created_at, id: the last one of a day wins) until the next one
SELECT e.id, s.valid_from, s.valid_to, e.newcomer_id, e.type,
       extract(year FROM e.date)::int, e.office_code, e.agency_code, e.nationality_code,
       e.nationality_group, e.residence_status_code, e.target_group, e.gender,
       s.state, e.infringement_type, s.amount_eur, NULL, NULL
  FROM track_event e
  CROSS JOIN LATERAL (
    SELECT 'IN_BEHANDELING' AS state, NULL::int AS amount_eur, e.date AS valid_from,
           (SELECT CASE WHEN min(x.decided_on) IS NOT NULL THEN greatest(e.date, min(x.decided_on)) END
              FROM infringement_decision x WHERE x.event_id = e.id AND x.status = 'FINAL') AS valid_to
    UNION ALL
    SELECT d.outcome::text, d.amount_eur, greatest(e.date, d.decided_on),
           CASE WHEN d.next_on IS NOT NULL THEN greatest(e.date, d.next_on) END
      FROM (SELECT x.outcome, x.amount_eur, x.decided_on,
                   lead(x.decided_on) OVER (ORDER BY x.decided_on, x.created_at, x.id) AS next_on
              FROM infringement_decision x WHERE x.event_id = e.id AND x.status = 'FINAL') d
  ) s
 WHERE e.type = 'INFRINGEMENT' AND e.cancelled_at IS NULL
   AND (s.valid_to IS NULL OR s.valid_to > s.valid_from)
UNION ALL
-- DVZ advices: follow-up ONBEKEND until the day the follow-up was recorded
SELECT e.id, s.valid_from, s.valid_to, e.newcomer_id, e.type,
       extract(year FROM e.date)::int, e.office_code, e.agency_code, e.nationality_code,
       e.nationality_group, e.residence_status_code, e.target_group, e.gender,
       s.state, NULL, NULL, e.contract_signed, e.attestation_obtained
  FROM track_event e
  CROSS JOIN LATERAL (SELECT CASE WHEN e.dvz_follow_up IS NULL THEN NULL
                                  ELSE greatest(e.date, coalesce(e.dvz_follow_up_on, e.date)) END AS on_date) known
  CROSS JOIN LATERAL (VALUES
    ('ONBEKEND', e.date, known.on_date),
    (e.dvz_follow_up::text, known.on_date, NULL::date)
  ) s(state, valid_from, valid_to)
 WHERE e.type = 'DVZ_ADVICE' AND e.cancelled_at IS NULL
   AND s.valid_from IS NOT NULL AND (s.valid_to IS NULL OR s.valid_to > s.valid_from);
