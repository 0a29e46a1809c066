-- The reports behind a publication (issue 13, the diff at 10×): what the reports gave as recorded
-- on the publication's instant, before disclosure control, stored with it once (the row stays
-- immutable), and a fingerprint of the report statements they came from. A diff against now then
-- takes these and adds what changed since the instant (the reasons statement reads those changes
-- anyway) instead of recomputing every report; when the statements changed since (another
-- fingerprint) or the publication predates this column, it recomputes as before. Aggregates only,
-- never shown: the published figures stay those of `figures`.
ALTER TABLE "publication" ADD COLUMN "reports" JSONB;
ALTER TABLE "publication" ADD COLUMN "reports_rules" TEXT;
