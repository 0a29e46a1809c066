-- Reports read pre-aggregated counts instead of counting millions of events at report time.
--
-- report_fact: what the reports count, one row per event and per state interval of that event:
-- the state a record is in "as of" a date (registered or not, the decision in force, the DVZ
-- follow-up known) changes over time, so each state is a fact valid from `valid_from` until
-- `valid_to` (exclusive; NULL: still valid). A report as of date D counts the facts with
-- valid_from <= D < valid_to — records dated after D have valid_from > D.
-- report_count: the facts counted per classification, state and the calendar years of
-- valid_from / valid_to, at four grains: nationality and residence status are the two columns
-- with many values (~190 and ~20), so the counts are also kept without one or both of them
-- (grain bit 2: nationality rolled up, bit 1: residence status rolled up; NULL in the rolled-up
-- column). A report by agency reads grain 3, some thousands of rows even at 10x the volume. A fact whose interval neither starts nor ends in D's year is valid at D
-- exactly when it started before that year and ends after it, so the engine sums report_count
-- for those and counts only the facts that start or end in D's year from report_fact (see
-- lib/domain/reports/sql.ts). Both tables are derived: statement-level triggers on track_event
-- and infringement_decision re-derive the facts of the newcomers a statement touched.

-- The reports no longer scan track_event: the two wide report indexes of migration
-- 20261129020400 only cost every write and every import's index rebuild now.
-- DropIndex
DROP INDEX "track_event_live_report_idx";

-- DropIndex
DROP INDEX "track_event_first_report_idx";

-- CreateTable
CREATE TABLE "report_fact" (
    "event_id" UUID NOT NULL,
    "valid_from" DATE NOT NULL,
    "valid_to" DATE,
    "newcomer_id" UUID NOT NULL,
    "type" "EventType" NOT NULL,
    "year" INTEGER NOT NULL,
    "office_code" TEXT NOT NULL,
    "agency_code" TEXT NOT NULL,
    "nationality_code" TEXT NOT NULL,
    "nationality_group" "NationalityGroup" NOT NULL,
    "residence_status_code" TEXT NOT NULL,
    "target_group" "TargetGroup" NOT NULL,
    "gender" "Gender" NOT NULL,
    "state" TEXT,
    "infringement_type" "InfringementType",
    "amount_eur" INTEGER,
    "contract_signed" BOOLEAN,
    "attestation_obtained" BOOLEAN,

    CONSTRAINT "report_fact_pkey" PRIMARY KEY ("event_id","valid_from")
);

-- CreateTable
CREATE TABLE "report_count" (
    "id" BIGSERIAL NOT NULL,
    "grain" SMALLINT NOT NULL,
    "type" "EventType" NOT NULL,
    "year" INTEGER NOT NULL,
    "office_code" TEXT NOT NULL,
    "agency_code" TEXT NOT NULL,
    "nationality_code" TEXT,
    "nationality_group" "NationalityGroup" NOT NULL,
    "residence_status_code" TEXT,
    "target_group" "TargetGroup" NOT NULL,
    "gender" "Gender" NOT NULL,
    "state" TEXT,
    "infringement_type" "InfringementType",
    "amount_eur" INTEGER,
    "contract_signed" BOOLEAN,
    "attestation_obtained" BOOLEAN,
    "from_year" INTEGER NOT NULL,
    "to_year" INTEGER,
    "n" BIGINT NOT NULL,

    CONSTRAINT "report_count_pkey" PRIMARY KEY ("id")
);

-- CreateIndex: re-deriving a newcomer's facts
CREATE INDEX "report_fact_newcomer_id_idx" ON "report_fact"("newcomer_id");

-- CreateIndex: the facts that start in the as-of year; year and valid_to in the key so the
-- bitmap scan drops facts of other years or no longer valid before visiting the table
CREATE INDEX "report_fact_type_valid_from_year_valid_to_idx" ON "report_fact"("type", "valid_from", "year", "valid_to");

-- CreateIndex: the facts that end in the as-of year (likewise)
CREATE INDEX "report_fact_type_valid_to_year_valid_from_idx" ON "report_fact"("type", "valid_to", "year", "valid_from") WHERE "valid_to" IS NOT NULL;

-- CreateIndex: one row per key (NULLs equal, so ON CONFLICT finds rows without a state); leads
-- with (grain, type, year) for the report's range scan
CREATE UNIQUE INDEX "report_count_key" ON "report_count"("grain", "type", "year", "office_code", "agency_code", "nationality_code", "nationality_group", "residence_status_code", "target_group", "gender", "state", "infringement_type", "amount_eur", "contract_signed", "attestation_obtained", "from_year", "to_year") NULLS NOT DISTINCT;

-- The facts of every newcomer, derived from the records; the triggers filter it by newcomer
-- (the filter is pushed into each branch, onto track_event's newcomer index).
CREATE VIEW "report_fact_source" AS
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

-- Serialises the re-derivation per newcomer. Under READ COMMITTED two transactions that change
-- events of the same newcomer at the same time would each derive from a snapshot without the
-- other's change (two "first" extractions, facts from a stale view). Each waits here for the
-- other to commit and then derives from a fresh snapshot (every statement after this one takes
-- a new one). Advisory locks keyed (113, hash of the id), in sorted order; a statement touching
-- more than 1,000 newcomers takes the whole key space (113, 0) exclusively instead of filling
-- the lock table, small ones take it shared.
CREATE FUNCTION "lock_newcomers"(newcomer_ids UUID[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF cardinality(newcomer_ids) > 1000 THEN
    PERFORM pg_advisory_xact_lock(113, 0);
  ELSE
    PERFORM pg_advisory_xact_lock_shared(113, 0);
    PERFORM pg_advisory_xact_lock(113, k) FROM (SELECT DISTINCT hashtext(id::text) AS k FROM unnest(newcomer_ids) AS id ORDER BY 1) keys;
  END IF;
END $$;

-- The first-of-type marker (migration 20261129020400) takes the same locks: its three triggers
-- all call track_event_recompute_first, which becomes a wrapper that locks and then runs the
-- original (renamed, unchanged) in a statement of its own, i.e. with a fresh snapshot.
ALTER FUNCTION "track_event_recompute_first"(UUID[], "EventType"[]) RENAME TO "track_event_recompute_first_unlocked";

CREATE FUNCTION "track_event_recompute_first"(newcomer_ids UUID[], types "EventType"[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM lock_newcomers(newcomer_ids);
  PERFORM "track_event_recompute_first_unlocked"(newcomer_ids, types);
END $$;

-- Re-derives the facts of the given newcomers and moves report_count by the difference.
-- EXECUTE plans with the actual array, so a bulk import of 200,000 newcomers gets a hash join
-- and a single click gets index look-ups. Keys are upserted in a fixed order so that two
-- transactions touching the same counts cannot deadlock.
CREATE FUNCTION "report_refresh"(newcomer_ids UUID[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF newcomer_ids IS NULL OR cardinality(newcomer_ids) = 0 THEN RETURN; END IF;
  PERFORM lock_newcomers(newcomer_ids);
  EXECUTE $q$
    WITH gone AS (
      DELETE FROM report_fact WHERE newcomer_id = ANY($1) RETURNING *
    ), added AS (
      INSERT INTO report_fact SELECT * FROM report_fact_source WHERE newcomer_id = ANY($1) RETURNING *
    ), delta0 AS (
      SELECT type, year, office_code, agency_code, nationality_code, nationality_group, residence_status_code,
             target_group, gender, state, infringement_type, amount_eur, contract_signed, attestation_obtained,
             extract(year FROM valid_from)::int AS from_year, extract(year FROM valid_to)::int AS to_year, sum(d) AS n
        FROM (SELECT *, -1 AS d FROM gone UNION ALL SELECT *, 1 FROM added) f
       GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16
      HAVING sum(d) <> 0
    ), delta AS (
      -- the four grains, rolled up from the finest (cheaper than GROUPING SETS over the facts)
      SELECT (GROUPING(nationality_code) * 2 + GROUPING(residence_status_code))::smallint AS grain,
             type, year, office_code, agency_code, nationality_code, nationality_group, residence_status_code,
             target_group, gender, state, infringement_type, amount_eur, contract_signed, attestation_obtained,
             from_year, to_year, sum(n)::bigint AS n
        FROM delta0
       GROUP BY type, year, office_code, agency_code, nationality_group, target_group, gender, state, infringement_type,
                amount_eur, contract_signed, attestation_obtained, from_year, to_year,
                GROUPING SETS ((nationality_code, residence_status_code), (nationality_code), (residence_status_code), ())
      HAVING sum(n) <> 0
    )
    INSERT INTO report_count AS c (grain, type, year, office_code, agency_code, nationality_code, nationality_group,
                                   residence_status_code, target_group, gender, state, infringement_type, amount_eur,
                                   contract_signed, attestation_obtained, from_year, to_year, n)
    SELECT * FROM delta ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17
    ON CONFLICT (grain, type, year, office_code, agency_code, nationality_code, nationality_group, residence_status_code,
                 target_group, gender, state, infringement_type, amount_eur, contract_signed, attestation_obtained,
                 from_year, to_year)
    DO UPDATE SET n = c.n + excluded.n
  $q$ USING newcomer_ids;
END $$;

-- Derives both tables from scratch: the migration's backfill, a bulk import and a benchmark load
-- (triggers off). Their secondary indexes are dropped and built again afterwards, as they were
-- (pg_get_indexdef): one sorted build instead of a million random inserts, several times faster.
CREATE FUNCTION "report_rebuild"() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  definitions TEXT[];
  definition TEXT;
BEGIN
  -- report_fact's primary key (random uuids) too; report_count's is a sequence, cheap to keep
  SELECT array_agg(pg_get_indexdef(i.indexrelid)) INTO definitions
    FROM pg_index i WHERE i.indrelid IN ('report_fact'::regclass, 'report_count'::regclass) AND NOT i.indisprimary;
  EXECUTE (SELECT string_agg(format('DROP INDEX %s', i.indexrelid::regclass), '; ')
             FROM pg_index i WHERE i.indrelid IN ('report_fact'::regclass, 'report_count'::regclass) AND NOT i.indisprimary);
  ALTER TABLE report_fact DROP CONSTRAINT report_fact_pkey;
  TRUNCATE report_fact, report_count;
  INSERT INTO report_fact SELECT * FROM report_fact_source;
  INSERT INTO report_count (grain, type, year, office_code, agency_code, nationality_code, nationality_group,
                            residence_status_code, target_group, gender, state, infringement_type, amount_eur,
                            contract_signed, attestation_obtained, from_year, to_year, n)
  SELECT 0, type, year, office_code, agency_code, nationality_code, nationality_group, residence_status_code,
         target_group, gender, state, infringement_type, amount_eur, contract_signed, attestation_obtained,
         extract(year FROM valid_from)::int, extract(year FROM valid_to)::int, count(*)
    FROM report_fact GROUP BY 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17;
  -- the coarser grains, rolled up from the finest (cheaper than GROUPING SETS over the facts)
  INSERT INTO report_count (grain, type, year, office_code, agency_code, nationality_code, nationality_group,
                            residence_status_code, target_group, gender, state, infringement_type, amount_eur,
                            contract_signed, attestation_obtained, from_year, to_year, n)
  SELECT (GROUPING(nationality_code) * 2 + GROUPING(residence_status_code))::smallint,
         type, year, office_code, agency_code, nationality_code, nationality_group, residence_status_code,
         target_group, gender, state, infringement_type, amount_eur, contract_signed, attestation_obtained,
         from_year, to_year, sum(n)
    FROM report_count WHERE grain = 0
   GROUP BY type, year, office_code, agency_code, nationality_group, target_group, gender, state, infringement_type,
            amount_eur, contract_signed, attestation_obtained, from_year, to_year,
            GROUPING SETS ((nationality_code), (residence_status_code), ());
  ALTER TABLE report_fact ADD CONSTRAINT report_fact_pkey PRIMARY KEY (event_id, valid_from);
  FOREACH definition IN ARRAY definitions LOOP EXECUTE definition; END LOOP;
END $$;

-- Triggers: statement-level with transition tables (one per event, as PostgreSQL requires), so
-- COPY imports and row-by-row writes alike keep the counts right. Named after the first-of-type
-- triggers (alphabetical order): they see the marker already recomputed.
CREATE FUNCTION "track_event_report_after_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_refresh(ARRAY(SELECT DISTINCT newcomer_id FROM new_rows));
  RETURN NULL;
END $$;

-- Only changes of the columns the facts are made of matter (not a note, a version or updated_at).
CREATE FUNCTION "track_event_report_after_update"() RETURNS trigger LANGUAGE plpgsql AS $$
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

CREATE FUNCTION "track_event_report_after_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_refresh(ARRAY(SELECT DISTINCT newcomer_id FROM old_rows));
  RETURN NULL;
END $$;

CREATE TRIGGER "track_event_report_insert" AFTER INSERT ON "track_event"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "track_event_report_after_insert"();
CREATE TRIGGER "track_event_report_update" AFTER UPDATE ON "track_event"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "track_event_report_after_update"();
CREATE TRIGGER "track_event_report_delete" AFTER DELETE ON "track_event"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "track_event_report_after_delete"();

-- Decisions: the newcomers of the infringement dossiers whose final decisions changed (not the
-- payment follow-up, reminders or confirmations of a decision already in force).
CREATE FUNCTION "infringement_decision_report_after_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_refresh(ARRAY(SELECT DISTINCT e.newcomer_id FROM track_event e WHERE e.id IN (SELECT event_id FROM new_rows)));
  RETURN NULL;
END $$;

CREATE FUNCTION "infringement_decision_report_after_update"() RETURNS trigger LANGUAGE plpgsql AS $$
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

CREATE FUNCTION "infringement_decision_report_after_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_refresh(ARRAY(SELECT DISTINCT e.newcomer_id FROM track_event e WHERE e.id IN (SELECT event_id FROM old_rows)));
  RETURN NULL;
END $$;

CREATE TRIGGER "infringement_decision_report_insert" AFTER INSERT ON "infringement_decision"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "infringement_decision_report_after_insert"();
CREATE TRIGGER "infringement_decision_report_update" AFTER UPDATE ON "infringement_decision"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "infringement_decision_report_after_update"();
CREATE TRIGGER "infringement_decision_report_delete" AFTER DELETE ON "infringement_decision"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "infringement_decision_report_after_delete"();

-- Backfill for records that exist already.
SELECT report_rebuild();
