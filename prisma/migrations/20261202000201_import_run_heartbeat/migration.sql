-- The instance running an import beats this every few seconds (lib/server/exchange/dossier-import.ts);
-- a run whose heartbeat stopped was interrupted with its instance, and any instance reports it so.
ALTER TABLE "import_run" ADD COLUMN "heartbeat_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
