-- Duplicates and merge (issue 14). Likely duplicates are found by the database through one index
-- on (search_name, birth_date): the dossier page seeks its own key, the admin list groups the
-- index (an index-only scan) instead of loading rows. A merge keeps the number it does not keep
-- on the surviving dossier as an alias, which still finds the person in the search and refuses
-- the number for a new dossier; merged_from_id is the removed dossier's id, so its audit rows and
-- old links still lead to the survivor (audit_log is append-only: its rows are not rewritten).
CREATE INDEX "newcomer_search_name_birth_date_idx" ON "newcomer"("search_name", "birth_date");

CREATE TABLE "newcomer_alias" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "newcomer_id" UUID NOT NULL,
    "national_number" CHAR(11) NOT NULL,
    "merged_from_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "newcomer_alias_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "newcomer_alias_national_number_key" ON "newcomer_alias"("national_number");
CREATE UNIQUE INDEX "newcomer_alias_merged_from_id_key" ON "newcomer_alias"("merged_from_id");
CREATE INDEX "newcomer_alias_newcomer_id_idx" ON "newcomer_alias"("newcomer_id");

ALTER TABLE "newcomer_alias" ADD CONSTRAINT "newcomer_alias_newcomer_id_fkey" FOREIGN KEY ("newcomer_id") REFERENCES "newcomer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
