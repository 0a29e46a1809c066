-- The triggers that keep report_fact and report_count in step: statement-level with transition
-- tables (one per event, as PostgreSQL requires), so COPY imports and row-by-row writes alike keep
-- the counts right. Named after the first-of-type triggers (triggers of one event fire in name
-- order): they see the marker already recomputed.
-- A bulk import skips them with `SET LOCAL inburgering.bulk_load = 'on'` (or 'fresh-events') and
-- derives both tables once afterwards (report_rebuild / report_refresh). Anyone may set such a
-- setting: skipping only delays report figures, it can never touch the audit log, whose
-- append-only triggers have no such condition.

CREATE OR REPLACE FUNCTION "track_event_report_after_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_refresh(ARRAY(SELECT DISTINCT newcomer_id FROM new_rows));
  RETURN NULL;
END $$;

-- Only changes of the columns the facts are made of matter (not a note, a version or updated_at).
CREATE OR REPLACE FUNCTION "track_event_report_after_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_refresh(ARRAY(
    SELECT DISTINCT newcomer_id FROM (
      (SELECT id, newcomer_id, type, date, cancelled_at IS NULL AS live, is_first_of_type, office_code, agency_code,
              nationality_code, nationality_group, residence_status_code, target_group, gender, infringement_type,
              contract_signed, attestation_obtained, dvz_follow_up, dvz_follow_up_on FROM old_rows
       EXCEPT
       SELECT id, newcomer_id, type, date, cancelled_at IS NULL, is_first_of_type, office_code, agency_code,
              nationality_code, nationality_group, residence_status_code, target_group, gender, infringement_type,
              contract_signed, attestation_obtained, dvz_follow_up, dvz_follow_up_on FROM new_rows)
      UNION ALL
      (SELECT id, newcomer_id, type, date, cancelled_at IS NULL, is_first_of_type, office_code, agency_code,
              nationality_code, nationality_group, residence_status_code, target_group, gender, infringement_type,
              contract_signed, attestation_obtained, dvz_follow_up, dvz_follow_up_on FROM new_rows
       EXCEPT
       SELECT id, newcomer_id, type, date, cancelled_at IS NULL, is_first_of_type, office_code, agency_code,
              nationality_code, nationality_group, residence_status_code, target_group, gender, infringement_type,
              contract_signed, attestation_obtained, dvz_follow_up, dvz_follow_up_on FROM old_rows)
    ) changed));
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION "track_event_report_after_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_refresh(ARRAY(SELECT DISTINCT newcomer_id FROM old_rows));
  RETURN NULL;
END $$;

DROP TRIGGER IF EXISTS "track_event_report_insert" ON "track_event";
CREATE TRIGGER "track_event_report_insert" AFTER INSERT ON "track_event"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
  WHEN (coalesce(current_setting('inburgering.bulk_load', true), '') NOT IN ('on', 'fresh-events'))
  EXECUTE FUNCTION "track_event_report_after_insert"();
DROP TRIGGER IF EXISTS "track_event_report_update" ON "track_event";
CREATE TRIGGER "track_event_report_update" AFTER UPDATE ON "track_event"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
  WHEN (coalesce(current_setting('inburgering.bulk_load', true), '') NOT IN ('on', 'fresh-events'))
  EXECUTE FUNCTION "track_event_report_after_update"();
DROP TRIGGER IF EXISTS "track_event_report_delete" ON "track_event";
CREATE TRIGGER "track_event_report_delete" AFTER DELETE ON "track_event"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
  WHEN (coalesce(current_setting('inburgering.bulk_load', true), '') NOT IN ('on', 'fresh-events'))
  EXECUTE FUNCTION "track_event_report_after_delete"();

-- Decisions: the newcomers of the infringement dossiers whose final decisions changed (not the
-- payment follow-up, reminders or confirmations of a decision already in force).
CREATE OR REPLACE FUNCTION "infringement_decision_report_after_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_refresh(ARRAY(SELECT DISTINCT e.newcomer_id FROM track_event e WHERE e.id IN (SELECT event_id FROM new_rows)));
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION "infringement_decision_report_after_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_refresh(ARRAY(
    SELECT DISTINCT e.newcomer_id FROM track_event e WHERE e.id IN (
      SELECT event_id FROM (
        (SELECT id, event_id, outcome, decided_on, amount_eur, status, created_at FROM old_rows
         EXCEPT SELECT id, event_id, outcome, decided_on, amount_eur, status, created_at FROM new_rows)
        UNION ALL
        (SELECT id, event_id, outcome, decided_on, amount_eur, status, created_at FROM new_rows
         EXCEPT SELECT id, event_id, outcome, decided_on, amount_eur, status, created_at FROM old_rows)
      ) changed)));
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION "infringement_decision_report_after_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_refresh(ARRAY(SELECT DISTINCT e.newcomer_id FROM track_event e WHERE e.id IN (SELECT event_id FROM old_rows)));
  RETURN NULL;
END $$;

DROP TRIGGER IF EXISTS "infringement_decision_report_insert" ON "infringement_decision";
CREATE TRIGGER "infringement_decision_report_insert" AFTER INSERT ON "infringement_decision"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
  WHEN (coalesce(current_setting('inburgering.bulk_load', true), '') NOT IN ('on', 'fresh-events'))
  EXECUTE FUNCTION "infringement_decision_report_after_insert"();
DROP TRIGGER IF EXISTS "infringement_decision_report_update" ON "infringement_decision";
CREATE TRIGGER "infringement_decision_report_update" AFTER UPDATE ON "infringement_decision"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
  WHEN (coalesce(current_setting('inburgering.bulk_load', true), '') NOT IN ('on', 'fresh-events'))
  EXECUTE FUNCTION "infringement_decision_report_after_update"();
DROP TRIGGER IF EXISTS "infringement_decision_report_delete" ON "infringement_decision";
CREATE TRIGGER "infringement_decision_report_delete" AFTER DELETE ON "infringement_decision"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
  WHEN (coalesce(current_setting('inburgering.bulk_load', true), '') NOT IN ('on', 'fresh-events'))
  EXECUTE FUNCTION "infringement_decision_report_after_delete"();
