-- The two database roles of least privilege, for an external PostgreSQL (≥ 14). Run once, as a
-- superuser (or a role with CREATEROLE), before the first `npm start` / `npm run db:migrate`:
--
--   psql "postgresql://postgres@HOST/postgres" -v ON_ERROR_STOP=1 \
--        -v owner_password="$OWNER_PASSWORD" -v app_password="$APP_PASSWORD" \
--        -v database=inburgering -f prisma/sql/create-roles.sql
--
-- Then:  MIGRATION_DATABASE_URL=postgresql://inburgering_owner:$OWNER_PASSWORD@HOST/inburgering
--        DATABASE_URL=postgresql://inburgering_app:$APP_PASSWORD@HOST/inburgering
-- - inburgering_owner owns the database and every object in it and runs the migrations;
-- - inburgering_app is what the app connects as: no superuser, owns nothing; its rights (and
--   on audit_log only SELECT and INSERT) are granted by the migration 20261201000100.
-- Running it again changes the passwords and nothing else. The database is created when missing.

\set ON_ERROR_STOP 1
\if :{?database}
\else
  \set database inburgering
\endif

SELECT format('CREATE ROLE inburgering_owner LOGIN PASSWORD %L NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS', :'owner_password')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'inburgering_owner') \gexec
SELECT format('ALTER ROLE inburgering_owner LOGIN PASSWORD %L NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS', :'owner_password') \gexec

SELECT format('CREATE ROLE inburgering_app LOGIN PASSWORD %L NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS', :'app_password')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'inburgering_app') \gexec
SELECT format('ALTER ROLE inburgering_app LOGIN PASSWORD %L NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS', :'app_password') \gexec

SELECT format('CREATE DATABASE %I OWNER inburgering_owner TEMPLATE template0 ENCODING %L', :'database', 'UTF8')
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'database') \gexec
SELECT format('ALTER DATABASE %I OWNER TO inburgering_owner', :'database') \gexec

\connect :"database"
-- pg_trgm (used by the name search) is a trusted extension: the owner may create it itself; a
-- superuser creates it here in case the server's policy says otherwise
CREATE EXTENSION IF NOT EXISTS pg_trgm;
-- PostgreSQL 15+: the public schema belongs to the database owner; older versions let anyone create in it
ALTER SCHEMA public OWNER TO inburgering_owner;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
