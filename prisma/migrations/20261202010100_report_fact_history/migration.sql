-- Knowledge time (kennisdatum, issue 13): report_fact keeps its history. Each fact is known from
-- `recorded_from` until `recorded_to` (NULL: still current) — the instants of the transactions
-- that derived it and that changed or removed it. The report triggers close a fact that changes
-- instead of deleting it (prisma/sql/reports/50-refresh-rebuild.sql), so a report can be computed
-- "as recorded on T" (what the database held at T) beside "as of D" (valid_from / valid_to).
-- report_count keeps counting only the current facts.
ALTER TABLE "report_fact" ADD COLUMN "recorded_from" TIMESTAMPTZ, ADD COLUMN "recorded_to" TIMESTAMPTZ;

-- The facts that exist now were derived before the history was kept: their knowledge time is
-- approximated by the time the records they depend on entered the database — the event's
-- created_at, and the latest of the final decisions' (infringements) or of the live registrations'
-- (reach, whose state depends on the registration) created_at. Corrections made to those records
-- before this migration are not known; a report as recorded on a T before it may therefore count a
-- corrected fact in its corrected form, or miss one whose record was entered before T but whose
-- fact changed since.
UPDATE "report_fact" f
   SET "recorded_from" = greatest(
         e.created_at,
         CASE WHEN f.type = 'INFRINGEMENT' THEN
           (SELECT max(x.created_at) FROM infringement_decision x WHERE x.event_id = f.event_id AND x.status = 'FINAL') END,
         CASE WHEN f.type = 'EXTRACTION' AND (f.state = 'AANGEMELD' OR f.valid_to IS NOT NULL) THEN
           (SELECT max(r.created_at) FROM track_event r
             WHERE r.newcomer_id = f.newcomer_id AND r.type = 'REGISTRATION' AND r.cancelled_at IS NULL) END)
  FROM track_event e
 WHERE e.id = f.event_id;
ALTER TABLE "report_fact" ALTER COLUMN "recorded_from" SET NOT NULL;

-- A fact's (event_id, valid_from) repeats across its versions; one version per transaction.
ALTER TABLE "report_fact" DROP CONSTRAINT "report_fact_pkey";
ALTER TABLE "report_fact" ADD CONSTRAINT "report_fact_pkey" PRIMARY KEY ("event_id", "valid_from", "recorded_from");

-- CreateIndex: "as recorded on T" = the current facts, minus the current ones recorded after T,
-- plus the closed ones known at T (lib/domain/reports/sql.ts): two partial indexes, each small
-- when T is recent (only what changed since T)
CREATE INDEX "report_fact_recorded_from_idx" ON "report_fact"("recorded_from") WHERE "recorded_to" IS NULL;
CREATE INDEX "report_fact_recorded_to_recorded_from_idx" ON "report_fact"("recorded_to", "recorded_from") WHERE "recorded_to" IS NOT NULL;
