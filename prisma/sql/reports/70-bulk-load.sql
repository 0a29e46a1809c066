-- Bulk load without ownership in the app (least privilege, lib/db/roles.ts): the import's
-- transaction sets `SET LOCAL inburgering.bulk_load` ('on': the report triggers are skipped;
-- 'fresh-events': the first-of-type insert trigger too, while new newcomers' events are copied
-- with an exact marker — see the triggers' WHEN conditions), and drops and re-creates the foreign
-- keys and secondary indexes of the import's tables through these two SECURITY DEFINER functions,
-- with the owner's rights and a pinned search_path. The definitions are kept in
-- inburgering_private.bulk_load_dropped (a table, so it stays in migration 20261201000100), a
-- schema the app cannot reach, keyed by the transaction, so the app can never have the owner
-- execute a definition of its choosing. Both calls belong in the import's transaction: a rollback
-- restores the keys and indexes and forgets the stash alike.
CREATE OR REPLACE FUNCTION "bulk_load_drop"(tables TEXT[], drop_indexes BOOLEAN) RETURNS INTEGER
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE r RECORD; n INTEGER := 0;
BEGIN
  IF NOT tables <@ ARRAY['newcomer', 'track_event', 'infringement_decision'] THEN
    RAISE EXCEPTION 'bulk_load_drop: alleen de tabellen van de import (%)', tables;
  END IF;
  FOR r IN SELECT c.conrelid::regclass::text AS tbl, c.conname AS name, pg_get_constraintdef(c.oid) AS def
             FROM pg_constraint c
            WHERE c.contype = 'f' AND (c.conrelid::regclass::text = ANY(tables) OR c.confrelid::regclass::text = ANY(tables))
            ORDER BY c.conname LOOP
    INSERT INTO inburgering_private.bulk_load_dropped (kind, table_name, name, definition) VALUES ('foreign key', r.tbl, r.name, r.def);
    EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', r.tbl, r.name);
    n := n + 1;
  END LOOP;
  IF drop_indexes THEN
    FOR r IN SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def, i.indrelid::regclass::text AS tbl
               FROM pg_index i
              WHERE i.indrelid::regclass::text = ANY(tables) AND NOT i.indisunique AND NOT i.indisprimary
                AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
              ORDER BY 1 LOOP
      INSERT INTO inburgering_private.bulk_load_dropped (kind, table_name, name, definition) VALUES ('index', r.tbl, r.name, r.def);
      EXECUTE format('DROP INDEX %s', r.name);
      n := n + 1;
    END LOOP;
  END IF;
  RETURN n;
END $$;

-- Puts back what bulk_load_drop dropped in this transaction: indexes first, then the foreign keys
-- (each checked in one scan), as before.
CREATE OR REPLACE FUNCTION "bulk_load_restore"() RETURNS INTEGER
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE r RECORD; n INTEGER := 0;
BEGIN
  FOR r IN SELECT * FROM inburgering_private.bulk_load_dropped WHERE xact = pg_current_xact_id()
            ORDER BY kind DESC, ord LOOP -- 'index' before 'foreign key'
    IF r.kind = 'index' THEN
      EXECUTE r.definition;
    ELSE
      EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I %s', r.table_name, r.name, r.definition);
    END IF;
    n := n + 1;
  END LOOP;
  DELETE FROM inburgering_private.bulk_load_dropped WHERE xact = pg_current_xact_id();
  RETURN n;
END $$;

REVOKE EXECUTE ON FUNCTION "bulk_load_drop"(TEXT[], BOOLEAN), "bulk_load_restore"() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION "bulk_load_drop"(TEXT[], BOOLEAN), "bulk_load_restore"() TO inburgering_app;

-- The tables a bulk load that rebuilds the indexes writes or derives anew: the import's own, the
-- name words their triggers keep, the report tables report_rebuild() derives. The list of
-- bulk_load_analyze() below, of the VACUUM after the commit (lib/server/exchange/bulk-load.ts) and
-- of the MAINTAIN grant that lets the app's role run it.
CREATE OR REPLACE FUNCTION "bulk_loaded_tables"() RETURNS TEXT[]
LANGUAGE sql IMMUTABLE AS $$
  SELECT ARRAY['newcomer', 'track_event', 'infringement_decision', 'newcomer_name_word', 'name_word', 'report_fact', 'report_count', 'report_month_count']
$$;

-- After a bulk load that rebuilt the indexes, the planner's statistics of what it loaded, in the
-- import's transaction: without them the first searches after a load planned the name words
-- (newcomer_name_word, hundreds of thousands of new rows) as if empty, and 50 staff at work
-- right after the demo load waited up to seconds (bench/load.bench.ts, bench/README.md "Last").
-- Autovacuum would take them only later. The owner's rights: ANALYZE needs them (or MAINTAIN).
CREATE OR REPLACE FUNCTION "bulk_load_analyze"() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE t TEXT;
BEGIN
  FOREACH t IN ARRAY bulk_loaded_tables() LOOP
    EXECUTE format('ANALYZE %I', t);
  END LOOP;
END $$;

REVOKE EXECUTE ON FUNCTION "bulk_load_analyze"() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION "bulk_load_analyze"() TO inburgering_app;

-- The VACUUM after such a load's commit runs as the app's role (VACUUM cannot run in a function,
-- which is always inside a transaction): MAINTAIN on these tables lets it (VACUUM, ANALYZE,
-- REINDEX, CLUSTER and LOCK of them; no access to rows beyond what the role had). MAINTAIN exists
-- from PostgreSQL 17 on; on an older server the VACUUM is skipped with a warning and autovacuum
-- does it later.
DO $$
DECLARE t TEXT;
BEGIN
  IF current_setting('server_version_num')::int >= 170000 THEN
    FOREACH t IN ARRAY bulk_loaded_tables() LOOP
      EXECUTE format('GRANT MAINTAIN ON TABLE %I TO inburgering_app', t);
    END LOOP;
  END IF;
END $$;
