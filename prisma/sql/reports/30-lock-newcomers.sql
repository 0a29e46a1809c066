-- Serialises the re-derivation per newcomer (first-of-type marker and report facts alike). Under
-- READ COMMITTED two transactions that change events of the same newcomer at the same time would
-- each derive from a snapshot without the other's change (two "first" extractions, facts from a
-- stale view). Each waits here for the other to commit and then derives from a fresh snapshot
-- (every statement after this one takes a new one). Advisory locks keyed (113, hash of the id),
-- in sorted order; a statement touching more than 1,000 newcomers takes the whole key space
-- (113, 0) exclusively instead of filling the lock table, small ones take it shared.
CREATE OR REPLACE FUNCTION "lock_newcomers"(newcomer_ids UUID[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF cardinality(newcomer_ids) > 1000 THEN
    PERFORM pg_advisory_xact_lock(113, 0);
  ELSE
    PERFORM pg_advisory_xact_lock_shared(113, 0);
    PERFORM pg_advisory_xact_lock(113, k) FROM (SELECT DISTINCT hashtext(id::text) AS k FROM unnest(newcomer_ids) AS id ORDER BY 1) keys;
  END IF;
END $$;
