-- The track state kept on `newcomer` (migration 20261202220000_newcomer_track_state): what the
-- dossier list filters on and what the per-newcomer worklists are driven by, derived from the
-- newcomer's live (not cancelled) events only:
--   track_status                 the furthest step reached: the greatest of the step types, whose
--                                enum order is the step order of TRACK_STEPS (lib/domain/track/
--                                track-rules.ts; tests/integration/track-state.test.ts checks both agree)
--   extraction_year              the year of the first extraction (as report_fact counts it)
--   awaiting_registration_since  the first invitation, while there is no registration and no
--                                NIET_TIJDIG_AANGEMELD infringement dossier (worklist niet-aangemeld)
--   awaiting_contract_since      the first registration, while there is no contract (geen-contract)
--   awaiting_attestation_since   the first contract, while there is no attestation (geen-attest)
-- and, for the infringement worklists (migration 20261202220300), per infringement dossier and decision:
--   track_event.decision_standing    a live dossier has a standing decision (status FINAL or
--                                    AWAITING_CONFIRMATION: STANDING_STATUSES, lib/domain/fines/decision-state.ts)
--   infringement_decision.in_force   the decision is its live dossier's effective one (the latest FINAL
--                                    by decided_on, created_at, id: effectiveDecision of the same file)
-- The deadlines themselves are not here: the worklists compare these dates with the date ranges of
-- lib/domain/track/deadlines.ts. Per newcomer, so no row is shared between writers (issue 18).

-- The state as derived from the events, one row per newcomer: the one definition that refresh and
-- rebuild write from and tests/integration/track-state.test.ts compares the kept columns with.
CREATE OR REPLACE VIEW "newcomer_track_state_source" AS
  SELECT n.id,
         max(e.type) FILTER (WHERE e.type IN ('EXTRACTION', 'INVITATION', 'REGISTRATION', 'CONTRACT', 'ATTESTATION')) AS track_status,
         extract(year FROM min(e.date) FILTER (WHERE e.type = 'EXTRACTION'))::smallint AS extraction_year,
         CASE WHEN count(*) FILTER (WHERE e.type = 'REGISTRATION'
                                       OR (e.type = 'INFRINGEMENT' AND e.infringement_type = 'NIET_TIJDIG_AANGEMELD')) = 0
              THEN min(e.date) FILTER (WHERE e.type = 'INVITATION') END AS awaiting_registration_since,
         CASE WHEN count(*) FILTER (WHERE e.type = 'CONTRACT') = 0 THEN min(e.date) FILTER (WHERE e.type = 'REGISTRATION') END
           AS awaiting_contract_since,
         CASE WHEN count(*) FILTER (WHERE e.type = 'ATTESTATION') = 0 THEN min(e.date) FILTER (WHERE e.type = 'CONTRACT') END
           AS awaiting_attestation_since
  FROM "newcomer" n LEFT JOIN "track_event" e ON e.newcomer_id = n.id AND e.cancelled_at IS NULL
  GROUP BY n.id;

-- The infringement flags as derived: one row per infringement dossier (kind 'event': has a standing
-- decision while live) and per decision (kind 'decision': the live dossier's effective decision).
CREATE OR REPLACE VIEW "infringement_state_source" AS
  SELECT 'event'::text AS kind, e.id, e.newcomer_id,
         e.cancelled_at IS NULL AND EXISTS (SELECT 1 FROM "infringement_decision" x
                                             WHERE x.event_id = e.id AND x.status IN ('FINAL', 'AWAITING_CONFIRMATION')) AS standing
  FROM "track_event" e WHERE e.type = 'INFRINGEMENT'
  UNION ALL
  SELECT 'decision'::text, d.id, e.newcomer_id,
         e.cancelled_at IS NULL AND d.status = 'FINAL' AND d.id = (
           SELECT x.id FROM "infringement_decision" x WHERE x.event_id = d.event_id AND x.status = 'FINAL'
            ORDER BY x.decided_on DESC, x.created_at DESC, x.id DESC LIMIT 1)
  FROM "infringement_decision" d JOIN "track_event" e ON e.id = d.event_id;

-- Writes the derived state of the given newcomers (and the flags of their infringement dossiers);
-- only rows whose state changes are written. The filter is on the views' grouping / join columns,
-- so PostgreSQL derives only those newcomers' state.
CREATE OR REPLACE FUNCTION "newcomer_track_state_refresh"(newcomer_ids UUID[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "newcomer" n
     SET track_status = s.track_status, extraction_year = s.extraction_year, awaiting_registration_since = s.awaiting_registration_since,
         awaiting_contract_since = s.awaiting_contract_since, awaiting_attestation_since = s.awaiting_attestation_since
    FROM "newcomer_track_state_source" s
   WHERE n.id = s.id AND s.id = ANY(newcomer_ids)
     AND (n.track_status, n.extraction_year, n.awaiting_registration_since, n.awaiting_contract_since, n.awaiting_attestation_since)
         IS DISTINCT FROM (s.track_status, s.extraction_year, s.awaiting_registration_since, s.awaiting_contract_since, s.awaiting_attestation_since);
  -- most saves concern newcomers without an infringement dossier: then no UPDATE (and none of its statement triggers) at all
  IF EXISTS (SELECT 1 FROM "track_event" e WHERE e.newcomer_id = ANY(newcomer_ids) AND e.type = 'INFRINGEMENT') THEN
    UPDATE "track_event" e SET decision_standing = s.standing
      FROM "infringement_state_source" s
     WHERE s.kind = 'event' AND e.id = s.id AND s.newcomer_id = ANY(newcomer_ids) AND e.decision_standing IS DISTINCT FROM s.standing;
    UPDATE "infringement_decision" d SET in_force = s.standing
      FROM "infringement_state_source" s
     WHERE s.kind = 'decision' AND d.id = s.id AND s.newcomer_id = ANY(newcomer_ids) AND d.in_force IS DISTINCT FROM s.standing;
  END IF;
END $$;

-- Every newcomer at once (the migration's backfill, a bulk import that rebuilt its indexes): one
-- grouped pass over track_event instead of a lookup per newcomer.
CREATE OR REPLACE FUNCTION "newcomer_track_state_rebuild"() RETURNS void
LANGUAGE sql AS $$
  UPDATE "newcomer" n
     SET track_status = s.track_status, extraction_year = s.extraction_year, awaiting_registration_since = s.awaiting_registration_since,
         awaiting_contract_since = s.awaiting_contract_since, awaiting_attestation_since = s.awaiting_attestation_since
    FROM "newcomer_track_state_source" s
   WHERE n.id = s.id
     AND (n.track_status, n.extraction_year, n.awaiting_registration_since, n.awaiting_contract_since, n.awaiting_attestation_since)
         IS DISTINCT FROM (s.track_status, s.extraction_year, s.awaiting_registration_since, s.awaiting_contract_since, s.awaiting_attestation_since);
  UPDATE "track_event" e SET decision_standing = s.standing
    FROM "infringement_state_source" s WHERE s.kind = 'event' AND e.id = s.id AND e.decision_standing IS DISTINCT FROM s.standing;
  UPDATE "infringement_decision" d SET in_force = s.standing
    FROM "infringement_state_source" s WHERE s.kind = 'decision' AND d.id = s.id AND d.in_force IS DISTINCT FROM s.standing;
$$;

-- The triggers: statement-level with transition tables (COPY and row-by-row writes alike), after
-- the first-of-type triggers have taken the newcomers' locks (lock_newcomers, taken again here:
-- an update that touches no marker column skips those), so the state is derived from a snapshot
-- that sees a concurrent writer's commit. Skipped in a bulk load like the report triggers; the
-- import then calls newcomer_track_state_refresh / _rebuild itself (lib/server/exchange/import-exchange.ts).
CREATE OR REPLACE FUNCTION "track_event_state_after_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE ids UUID[];
BEGIN
  ids := ARRAY(SELECT DISTINCT newcomer_id FROM new_rows);
  PERFORM lock_newcomers(ids);
  PERFORM "newcomer_track_state_refresh"(ids);
  RETURN NULL;
END $$;

-- Only the columns the state is made of (a moved event: both newcomers, a merge).
CREATE OR REPLACE FUNCTION "track_event_state_after_update"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE ids UUID[];
BEGIN
  ids := ARRAY(
    SELECT DISTINCT newcomer_id FROM (
      (SELECT id, newcomer_id, type, date, cancelled_at IS NULL AS live, infringement_type FROM old_rows
       EXCEPT SELECT id, newcomer_id, type, date, cancelled_at IS NULL, infringement_type FROM new_rows)
      UNION ALL
      (SELECT id, newcomer_id, type, date, cancelled_at IS NULL, infringement_type FROM new_rows
       EXCEPT SELECT id, newcomer_id, type, date, cancelled_at IS NULL, infringement_type FROM old_rows)
    ) changed);
  IF cardinality(ids) > 0 THEN
    PERFORM lock_newcomers(ids);
    PERFORM "newcomer_track_state_refresh"(ids);
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION "track_event_state_after_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE ids UUID[];
BEGIN
  ids := ARRAY(SELECT DISTINCT newcomer_id FROM old_rows);
  PERFORM lock_newcomers(ids);
  PERFORM "newcomer_track_state_refresh"(ids);
  RETURN NULL;
END $$;

DROP TRIGGER IF EXISTS "track_event_state_insert" ON "track_event";
CREATE TRIGGER "track_event_state_insert" AFTER INSERT ON "track_event"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
  WHEN (coalesce(current_setting('inburgering.bulk_load', true), '') NOT IN ('on', 'fresh-events'))
  EXECUTE FUNCTION "track_event_state_after_insert"();
DROP TRIGGER IF EXISTS "track_event_state_update" ON "track_event";
CREATE TRIGGER "track_event_state_update" AFTER UPDATE ON "track_event"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
  WHEN (coalesce(current_setting('inburgering.bulk_load', true), '') NOT IN ('on', 'fresh-events'))
  EXECUTE FUNCTION "track_event_state_after_update"();
DROP TRIGGER IF EXISTS "track_event_state_delete" ON "track_event";
CREATE TRIGGER "track_event_state_delete" AFTER DELETE ON "track_event"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
  WHEN (coalesce(current_setting('inburgering.bulk_load', true), '') NOT IN ('on', 'fresh-events'))
  EXECUTE FUNCTION "track_event_state_after_delete"();

-- Decisions: the newcomers of the dossiers whose decisions changed in what the flags are made of
-- (not the payment follow-up, nor in_force itself, which refresh writes: no recursion).
CREATE OR REPLACE FUNCTION "infringement_decision_state_after_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE ids UUID[];
BEGIN
  ids := ARRAY(SELECT DISTINCT e.newcomer_id FROM track_event e WHERE e.id IN (SELECT event_id FROM new_rows));
  PERFORM lock_newcomers(ids);
  PERFORM "newcomer_track_state_refresh"(ids);
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION "infringement_decision_state_after_update"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE ids UUID[];
BEGIN
  ids := ARRAY(
    SELECT DISTINCT e.newcomer_id FROM track_event e WHERE e.id IN (
      SELECT event_id FROM (
        (SELECT id, event_id, status, decided_on, created_at FROM old_rows EXCEPT SELECT id, event_id, status, decided_on, created_at FROM new_rows)
        UNION ALL
        (SELECT id, event_id, status, decided_on, created_at FROM new_rows EXCEPT SELECT id, event_id, status, decided_on, created_at FROM old_rows)
      ) changed));
  IF cardinality(ids) > 0 THEN
    PERFORM lock_newcomers(ids);
    PERFORM "newcomer_track_state_refresh"(ids);
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION "infringement_decision_state_after_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE ids UUID[];
BEGIN
  ids := ARRAY(SELECT DISTINCT e.newcomer_id FROM track_event e WHERE e.id IN (SELECT event_id FROM old_rows));
  PERFORM lock_newcomers(ids);
  PERFORM "newcomer_track_state_refresh"(ids);
  RETURN NULL;
END $$;

DROP TRIGGER IF EXISTS "infringement_decision_state_insert" ON "infringement_decision";
CREATE TRIGGER "infringement_decision_state_insert" AFTER INSERT ON "infringement_decision"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
  WHEN (coalesce(current_setting('inburgering.bulk_load', true), '') NOT IN ('on', 'fresh-events'))
  EXECUTE FUNCTION "infringement_decision_state_after_insert"();
DROP TRIGGER IF EXISTS "infringement_decision_state_update" ON "infringement_decision";
CREATE TRIGGER "infringement_decision_state_update" AFTER UPDATE ON "infringement_decision"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
  WHEN (coalesce(current_setting('inburgering.bulk_load', true), '') NOT IN ('on', 'fresh-events'))
  EXECUTE FUNCTION "infringement_decision_state_after_update"();
DROP TRIGGER IF EXISTS "infringement_decision_state_delete" ON "infringement_decision";
CREATE TRIGGER "infringement_decision_state_delete" AFTER DELETE ON "infringement_decision"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
  WHEN (coalesce(current_setting('inburgering.bulk_load', true), '') NOT IN ('on', 'fresh-events'))
  EXECUTE FUNCTION "infringement_decision_state_after_delete"();
