-- ANALYZE copies column values into the planner statistics (pg_statistic: most common values,
-- histogram bounds; jsonb values of the audit log too). After an anonymisation they may still hold
-- the names, numbers and addresses just removed, until autovacuum analyses the table again (issue 15:
-- "nothing of the person remains"). The retention run and the admin's anonymisation call this
-- after their commit: the statistics are taken again from the rows as they are now. SECURITY
-- DEFINER: ANALYZE needs the owner (or MAINTAIN, PostgreSQL 17+), the app role owns nothing.
CREATE FUNCTION retention_refresh_statistics() RETURNS VOID
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  ANALYZE newcomer, newcomer_alias, track_event, infringement_decision, audit_log, search_token;
END $$;
REVOKE EXECUTE ON FUNCTION retention_refresh_statistics() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION retention_refresh_statistics() TO inburgering_app;
