-- Knowledge time by event type (issue 13, speed at 10×): a report as recorded on T reads the facts
-- of ITS event type changed since T. The history indexes led with recorded_from / recorded_to, so
-- each of the answer's 19 reports read every type's changes since T and intersected them with a
-- scan of all its type's facts (BitmapAnd; ~1 s at 1.5 M newcomers). With the type first, each
-- report reads only its own changes. The same two partial indexes, one more leading column (no
-- extra index to maintain on a write); a query without the type (the reasons of a diff ask for
-- several types: type = ANY) still uses them.
DROP INDEX IF EXISTS "report_fact_recorded_from_idx";
DROP INDEX IF EXISTS "report_fact_recorded_to_recorded_from_idx";
CREATE INDEX "report_fact_type_recorded_from_idx" ON "report_fact"("type", "recorded_from") WHERE "recorded_to" IS NULL;
CREATE INDEX "report_fact_type_recorded_to_recorded_from_idx" ON "report_fact"("type", "recorded_to", "recorded_from") WHERE "recorded_to" IS NOT NULL;
