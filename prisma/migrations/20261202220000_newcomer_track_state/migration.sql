-- The track state kept per newcomer (issues 14 and 18): the furthest live step, the year of the
-- first live extraction and, per worklist clock, the date the clock started while the obligation
-- is still open. Kept by the statement-level triggers of prisma/sql/reports/80-track-state.sql
-- (filled in migration 20261202220200), so that the dossier list's status and extraction-year
-- filters and the three per-newcomer worklists are plain columns of `newcomer`: an index range
-- and an index-only count instead of EXISTS probes per matching newcomer.
ALTER TABLE "newcomer" ADD COLUMN "track_status" "EventType";
ALTER TABLE "newcomer" ADD COLUMN "extraction_year" SMALLINT;
ALTER TABLE "newcomer" ADD COLUMN "awaiting_registration_since" DATE;
ALTER TABLE "newcomer" ADD COLUMN "awaiting_contract_since" DATE;
ALTER TABLE "newcomer" ADD COLUMN "awaiting_attestation_since" DATE;
