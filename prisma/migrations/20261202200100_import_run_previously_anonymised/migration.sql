-- How many newcomers an import created with the national number of an anonymised dossier (issue 15):
-- the import result knew it (lib/server/exchange/import-exchange.ts, the CLI said it); the upload
-- page /beheer/import says it too ("eerder geanonimiseerd"), from the run's record.
ALTER TABLE "import_run" ADD COLUMN "previously_anonymised" INTEGER NOT NULL DEFAULT 0;
