-- Contact details, letters and the fine's structured communication (issue 14).

-- The newcomer's contact details: each optional, validated by the data layer
-- (lib/domain/contact/contact.schema.ts). street, postal_code and city existed already.
ALTER TABLE "newcomer" ADD COLUMN "house_number" TEXT,
ADD COLUMN "box_number" TEXT,
ADD COLUMN "country_code" CHAR(2),
ADD COLUMN "phone_number" TEXT,
ADD COLUMN "email_address" TEXT,
ADD COLUMN "contact_language" TEXT;

-- A fine's structured communication: 10 digits from this sequence and their mod-97 check
-- (lib/domain/contact/structured-communication.ts). The sequence makes it unique under any
-- concurrency; the unique index guards it against values written any other way (an import).
CREATE SEQUENCE "fine_communication_seq" AS BIGINT MINVALUE 1 MAXVALUE 9999999999 START WITH 1 NO CYCLE;
ALTER TABLE "infringement_decision" ADD COLUMN "structured_communication" CHAR(12);
CREATE UNIQUE INDEX "infringement_decision_structured_communication_key" ON "infringement_decision"("structured_communication");

-- CreateEnum
CREATE TYPE "LetterKind" AS ENUM ('INVITATION', 'FINE_DECISION');

-- A printed letter: what, for whom, about which record, who and when. No personal data in it.
CREATE TABLE "letter" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "kind" "LetterKind" NOT NULL,
    "newcomer_id" UUID NOT NULL,
    "event_id" UUID,
    "decision_id" UUID,
    "printed_by_id" UUID NOT NULL,
    "printed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "batch_id" UUID,
    CONSTRAINT "letter_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "letter_newcomer_id_printed_at_idx" ON "letter"("newcomer_id", "printed_at");
CREATE INDEX "letter_event_id_idx" ON "letter"("event_id");
CREATE INDEX "letter_decision_id_idx" ON "letter"("decision_id");
CREATE INDEX "letter_printed_by_id_idx" ON "letter"("printed_by_id");

ALTER TABLE "letter" ADD CONSTRAINT "letter_newcomer_id_fkey" FOREIGN KEY ("newcomer_id") REFERENCES "newcomer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "letter" ADD CONSTRAINT "letter_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "track_event"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "letter" ADD CONSTRAINT "letter_decision_id_fkey" FOREIGN KEY ("decision_id") REFERENCES "infringement_decision"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "letter" ADD CONSTRAINT "letter_printed_by_id_fkey" FOREIGN KEY ("printed_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- the record of what was printed is history: the app adds to it, never rewrites it
-- (DELETE stays: retention may remove a newcomer's records)
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'inburgering_app') THEN
    REVOKE UPDATE, TRUNCATE ON "letter" FROM inburgering_app;
  END IF;
END $$;
