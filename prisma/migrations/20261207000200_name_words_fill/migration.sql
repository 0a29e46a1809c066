-- The words of every newcomer there is (the triggers of migration 20261207000100 keep them from now on).
SELECT newcomer_name_words_rebuild();
-- the planner's statistics of the filled tables now, not at autovacuum's next visit
ANALYZE newcomer_name_word, name_word;

-- The retention run's statistics refresh (migration 20261202200200) also takes those of the two
-- word tables again: their most common values are names.
CREATE OR REPLACE FUNCTION retention_refresh_statistics() RETURNS VOID
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  ANALYZE newcomer, newcomer_alias, track_event, infringement_decision, audit_log, search_token, newcomer_name_word, name_word;
END $$;
