-- Least privilege: the running app connects as `inburgering_app`, which owns nothing, may read and
-- write the tables it needs, and may only SELECT and INSERT the audit log. Migrations run as the
-- owner of the schema objects (`inburgering_owner` in the embedded default and with
-- prisma/sql/create-roles.sql; whoever runs them on a developer's superuser set-up).
-- What needed ownership in the app (bulk import: switching triggers off, dropping and
-- re-creating indexes and foreign keys; report_rebuild) now goes through a transaction-local
-- setting and SECURITY DEFINER functions owned by the owner, with a pinned search_path.

-- The app role must exist before it can be granted anything. prisma/sql/create-roles.sql creates
-- it with a password; a superuser (a developer's set-up, the tests) gets a NOLOGIN role here.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'inburgering_app') THEN
    IF NOT (SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user) THEN
      RAISE EXCEPTION 'De rol inburgering_app bestaat niet: maak de rollen eerst aan met prisma/sql/create-roles.sql (zie README, Productie).';
    END IF;
    CREATE ROLE inburgering_app NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
  END IF;
END $$;

GRANT USAGE ON SCHEMA public TO inburgering_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO inburgering_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO inburgering_app;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO inburgering_app;
-- history is append-only for the app too (the trigger guards it as well, for every role)
REVOKE UPDATE, DELETE, TRUNCATE, TRIGGER, REFERENCES ON "audit_log" FROM inburgering_app;
-- the migration bookkeeping is the owner's business
REVOKE ALL ON "_prisma_migrations" FROM inburgering_app;

-- Tables, sequences and functions that later migrations add (as the same owner) get the same
-- grants; the audit log's exception is repeated above by name, so a new table is never it.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO inburgering_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO inburgering_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT EXECUTE ON FUNCTIONS TO inburgering_app;

-- Bulk load without DISABLE TRIGGER: the report and first-of-type triggers do not fire while the
-- import's transaction has set `SET LOCAL inburgering.bulk_load = 'on'` (the first-of-type insert
-- trigger only under 'fresh-events', while new newcomers' events are copied with an exact
-- marker). Anyone may set such a setting: skipping only delays report figures (the import
-- re-derives them), it can never touch the audit log, whose append-only triggers have no such
-- condition. Same triggers, same names (firing order), a WHEN condition added.
DROP TRIGGER "track_event_first_insert" ON "track_event";
CREATE TRIGGER "track_event_first_insert" AFTER INSERT ON "track_event"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
  WHEN (coalesce(current_setting('inburgering.bulk_load', true), '') <> 'fresh-events')
  EXECUTE FUNCTION "track_event_first_after_insert"();

DROP TRIGGER "track_event_report_insert" ON "track_event";
DROP TRIGGER "track_event_report_update" ON "track_event";
DROP TRIGGER "track_event_report_delete" ON "track_event";
CREATE TRIGGER "track_event_report_insert" AFTER INSERT ON "track_event"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
  WHEN (coalesce(current_setting('inburgering.bulk_load', true), '') NOT IN ('on', 'fresh-events'))
  EXECUTE FUNCTION "track_event_report_after_insert"();
CREATE TRIGGER "track_event_report_update" AFTER UPDATE ON "track_event"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
  WHEN (coalesce(current_setting('inburgering.bulk_load', true), '') NOT IN ('on', 'fresh-events'))
  EXECUTE FUNCTION "track_event_report_after_update"();
CREATE TRIGGER "track_event_report_delete" AFTER DELETE ON "track_event"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
  WHEN (coalesce(current_setting('inburgering.bulk_load', true), '') NOT IN ('on', 'fresh-events'))
  EXECUTE FUNCTION "track_event_report_after_delete"();

DROP TRIGGER "infringement_decision_report_insert" ON "infringement_decision";
DROP TRIGGER "infringement_decision_report_update" ON "infringement_decision";
DROP TRIGGER "infringement_decision_report_delete" ON "infringement_decision";
CREATE TRIGGER "infringement_decision_report_insert" AFTER INSERT ON "infringement_decision"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
  WHEN (coalesce(current_setting('inburgering.bulk_load', true), '') NOT IN ('on', 'fresh-events'))
  EXECUTE FUNCTION "infringement_decision_report_after_insert"();
CREATE TRIGGER "infringement_decision_report_update" AFTER UPDATE ON "infringement_decision"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
  WHEN (coalesce(current_setting('inburgering.bulk_load', true), '') NOT IN ('on', 'fresh-events'))
  EXECUTE FUNCTION "infringement_decision_report_after_update"();
CREATE TRIGGER "infringement_decision_report_delete" AFTER DELETE ON "infringement_decision"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
  WHEN (coalesce(current_setting('inburgering.bulk_load', true), '') NOT IN ('on', 'fresh-events'))
  EXECUTE FUNCTION "infringement_decision_report_after_delete"();

-- report_rebuild drops and re-creates indexes and truncates the report tables: it runs with the
-- owner's rights. It takes no input, so the app can only ask for a full re-derivation.
ALTER FUNCTION "report_rebuild"() SECURITY DEFINER SET search_path = public, pg_temp;
REVOKE EXECUTE ON FUNCTION "report_rebuild"() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION "report_rebuild"() TO inburgering_app;

-- Dropping and re-creating the foreign keys and secondary indexes of the import's tables, with
-- the owner's rights. The definitions are kept in a table the app cannot reach (a schema of its
-- own, outside the public schema Prisma describes), keyed by the transaction, so the app can
-- never have the owner execute a definition of its choosing. Both calls belong in the import's
-- transaction: a rollback restores the keys and indexes and forgets the stash alike.
CREATE SCHEMA "inburgering_private";
REVOKE ALL ON SCHEMA "inburgering_private" FROM PUBLIC;
CREATE TABLE "inburgering_private"."bulk_load_dropped" (
  "ord"        BIGSERIAL PRIMARY KEY,
  "xact"       XID8 NOT NULL DEFAULT pg_current_xact_id(),
  "kind"       TEXT NOT NULL CHECK ("kind" IN ('index', 'foreign key')),
  "table_name" TEXT NOT NULL,
  "name"       TEXT NOT NULL,
  "definition" TEXT NOT NULL
);

CREATE FUNCTION "bulk_load_drop"(tables TEXT[], drop_indexes BOOLEAN) RETURNS INTEGER
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
CREATE FUNCTION "bulk_load_restore"() RETURNS INTEGER
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
