-- Publications (issue 13): the figures exactly as they were published, kept immutable. A later
-- correction of a record changes what a report shows, never what was published; the diff and the
-- check on the publication's page compare against this row.

-- CreateEnum
CREATE TYPE "PublicationStatus" AS ENUM ('VOORLOPIG', 'DEFINITIEF');

-- CreateTable
CREATE TABLE "publication" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "title" TEXT NOT NULL,
    "question_number" INTEGER NOT NULL,
    "question_date" DATE,
    "question_member" TEXT,
    "tables" JSONB NOT NULL,
    "year_from" INTEGER NOT NULL,
    "year_to" INTEGER NOT NULL,
    "as_of" DATE NOT NULL,
    "taken_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" "PublicationStatus" NOT NULL,
    "agency_code" TEXT,
    "published_by_id" UUID NOT NULL,
    "for_publication" BOOLEAN NOT NULL,
    "figures" JSONB NOT NULL,
    "content_hash" TEXT NOT NULL,
    "provisional_id" UUID,
    CONSTRAINT "publication_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "publication_provisional_id_key" ON "publication"("provisional_id");

-- CreateIndex
CREATE INDEX "publication_taken_at_idx" ON "publication"("taken_at");

-- CreateIndex
CREATE INDEX "publication_agency_code_taken_at_idx" ON "publication"("agency_code", "taken_at");

-- AddForeignKey
ALTER TABLE "publication" ADD CONSTRAINT "publication_published_by_id_fkey" FOREIGN KEY ("published_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "publication" ADD CONSTRAINT "publication_provisional_id_fkey" FOREIGN KEY ("provisional_id") REFERENCES "publication"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A publication is what was published: no role may rewrite or erase it (like the audit log; the
-- app role also lacks the privileges). A wrong publication is followed by a new one, not edited.
CREATE FUNCTION publication_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'publication is immutable (% refused)', TG_OP;
END;
$$;
CREATE TRIGGER publication_no_update_delete BEFORE UPDATE OR DELETE ON "publication"
  FOR EACH ROW EXECUTE FUNCTION publication_immutable();
CREATE TRIGGER publication_no_truncate BEFORE TRUNCATE ON "publication"
  FOR EACH STATEMENT EXECUTE FUNCTION publication_immutable();

-- the default privileges gave the app role UPDATE and DELETE on the new table: take them back
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'inburgering_app') THEN
    REVOKE UPDATE, DELETE, TRUNCATE, TRIGGER, REFERENCES ON "publication" FROM inburgering_app;
  END IF;
END $$;
