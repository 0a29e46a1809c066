-- Keeping report_fact (the view report_fact_source stored), report_count (the facts counted per
-- key, 10-count-key.sql, and the years their validity starts and ends, at four grains: grain bit 2
-- set when nationality_code is rolled up, bit 1 when residence_status_code is; NULL in a rolled-up
-- column) and report_month_count (per key and calendar month, the facts whose validity starts
-- there and those whose validity ends there, at the same four grains) in step with the records.
-- All build their statements from report_count_key(), so the key is not spelled out here.

-- Knowledge time (recorded_from / recorded_to, NULL: current): the facts are never deleted, so a
-- report can be computed as the database held it at any instant T (lib/domain/reports/sql.ts).
-- report_fact_sync re-derives the facts of the given newcomers (NULL: all) and compares them with
-- the current ones: an unchanged fact stays as it is; a fact that disappears or changes is closed
-- (recorded_to = now(), the transaction's start: one transaction is one instant) and the new or
-- changed one is inserted with recorded_from = now(). A version recorded in this same transaction
-- (recorded_from = now()) is deleted instead of closed: no other instant ever saw it, and closing
-- it would leave an empty interval whose key (event_id, valid_from, recorded_from) the new
-- version needs. Returns the facts that changed, the way report_count must move: the closed or
-- deleted ones with recorded_to set (-1), the inserted ones with recorded_to NULL (+1); with
-- `changes` false it returns nothing (report_rebuild counts afresh). A fact is matched with its
-- newcomer too: when events move to another newcomer (a merge), the survivor's new version of a
-- fact may already stand beside the merged dossier's old one, and only the old one is gone.

-- The statement of report_fact_sync, written once: `filter` picks the facts' newcomers ('true':
-- all, or 'newcomer_id = ANY($1)'); $1 is the array, $2 `changes`.
CREATE OR REPLACE FUNCTION "report_fact_sync_sql"(filter TEXT) RETURNS TEXT LANGUAGE sql STABLE AS $f$
  SELECT format($q$
    WITH cur AS (
      SELECT event_id, valid_from, valid_to, newcomer_id, %1$s FROM report_fact WHERE recorded_to IS NULL AND %2$s
    ), src AS (
      SELECT * FROM report_fact_source WHERE %2$s
    ), gone AS (
      SELECT * FROM cur EXCEPT SELECT * FROM src
    ), closed AS (
      UPDATE report_fact f SET recorded_to = now() FROM gone g
       WHERE f.event_id = g.event_id AND f.valid_from = g.valid_from AND f.newcomer_id = g.newcomer_id
         AND f.recorded_to IS NULL AND f.recorded_from < now()
      RETURNING f.*
    ), dropped AS (
      DELETE FROM report_fact f USING gone g
       WHERE f.event_id = g.event_id AND f.valid_from = g.valid_from AND f.newcomer_id = g.newcomer_id
         AND f.recorded_to IS NULL AND f.recorded_from >= now()
      RETURNING f.*
    ), added AS (
      -- the sub-select on `dropped` makes the deletion complete before the first insert (the
      -- order of data-modifying CTEs is otherwise unspecified), so the key is free again
      INSERT INTO report_fact (event_id, valid_from, valid_to, newcomer_id, %1$s, recorded_from)
      SELECT n.*, now() FROM (SELECT * FROM src EXCEPT SELECT * FROM cur) n
       WHERE (SELECT count(*) FROM dropped) >= 0
      RETURNING *
    )
    SELECT * FROM closed WHERE $2
    -- by name, not position: report_fact's columns need not be in the view's order
    UNION ALL SELECT (jsonb_populate_record(NULL::report_fact, to_jsonb(d) || jsonb_build_object('recorded_to', now()))).* FROM dropped d WHERE $2
    UNION ALL SELECT * FROM added WHERE $2
  $q$, report_count_key(), filter)
$f$;

-- A save touches one newcomer (a bulk action of a page a few): report_fact_sync_few, generated at
-- the end of this file from the same statement, is plain SQL in a function, so each connection
-- plans it once and keeps the plan. EXECUTE would plan the view's four branches and the CTEs on
-- every save again (most of a trigger's cost). Many newcomers (an import) or all of them (NULL,
-- report_rebuild) still go through EXECUTE, planned with the actual array: a hash join instead
-- of index look-ups.
CREATE OR REPLACE FUNCTION "report_fact_sync"(newcomer_ids UUID[], changes BOOLEAN DEFAULT true) RETURNS SETOF report_fact
LANGUAGE plpgsql AS $$
BEGIN
  IF newcomer_ids IS NOT NULL AND cardinality(newcomer_ids) <= 100 THEN
    RETURN QUERY SELECT * FROM report_fact_sync_few(newcomer_ids, changes);
  ELSE
    RETURN QUERY EXECUTE report_fact_sync_sql(CASE WHEN newcomer_ids IS NULL THEN 'true' ELSE 'newcomer_id = ANY($1)' END) USING newcomer_ids, changes;
  END IF;
END $$;

-- The statement of report_refresh, written once: `sync` is the call that yields the changed facts
-- of the newcomers $1.
CREATE OR REPLACE FUNCTION "report_refresh_sql"(sync TEXT) RETURNS TEXT LANGUAGE sql STABLE AS $f$
  SELECT format($q$
    WITH changed AS (
      SELECT * FROM %3$s
    ), delta0 AS (
      -- from_year / to_year: output names (the facts have no such columns)
      SELECT %1$s, extract(year FROM valid_from)::int AS from_year, extract(year FROM valid_to)::int AS to_year,
             sum(CASE WHEN recorded_to IS NULL THEN 1 ELSE -1 END) AS n
        FROM changed f
       GROUP BY %1$s, from_year, to_year
      HAVING sum(CASE WHEN recorded_to IS NULL THEN 1 ELSE -1 END) <> 0
    ), delta AS (
      -- the four grains, rolled up from the finest (cheaper than GROUPING SETS over the facts)
      SELECT (GROUPING(nationality_code) * 2 + GROUPING(residence_status_code))::smallint AS grain,
             %1$s, from_year, to_year, sum(n)::bigint AS n
        FROM delta0
       GROUP BY %2$s, from_year, to_year,
                GROUPING SETS ((nationality_code, residence_status_code), (nationality_code), (residence_status_code), ())
      HAVING sum(n) <> 0
    ), month0 AS (
      -- per month: +1 where a current fact's validity starts (ends), -1 where a closed one's did
      SELECT %1$s, month, sum(starts) AS starts, sum(ends) AS ends FROM (
        SELECT %1$s, date_trunc('month', valid_from::timestamp)::date AS month,
               CASE WHEN recorded_to IS NULL THEN 1 ELSE -1 END AS starts, 0 AS ends
          FROM changed
        UNION ALL
        SELECT %1$s, date_trunc('month', valid_to::timestamp)::date, 0, CASE WHEN recorded_to IS NULL THEN 1 ELSE -1 END
          FROM changed WHERE valid_to IS NOT NULL
      ) m
       GROUP BY %1$s, month
      HAVING sum(starts) <> 0 OR sum(ends) <> 0
    ), month_delta AS (
      SELECT (GROUPING(nationality_code) * 2 + GROUPING(residence_status_code))::smallint AS grain,
             %1$s, month, sum(starts)::bigint AS starts, sum(ends)::bigint AS ends
        FROM month0
       GROUP BY %2$s, month,
                GROUPING SETS ((nationality_code, residence_status_code), (nationality_code), (residence_status_code), ())
      HAVING sum(starts) <> 0 OR sum(ends) <> 0
    ), counted AS (
      INSERT INTO report_count AS c (grain, %1$s, from_year, to_year, n)
      SELECT * FROM delta ORDER BY grain, %1$s, from_year, to_year
      ON CONFLICT (grain, %1$s, from_year, to_year) DO UPDATE SET n = c.n + excluded.n
      RETURNING 1
    )
    -- the sub-select on `counted` makes the report_count upsert complete first: every transaction
    -- takes the two tables' row locks in the same order (no deadlock between two saves)
    INSERT INTO report_month_count AS c (grain, %1$s, month, starts, ends)
    SELECT * FROM month_delta WHERE (SELECT count(*) FROM counted) >= 0 ORDER BY grain, %1$s, month
    ON CONFLICT (grain, %1$s, month) DO UPDATE SET starts = c.starts + excluded.starts, ends = c.ends + excluded.ends
  $q$, report_count_key(), report_count_key(true), sync)
$f$;

-- Re-derives the facts of the given newcomers (report_fact_sync) and moves report_count and
-- report_month_count by the difference.
-- EXECUTE plans with the actual array, so a bulk import of 200,000 newcomers gets a hash join
-- and a single click gets index look-ups. Keys are upserted in a fixed order (the order of the
-- unique index report_count_key) so that two transactions touching the same counts cannot deadlock.
-- Up to 100 newcomers: the planned-once statement of report_refresh_few (see report_fact_sync).
CREATE OR REPLACE FUNCTION "report_refresh"(newcomer_ids UUID[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF newcomer_ids IS NULL OR cardinality(newcomer_ids) = 0 THEN RETURN; END IF;
  PERFORM lock_newcomers(newcomer_ids);
  IF cardinality(newcomer_ids) <= 100 THEN
    PERFORM report_refresh_few(newcomer_ids);
  ELSE
    EXECUTE report_refresh_sql('report_fact_sync($1)') USING newcomer_ids;
  END IF;
END $$;

-- Counts report_month_count afresh from the current facts (the table empty): report_rebuild, and
-- the migration that added the table. The finest grain from the facts, the coarser ones rolled up
-- from it, as report_count. One pass over the facts: each yields its start month and, when its
-- validity ends, its end month (a VALUES pair per fact), instead of reading the facts twice.
-- work_mem: the bulk functions group millions of rows by 15 columns; with the server's default
-- (64 MB here) the sorts spill to disk and the 10x fill took 62 s + 66 s for the roll-up, with
-- 512 MB the grouping stays in memory (20 s + 26 s; bench/README.md, "report_rebuild"). Only these
-- operator-run bulk functions get it (SET on the function), never a request.
CREATE OR REPLACE FUNCTION "report_month_count_fill"() RETURNS void LANGUAGE plpgsql SET work_mem = '512MB' AS $$
BEGIN
  EXECUTE format($q$
    INSERT INTO report_month_count (grain, %1$s, month, starts, ends)
    SELECT 0, %1$s, m.month, sum(m.starts), sum(m.ends)
      FROM report_fact
     CROSS JOIN LATERAL (VALUES (date_trunc('month', valid_from::timestamp)::date, 1, 0),
                                (date_trunc('month', valid_to::timestamp)::date, 0, 1)) m (month, starts, ends)
     WHERE recorded_to IS NULL AND m.month IS NOT NULL
     GROUP BY %1$s, m.month
  $q$, report_count_key());
  EXECUTE format($q$
    INSERT INTO report_month_count (grain, %1$s, month, starts, ends)
    SELECT (GROUPING(nationality_code) * 2 + GROUPING(residence_status_code))::smallint, %1$s, month, sum(starts), sum(ends)
      FROM report_month_count WHERE grain = 0
     GROUP BY %2$s, month, GROUPING SETS ((nationality_code), (residence_status_code), ())
  $q$, report_count_key(), report_count_key(true));
END $$;
-- only report_rebuild (the owner's rights) and migrations call it: it adds to the counts, the table must be empty
REVOKE EXECUTE ON FUNCTION "report_month_count_fill"() FROM PUBLIC, inburgering_app;

-- Derives the three tables from scratch: a bulk import, a benchmark load (triggers off) and the
-- backfill when a migration changes what the facts are. report_fact keeps its history: all facts
-- are compared with the view (report_fact_sync(NULL)), closed and inserted as the triggers do, at
-- the instant of the calling transaction (an import's facts are recorded at the import's
-- instant); report_count and report_month_count, which hold only the current facts, are counted
-- afresh. Their secondary
-- indexes are dropped and built again afterwards, as they were (pg_get_indexdef): one sorted build
-- instead of a million random inserts, several times faster. It drops and re-creates indexes and truncates, so it runs
-- with the owner's rights (SECURITY DEFINER, pinned search_path); it takes no input, so the app
-- can only ask for a full re-derivation. work_mem as report_month_count_fill (above).
CREATE OR REPLACE FUNCTION "report_rebuild"() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp SET work_mem = '512MB' AS $$
DECLARE
  definitions TEXT[];
  definition TEXT;
BEGIN
  -- report_fact's primary key (random uuids) too; report_count's is a sequence, cheap to keep
  SELECT array_agg(pg_get_indexdef(i.indexrelid)) INTO definitions
    FROM pg_index i WHERE i.indrelid IN ('report_fact'::regclass, 'report_count'::regclass, 'report_month_count'::regclass) AND NOT i.indisprimary;
  EXECUTE (SELECT string_agg(format('DROP INDEX %s', i.indexrelid::regclass), '; ')
             FROM pg_index i WHERE i.indrelid IN ('report_fact'::regclass, 'report_count'::regclass, 'report_month_count'::regclass)
                          AND NOT i.indisprimary);
  ALTER TABLE report_fact DROP CONSTRAINT report_fact_pkey;
  TRUNCATE report_count, report_month_count;
  PERFORM report_fact_sync(NULL, false);
  -- the finest grain; from_year / to_year: output names (report_fact has no such columns)
  EXECUTE format($q$
    INSERT INTO report_count (grain, %1$s, from_year, to_year, n)
    SELECT 0, %1$s, extract(year FROM valid_from)::int AS from_year, extract(year FROM valid_to)::int AS to_year, count(*)
      FROM report_fact WHERE recorded_to IS NULL GROUP BY %1$s, from_year, to_year
  $q$, report_count_key());
  -- the coarser grains, rolled up from the finest (cheaper than GROUPING SETS over the facts)
  EXECUTE format($q$
    INSERT INTO report_count (grain, %1$s, from_year, to_year, n)
    SELECT (GROUPING(nationality_code) * 2 + GROUPING(residence_status_code))::smallint, %1$s, from_year, to_year, sum(n)
      FROM report_count WHERE grain = 0
     GROUP BY %2$s, from_year, to_year, GROUPING SETS ((nationality_code), (residence_status_code), ())
  $q$, report_count_key(), report_count_key(true));
  PERFORM report_month_count_fill();
  ALTER TABLE report_fact ADD CONSTRAINT report_fact_pkey PRIMARY KEY (event_id, valid_from, recorded_from);
  FOREACH definition IN ARRAY definitions LOOP EXECUTE definition; END LOOP;
END $$;
REVOKE EXECUTE ON FUNCTION "report_rebuild"() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION "report_rebuild"() TO inburgering_app;

-- The two planned-once functions, generated from the statements above (and with them the key of
-- 10-count-key.sql): static SQL in a function body is prepared once per connection; $1 / $2 are
-- the functions' parameters. force_generic_plan: PostgreSQL would otherwise re-plan a statement
-- with its actual parameters on every call while that looks cheaper than the generic plan, which
-- for up to 100 newcomers is the same index look-ups. Generated again whenever the files apply.
DO $generate$
BEGIN
  EXECUTE format('CREATE OR REPLACE FUNCTION "report_fact_sync_few"(UUID[], BOOLEAN) RETURNS SETOF report_fact LANGUAGE plpgsql '
                 'SET plan_cache_mode = force_generic_plan AS %L',
                 'BEGIN RETURN QUERY ' || report_fact_sync_sql('newcomer_id = ANY($1)') || '; END');
  EXECUTE format('CREATE OR REPLACE FUNCTION "report_refresh_few"(UUID[]) RETURNS void LANGUAGE plpgsql '
                 'SET plan_cache_mode = force_generic_plan AS %L',
                 'BEGIN ' || report_refresh_sql('report_fact_sync_few($1, true)') || '; END');
END $generate$;
