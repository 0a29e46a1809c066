-- The question text and the introduction as printed with a publication (issue 13), chosen when
-- publishing. Nullable: earlier publications have none (their page shows the default text).
-- The immutability trigger (publication_no_update_delete) covers every column, these too.
ALTER TABLE "publication" ADD COLUMN "question_text" TEXT;
ALTER TABLE "publication" ADD COLUMN "introduction" TEXT;
