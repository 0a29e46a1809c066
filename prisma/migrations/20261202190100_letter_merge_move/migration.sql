-- A merge of two dossiers (issue 14) moves the merged dossier's letters to the survivor: the app may
-- change a letter's newcomer, and nothing else of it (the record of what was printed stays history).
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'inburgering_app') THEN
    GRANT UPDATE ("newcomer_id") ON "letter" TO inburgering_app;
  END IF;
END $$;
