-- "First EXTRACTION / first CONTRACT per newcomer" as a stored marker, track_event.is_first_of_type,
-- instead of a DISTINCT ON over millions of events at report time. The rule: the earliest live
-- (not cancelled) event of a (newcomer, type) pair — by date, then creation time, then id — is the
-- first; every other event of the pair is not.

-- Recomputes the marker for the given (newcomer, type) pairs; only rows whose marker changes are
-- written. Statement-level triggers fire even when no row changed, so the callers call this only
-- when they have pairs (otherwise its own empty UPDATE would fire the update trigger again, forever).
CREATE OR REPLACE FUNCTION "track_event_recompute_first_unlocked"(newcomer_ids UUID[], types "EventType"[]) RETURNS void
LANGUAGE sql AS $$
  -- one pass over the pairs' events with a window, no join back to a CTE (whose row estimate a
  -- generic plan gets wrong, turning it into a quadratic nested loop for large imports)
  WITH pairs AS (
    SELECT DISTINCT p.newcomer_id, p.type FROM unnest(newcomer_ids, types) AS p(newcomer_id, type)
  ), wanted AS (
    SELECT e.id, e.is_first_of_type AS was,
           e.cancelled_at IS NULL AND row_number() OVER (
             PARTITION BY e.newcomer_id, e.type
             ORDER BY (e.cancelled_at IS NOT NULL), e.date, e.created_at, e.id) = 1 AS should
    FROM "track_event" e JOIN pairs p ON p.newcomer_id = e.newcomer_id AND p.type = e.type
  )
  UPDATE "track_event" t SET is_first_of_type = w.should FROM wanted w WHERE t.id = w.id AND w.should <> w.was;
$$;

-- What the triggers call: takes the newcomers' locks (30-lock-newcomers.sql), then recomputes in
-- a statement of its own, i.e. with a fresh snapshot that sees the other transaction's commit.
CREATE OR REPLACE FUNCTION "track_event_recompute_first"(newcomer_ids UUID[], types "EventType"[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM lock_newcomers(newcomer_ids);
  PERFORM "track_event_recompute_first_unlocked"(newcomer_ids, types);
END $$;

-- Statement-level triggers with transition tables, so that COPY-based imports and row-by-row
-- writes alike keep the marker right without knowing about it. PostgreSQL allows one event per
-- trigger with transition tables, hence three functions.
CREATE OR REPLACE FUNCTION "track_event_first_after_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE ids UUID[]; types "EventType"[];
BEGIN
  SELECT array_agg(newcomer_id), array_agg(type) INTO ids, types
  FROM (SELECT DISTINCT newcomer_id, type FROM new_rows) p;
  IF ids IS NOT NULL THEN PERFORM "track_event_recompute_first"(ids, types); END IF;
  RETURN NULL;
END $$;

-- Only changes of the columns that decide "first" matter; the recompute itself changes only the
-- marker, so its own UPDATE finds no relevant change and does not recurse.
CREATE OR REPLACE FUNCTION "track_event_first_after_update"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE ids UUID[]; types "EventType"[];
BEGIN
  SELECT array_agg(newcomer_id), array_agg(type) INTO ids, types
  -- rows whose relevant columns changed, found with EXCEPT (hashed set operations) rather than a
  -- join of the transition tables, which have no statistics and got a quadratic nested loop
  FROM (
    SELECT newcomer_id, type FROM (
      (SELECT id, newcomer_id, type, date, created_at, cancelled_at IS NULL AS live FROM old_rows
       EXCEPT SELECT id, newcomer_id, type, date, created_at, cancelled_at IS NULL FROM new_rows)
      UNION ALL
      (SELECT id, newcomer_id, type, date, created_at, cancelled_at IS NULL AS live FROM new_rows
       EXCEPT SELECT id, newcomer_id, type, date, created_at, cancelled_at IS NULL FROM old_rows)
    ) changed GROUP BY newcomer_id, type
  ) p;
  IF ids IS NOT NULL THEN PERFORM "track_event_recompute_first"(ids, types); END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION "track_event_first_after_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE ids UUID[]; types "EventType"[];
BEGIN
  SELECT array_agg(newcomer_id), array_agg(type) INTO ids, types
  FROM (SELECT DISTINCT newcomer_id, type FROM old_rows) p;
  IF ids IS NOT NULL THEN PERFORM "track_event_recompute_first"(ids, types); END IF;
  RETURN NULL;
END $$;

-- The insert trigger is skipped only under bulk_load = 'fresh-events': the import then copies new
-- newcomers' events with an exact marker (see 70-bulk-load.sql for the setting). Triggers of one
-- event fire in name order: track_event_first_* before track_event_report_*, so the report
-- triggers see the marker already recomputed.
DROP TRIGGER IF EXISTS "track_event_first_insert" ON "track_event";
CREATE TRIGGER "track_event_first_insert" AFTER INSERT ON "track_event"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
  WHEN (coalesce(current_setting('inburgering.bulk_load', true), '') <> 'fresh-events')
  EXECUTE FUNCTION "track_event_first_after_insert"();
DROP TRIGGER IF EXISTS "track_event_first_update" ON "track_event";
CREATE TRIGGER "track_event_first_update" AFTER UPDATE ON "track_event"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "track_event_first_after_update"();
DROP TRIGGER IF EXISTS "track_event_first_delete" ON "track_event";
CREATE TRIGGER "track_event_first_delete" AFTER DELETE ON "track_event"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "track_event_first_after_delete"();
