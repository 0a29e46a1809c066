-- Issue 14 (step order): an import reports the steps out of the usual order (an invitation or a
-- registration without an extraction before it) per line and goes ahead; the upload page shows
-- them with the outcome. { count, list } like "errors" (the first ones kept).
ALTER TABLE "import_run" ADD COLUMN "warnings" JSONB;
