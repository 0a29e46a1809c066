-- Measured at 1 M newcomers (bench/dossiers.bench.ts): the planner multiplied the selectivities
-- of type = 'INFRINGEMENT' and NOT decision_standing as if independent and expected 25,000 open
-- dossiers instead of 1,700, so it hashed the whole newcomer table for the open-inbreuken worklist
-- (0.4–0.9 s). Joint statistics of the two columns give it the real number.
CREATE STATISTICS "track_event_type_decision_standing_stats" (mcv) ON "type", "decision_standing" FROM "track_event";
-- The dossier list's "newest first" sorts on (created_at, id): after a bulk import every newcomer
-- has the same created_at, and an index without id left a sort of the agency's whole list (0.76 s).
CREATE INDEX "newcomer_agency_code_created_at_id_idx" ON "newcomer"("agency_code", "created_at", "id");
DROP INDEX "newcomer_agency_code_created_at_idx";
ANALYZE "track_event";
