-- Issue 18: the words of the newcomers' search names, kept by the data layer
-- (prisma/sql/reports/90-name-words.sql, migration 20261207000100), so that a name search over a
-- million newcomers reads an index-only range of the words instead of the matching table rows.
CREATE TABLE "newcomer_name_word" (
    "word" TEXT NOT NULL,
    "agency_code" TEXT NOT NULL,
    "search_name" TEXT NOT NULL,
    "newcomer_id" UUID NOT NULL,

    CONSTRAINT "newcomer_name_word_pkey" PRIMARY KEY ("word","agency_code","search_name","newcomer_id")
);

CREATE TABLE "name_word" (
    "word" TEXT NOT NULL,

    CONSTRAINT "name_word_pkey" PRIMARY KEY ("word")
);

CREATE INDEX "newcomer_name_word_newcomer_id_idx" ON "newcomer_name_word"("newcomer_id");

CREATE INDEX "name_word_trgm_idx" ON "name_word" USING GIN ("word" gin_trgm_ops);

ALTER TABLE "newcomer_name_word" ADD CONSTRAINT "newcomer_name_word_newcomer_id_fkey" FOREIGN KEY ("newcomer_id") REFERENCES "newcomer"("id") ON DELETE CASCADE ON UPDATE CASCADE;
