-- The audit rows of a dossier merged into an anonymised one (issue 14's merge: audit_log is
-- append-only, so the merged dossier's rows keep its old id, found through
-- newcomer_alias.merged_from_id) are redacted with the survivor's: they held the same person's name,
-- address and numbers (issue 15, tests/integration/retention-traces.test.ts). Same rule otherwise:
-- only for newcomers already anonymised, so the app cannot blank the history of a live dossier.
CREATE OR REPLACE FUNCTION retention_redact_audit(p_newcomer_ids UUID[], p_keys TEXT[], p_marker TEXT) RETURNS BIGINT
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE n BIGINT;
BEGIN
  PERFORM set_config('inburgering.retention', 'on', true);
  UPDATE audit_log a
     SET before = retention_redact_json(a.before, p_keys, p_marker),
         after = retention_redact_json(a.after, p_keys, p_marker),
         reason = CASE WHEN a.reason IS NULL THEN NULL ELSE p_marker END
   WHERE a.newcomer_id IN (
           SELECT c.id FROM newcomer c WHERE c.id = ANY(p_newcomer_ids) AND c.anonymised_at IS NOT NULL
           UNION
           SELECT al.merged_from_id FROM newcomer_alias al JOIN newcomer c ON c.id = al.newcomer_id
            WHERE c.id = ANY(p_newcomer_ids) AND c.anonymised_at IS NOT NULL AND al.merged_from_id IS NOT NULL);
  GET DIAGNOSTICS n = ROW_COUNT;
  PERFORM set_config('inburgering.retention', '', true);
  RETURN n;
END $$;
