-- The infringement worklists' state (issue 14), kept like the newcomer's track state by the
-- triggers of prisma/sql/reports/80-track-state.sql (filled in 20261202220500): whether a live
-- infringement dossier has a standing decision, and whether a decision is its live dossier's
-- effective one. The lists "open-inbreuken", "herinneringen" and "overdracht" then read only the
-- dossiers and fines that are on them (partial indexes) instead of probing every dossier's decisions.
ALTER TABLE "track_event" ADD COLUMN "decision_standing" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "infringement_decision" ADD COLUMN "in_force" BOOLEAN NOT NULL DEFAULT false;
