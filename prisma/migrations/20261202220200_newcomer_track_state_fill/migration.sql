-- Fill the track state kept on newcomer (20261202220000, kept from now on by the triggers of
-- 20261202220100) for the newcomers already there, then index it. Each index serves one filter:
-- the dossier list's status / extraction year / office / target group within an agency (one
-- index, its leading columns skipped by PostgreSQL 18's skip scan when a filter is not set, so
-- every combination is an index-only range; lib/server/dossiers/list-newcomers.ts), and each
-- per-newcomer worklist's clock date within an agency or an office, partial: only newcomers whose
-- obligation is open (lib/server/worklists/worklists.ts); the one without agency serves an admin's
-- list over every agency in date order (a skip scan over the agency would not keep that order).
SELECT newcomer_track_state_rebuild();
CREATE INDEX "newcomer_track_state_idx" ON "newcomer"("agency_code", "track_status", "extraction_year", "office_code", "target_group");
CREATE INDEX "newcomer_awaiting_registration_idx" ON "newcomer"("agency_code", "awaiting_registration_since", "id")
  WHERE "awaiting_registration_since" IS NOT NULL AND "target_group" = 'PLICHT';
CREATE INDEX "newcomer_awaiting_registration_office_idx" ON "newcomer"("office_code", "awaiting_registration_since", "id")
  WHERE "awaiting_registration_since" IS NOT NULL AND "target_group" = 'PLICHT';
CREATE INDEX "newcomer_awaiting_contract_idx" ON "newcomer"("agency_code", "awaiting_contract_since", "id")
  WHERE "awaiting_contract_since" IS NOT NULL;
CREATE INDEX "newcomer_awaiting_contract_office_idx" ON "newcomer"("office_code", "awaiting_contract_since", "id")
  WHERE "awaiting_contract_since" IS NOT NULL;
CREATE INDEX "newcomer_awaiting_attestation_idx" ON "newcomer"("agency_code", "awaiting_attestation_since", "id")
  WHERE "awaiting_attestation_since" IS NOT NULL;
CREATE INDEX "newcomer_awaiting_attestation_office_idx" ON "newcomer"("office_code", "awaiting_attestation_since", "id")
  WHERE "awaiting_attestation_since" IS NOT NULL;
CREATE INDEX "newcomer_awaiting_registration_all_idx" ON "newcomer"("awaiting_registration_since", "id")
  WHERE "awaiting_registration_since" IS NOT NULL AND "target_group" = 'PLICHT';
CREATE INDEX "newcomer_awaiting_contract_all_idx" ON "newcomer"("awaiting_contract_since", "id")
  WHERE "awaiting_contract_since" IS NOT NULL;
CREATE INDEX "newcomer_awaiting_attestation_all_idx" ON "newcomer"("awaiting_attestation_since", "id")
  WHERE "awaiting_attestation_since" IS NOT NULL;
