-- Retention, legal holds and anonymisation (issue 15; lib/domain/retention, lib/server/retention).

-- An anonymised newcomer keeps its row (its events carry the classification every report counts)
-- with a random pseudonym in place of the name, and the instant it was anonymised.
ALTER TABLE "newcomer" ADD COLUMN "pseudonym" TEXT, ADD COLUMN "anonymised_at" TIMESTAMPTZ(3);
CREATE UNIQUE INDEX "newcomer_pseudonym_key" ON "newcomer"("pseudonym");
-- the retention run looks for dossiers not yet anonymised
CREATE INDEX "newcomer_anonymised_at_idx" ON "newcomer"("anonymised_at");

-- national_number is UNIQUE NOT NULL: an anonymised newcomer gets 'X' and ten digits from this
-- sequence, unique and never a national number (those are digits only), tied to nothing.
CREATE SEQUENCE "newcomer_anonymous_number_seq";

-- A hold set by an admin, with a reason: it stops the anonymisation of the dossier until an
-- admin removes it (with a reason). Never deleted: the row is the history of the hold.
CREATE TABLE "legal_hold" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "newcomer_id" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "set_by_id" UUID,
    "set_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removed_at" TIMESTAMPTZ(3),
    "removed_by_id" UUID,
    "removal_reason" TEXT,
    CONSTRAINT "legal_hold_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "legal_hold_newcomer_id_removed_at_idx" ON "legal_hold"("newcomer_id", "removed_at");
ALTER TABLE "legal_hold" ADD CONSTRAINT "legal_hold_newcomer_id_fkey" FOREIGN KEY ("newcomer_id") REFERENCES "newcomer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A keyed hash (HMAC-SHA-256 with RETENTION_NUMBER_KEY, kept outside the database) of each
-- anonymised national number, linked to nothing (no newcomer, no date), so that a later import of
-- the same number can say "this number belonged to an anonymised dossier" without the database
-- holding the number: a plain hash of a national number is reversed by trying the ~4·10^9
-- possible numbers; without the key this cannot be tried (lib/server/retention/number-mark.ts).
CREATE TABLE "anonymised_number" (
    "mark" TEXT NOT NULL,
    CONSTRAINT "anonymised_number_pkey" PRIMARY KEY ("mark")
);

-- The audit log stays append-only for every role, except what the retention functions below do
-- with the owner's rights: replace the personal values of an anonymised person's rows, and delete
-- rows past their term. They say so by a transaction-local setting that only counts when the
-- current user is the audit log's owner (inside a SECURITY DEFINER function of the owner); the app
-- role may set the setting but has no UPDATE or DELETE privilege on the table. TRUNCATE stays refused.
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND coalesce(current_setting('inburgering.retention', true), '') = 'on'
     AND current_user = (SELECT r.rolname FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner WHERE c.oid = 'audit_log'::regclass) THEN
    RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP;
END $$;

-- The value of every key in `keys`, at any depth, replaced by `marker` (NULLs stay NULL); and a
-- change written as {"field": "lastName", "from": …, "to": …} loses every value but its field name.
CREATE FUNCTION retention_redact_json(j JSONB, keys TEXT[], marker TEXT) RETURNS JSONB
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE r JSONB;
BEGIN
  IF j IS NULL THEN RETURN NULL; END IF;
  IF jsonb_typeof(j) = 'object' AND j->>'field' = ANY(keys) THEN
    SELECT jsonb_object_agg(e.key, CASE WHEN e.key = 'field' OR jsonb_typeof(e.value) = 'null' THEN e.value ELSE to_jsonb(marker) END)
      INTO r FROM jsonb_each(j) e;
    RETURN r;
  ELSIF jsonb_typeof(j) = 'object' THEN
    SELECT coalesce(jsonb_object_agg(e.key, CASE WHEN e.key = ANY(keys) AND jsonb_typeof(e.value) <> 'null' THEN to_jsonb(marker)
                                                 ELSE retention_redact_json(e.value, keys, marker) END), '{}'::jsonb)
      INTO r FROM jsonb_each(j) e;
    RETURN r;
  ELSIF jsonb_typeof(j) = 'array' THEN
    SELECT coalesce(jsonb_agg(retention_redact_json(a.e, keys, marker) ORDER BY a.o), '[]'::jsonb)
      INTO r FROM jsonb_array_elements(j) WITH ORDINALITY a(e, o);
    RETURN r;
  END IF;
  RETURN j;
END $$;

-- The audit rows of newcomers anonymised in this transaction keep what was done (action, when, by
-- whom, the pseudonymous newcomer id) and lose the personal values and free texts. Only newcomers
-- already anonymised qualify, so the app cannot blank the history of a live dossier.
CREATE FUNCTION retention_redact_audit(p_newcomer_ids UUID[], p_keys TEXT[], p_marker TEXT) RETURNS BIGINT
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE n BIGINT;
BEGIN
  PERFORM set_config('inburgering.retention', 'on', true);
  UPDATE audit_log a
     SET before = retention_redact_json(a.before, p_keys, p_marker),
         after = retention_redact_json(a.after, p_keys, p_marker),
         reason = CASE WHEN a.reason IS NULL THEN NULL ELSE p_marker END
    FROM newcomer c
   WHERE a.newcomer_id = c.id AND c.id = ANY(p_newcomer_ids) AND c.anonymised_at IS NOT NULL;
  GET DIAGNOSTICS n = ROW_COUNT;
  PERFORM set_config('inburgering.retention', '', true);
  RETURN n;
END $$;

-- Deletes the audit rows older than `p_before` whose action is in `p_actions`, or (when `p_not_actions`
-- is given) whose action is none of those. Never younger than 6 months (CNIL's lower bound for
-- logs): the app cannot empty the audit log through this door.
CREATE FUNCTION retention_purge_audit(p_actions TEXT[], p_not_actions TEXT[], p_before TIMESTAMPTZ) RETURNS BIGINT
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE n BIGINT;
BEGIN
  IF p_before > now() - INTERVAL '6 months' THEN
    RAISE EXCEPTION 'retention_purge_audit: niet jonger dan 6 maanden (%)', p_before;
  END IF;
  PERFORM set_config('inburgering.retention', 'on', true);
  DELETE FROM audit_log
   WHERE at < p_before AND (action = ANY(p_actions) OR (p_not_actions IS NOT NULL AND action <> ALL(p_not_actions)));
  GET DIAGNOSTICS n = ROW_COUNT;
  PERFORM set_config('inburgering.retention', '', true);
  RETURN n;
END $$;

REVOKE EXECUTE ON FUNCTION retention_redact_audit(UUID[], TEXT[], TEXT), retention_purge_audit(TEXT[], TEXT[], TIMESTAMPTZ) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION retention_redact_audit(UUID[], TEXT[], TEXT), retention_purge_audit(TEXT[], TEXT[], TIMESTAMPTZ) TO inburgering_app;
