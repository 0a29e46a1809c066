-- The words of the newcomers' search names (issue 18; tables of migration 20261207000000): per
-- newcomer one `newcomer_name_word` row per distinct word of `search_name`, with the agency and the
-- whole search name (so a page in name order is read from its primary key alone), and every word
-- once in `name_word` (trigram-indexed). A word typed in the dossier list's search box matches a
-- newcomer when it occurs in the search name (lib/server/dossiers/list-newcomers.ts); the words
-- only ever hold [a-z0-9] and single spaces separate them (toSearchName, lib/domain/search-name.ts),
-- so "occurs in the search name" and "occurs in one of its words" are the same test, and the list
-- finds the words that contain the typed one in `name_word`, then their newcomers here.
-- Derived from the newcomer row alone, in the writing transaction, by triggers (statement-level on
-- insert: COPY and row-by-row writes alike, a bulk import too, nothing here is skipped; per row on
-- a change of name or agency); a deleted newcomer's words go with it (ON DELETE CASCADE).

-- Every newcomer at once (the migration's backfill): one pass over newcomer.
CREATE OR REPLACE FUNCTION "newcomer_name_words_rebuild"() RETURNS void
LANGUAGE sql AS $$
  DELETE FROM "newcomer_name_word";
  INSERT INTO "newcomer_name_word" (word, agency_code, search_name, newcomer_id)
    SELECT DISTINCT x.word, n.agency_code, n.search_name, n.id
      FROM "newcomer" n CROSS JOIN LATERAL unnest(string_to_array(n.search_name, ' ')) AS x(word)
     WHERE x.word <> '';
  DELETE FROM "name_word";
  INSERT INTO "name_word" (word) SELECT DISTINCT word FROM "newcomer_name_word";
$$;

-- Removes the words no newcomer has any more (after an anonymisation or a merge), so a name does
-- not outlive its dossier in the dictionary. Called by the retention run. The table lock makes a
-- writer that is adding a word wait (or this wait for it), so a word in use is never removed.
CREATE OR REPLACE FUNCTION "name_word_purge"() RETURNS INTEGER
LANGUAGE plpgsql AS $$
DECLARE n INTEGER;
BEGIN
  LOCK TABLE "name_word" IN EXCLUSIVE MODE;
  DELETE FROM "name_word" d WHERE NOT EXISTS (SELECT 1 FROM "newcomer_name_word" w WHERE w.word = d.word);
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END $$;

-- The insert trigger writes the words from the transition table (what was written, not a new read
-- of newcomer), so a COPY of a million rows is one INSERT of their words. The dictionary rows are
-- added in word order, so two writers adding the same new words wait for each other in one order
-- (no deadlock); an existing word is neither locked nor written.
CREATE OR REPLACE FUNCTION "newcomer_name_words_after_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "newcomer_name_word" (word, agency_code, search_name, newcomer_id)
    SELECT DISTINCT x.word, n.agency_code, n.search_name, n.id
      FROM new_rows n CROSS JOIN LATERAL unnest(string_to_array(n.search_name, ' ')) AS x(word)
     WHERE x.word <> '';
  INSERT INTO "name_word" (word)
    SELECT DISTINCT x.word FROM new_rows n CROSS JOIN LATERAL unnest(string_to_array(n.search_name, ' ')) AS x(word)
     WHERE x.word <> '' ORDER BY x.word
    ON CONFLICT (word) DO NOTHING;
  RETURN NULL;
END $$;

-- A change of search name or agency, row by row: the trigger's WHEN condition leaves every other
-- update of a newcomer (the track state's, on every saved step) without a call or a transition
-- table. The row's words are written again from the new row.
CREATE OR REPLACE FUNCTION "newcomer_name_words_after_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "newcomer_name_word" w WHERE w.newcomer_id = NEW.id;
  INSERT INTO "newcomer_name_word" (word, agency_code, search_name, newcomer_id)
    SELECT DISTINCT x.word, NEW.agency_code, NEW.search_name, NEW.id
      FROM unnest(string_to_array(NEW.search_name, ' ')) AS x(word) WHERE x.word <> '';
  INSERT INTO "name_word" (word)
    SELECT DISTINCT x.word FROM unnest(string_to_array(NEW.search_name, ' ')) AS x(word) WHERE x.word <> '' ORDER BY x.word
    ON CONFLICT (word) DO NOTHING;
  RETURN NULL;
END $$;

DROP TRIGGER IF EXISTS "newcomer_name_words_insert" ON "newcomer";
CREATE TRIGGER "newcomer_name_words_insert" AFTER INSERT ON "newcomer"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "newcomer_name_words_after_insert"();
DROP TRIGGER IF EXISTS "newcomer_name_words_update" ON "newcomer";
CREATE TRIGGER "newcomer_name_words_update" AFTER UPDATE OF search_name, agency_code ON "newcomer" FOR EACH ROW
  WHEN ((OLD.search_name, OLD.agency_code) IS DISTINCT FROM (NEW.search_name, NEW.agency_code))
  EXECUTE FUNCTION "newcomer_name_words_after_update"();
