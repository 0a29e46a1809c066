-- Initial schema. Trigram search on names needs pg_trgm (shipped with PostgreSQL contrib).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('STAFF', 'MANAGER', 'ADMIN');

-- CreateEnum
CREATE TYPE "Gender" AS ENUM ('M', 'V');

-- CreateEnum
CREATE TYPE "TargetGroup" AS ENUM ('PLICHT', 'RECHT', 'ONBEPAALD');

-- CreateEnum
CREATE TYPE "NationalityGroup" AS ENUM ('DERDELANDER', 'EU_PLUS', 'ONBEPAALD');

-- CreateEnum
CREATE TYPE "EventType" AS ENUM ('EXTRACTION', 'INVITATION', 'REGISTRATION', 'CONTRACT', 'ATTESTATION', 'INFRINGEMENT', 'DVZ_ADVICE');

-- CreateEnum
CREATE TYPE "InfringementType" AS ENUM ('NIET_TIJDIG_AANGEMELD', 'GEWEIGERD_TE_ONDERTEKENEN', 'ONRECHTMATIG_VROEGTIJDIG_BEEINDIGD', 'ONREGELMATIGE_DEELNAME', 'NA_INBREUK_NIET_TIJDIG_AANGEMELD', 'NIET_REGELMATIG_DEELGENOMEN', 'NIET_TIJDIG_AANGEMELD_NA_OPSCHORTING');

-- CreateEnum
CREATE TYPE "DecisionOutcome" AS ENUM ('BOETE', 'GEEN_BOETE', 'GEEN_GEVOLG');

-- CreateEnum
CREATE TYPE "DecisionStatus" AS ENUM ('AWAITING_CONFIRMATION', 'FINAL', 'REJECTED');

-- CreateEnum
CREATE TYPE "PaymentStatus" AS ENUM ('OPEN', 'BETAALD', 'HERINNERING', 'OVERGEDRAGEN');

-- CreateEnum
CREATE TYPE "DvzFollowUp" AS ENUM ('VERBLIJF_VERLENGD', 'VERBLIJF_NIET_VERLENGD', 'ONBEKEND');

-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('VALIDATING', 'IMPORTING', 'SUCCEEDED', 'FAILED');

-- CreateTable
CREATE TABLE "agency" (
    "code" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "agency_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "office" (
    "code" TEXT NOT NULL,
    "agency_code" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    CONSTRAINT "office_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "nationality" (
    "code" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "nationality_group" "NationalityGroup" NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    CONSTRAINT "nationality_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "residence_status" (
    "code" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    CONSTRAINT "residence_status_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "app_user" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "agency_code" TEXT,
    "office_code" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "last_login_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "login_attempt" (
    "id" BIGSERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "ip" TEXT NOT NULL,
    "success" BOOLEAN NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "login_attempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "user_id" UUID,
    "user_email" TEXT,
    "action" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT,
    "newcomer_id" UUID,
    "agency_code" TEXT,
    "before" JSONB,
    "after" JSONB,
    "reason" TEXT,
    "ip" TEXT,
    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "newcomer" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "national_number" CHAR(11) NOT NULL,
    "last_name" TEXT NOT NULL,
    "first_name" TEXT NOT NULL,
    "search_name" TEXT NOT NULL,
    "birth_date" DATE NOT NULL,
    "gender" "Gender" NOT NULL,
    "nationality_code" TEXT NOT NULL,
    "nationality_group" "NationalityGroup" NOT NULL,
    "residence_status_code" TEXT NOT NULL,
    "target_group" "TargetGroup" NOT NULL,
    "office_code" TEXT NOT NULL,
    "agency_code" TEXT NOT NULL,
    "street" TEXT,
    "postal_code" TEXT,
    "city" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "newcomer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "track_event" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "newcomer_id" UUID NOT NULL,
    "type" "EventType" NOT NULL,
    "date" DATE NOT NULL,
    "office_code" TEXT NOT NULL,
    "agency_code" TEXT NOT NULL,
    "nationality_code" TEXT NOT NULL,
    "nationality_group" "NationalityGroup" NOT NULL,
    "residence_status_code" TEXT NOT NULL,
    "target_group" "TargetGroup" NOT NULL,
    "gender" "Gender" NOT NULL,
    "infringement_type" "InfringementType",
    "contract_signed" BOOLEAN,
    "attestation_obtained" BOOLEAN,
    "dvz_follow_up" "DvzFollowUp",
    "dvz_follow_up_on" DATE,
    "note" TEXT,
    "cancelled_at" TIMESTAMPTZ(3),
    "cancel_reason" TEXT,
    "cancelled_by_id" UUID,
    "recorded_by_id" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "track_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "infringement_decision" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "event_id" UUID NOT NULL,
    "outcome" "DecisionOutcome" NOT NULL,
    "decided_on" DATE NOT NULL,
    "amount_eur" INTEGER,
    "motivation" TEXT NOT NULL DEFAULT '',
    "status" "DecisionStatus" NOT NULL DEFAULT 'FINAL',
    "decided_by_id" UUID,
    "confirmed_by_id" UUID,
    "confirmed_at" TIMESTAMPTZ(3),
    "corrects_id" UUID,
    "correction_reason" TEXT,
    "payment_status" "PaymentStatus",
    "paid_on" DATE,
    "reminder_sent_on" DATE,
    "handed_over_on" DATE,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "infringement_decision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "import_run" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "file_name" TEXT NOT NULL,
    "status" "ImportStatus" NOT NULL,
    "total_lines" INTEGER NOT NULL DEFAULT 0,
    "done_lines" INTEGER NOT NULL DEFAULT 0,
    "newcomers" INTEGER NOT NULL DEFAULT 0,
    "events" INTEGER NOT NULL DEFAULT 0,
    "errors" JSONB,
    "started_by_id" UUID,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    CONSTRAINT "import_run_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "office_agency_code_idx" ON "office"("agency_code");

-- CreateIndex
CREATE UNIQUE INDEX "office_code_agency_code_key" ON "office"("code", "agency_code");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_email_key" ON "app_user"("email");

-- CreateIndex
CREATE INDEX "app_user_agency_code_idx" ON "app_user"("agency_code");

-- CreateIndex
CREATE INDEX "app_user_office_code_idx" ON "app_user"("office_code");

-- CreateIndex
CREATE INDEX "login_attempt_email_at_idx" ON "login_attempt"("email", "at");

-- CreateIndex
CREATE INDEX "login_attempt_ip_at_idx" ON "login_attempt"("ip", "at");

-- CreateIndex
CREATE INDEX "audit_log_newcomer_id_at_idx" ON "audit_log"("newcomer_id", "at");

-- CreateIndex
CREATE INDEX "audit_log_user_id_at_idx" ON "audit_log"("user_id", "at");

-- CreateIndex
CREATE INDEX "audit_log_at_idx" ON "audit_log"("at");

-- CreateIndex
CREATE INDEX "audit_log_action_at_idx" ON "audit_log"("action", "at");

-- CreateIndex
CREATE UNIQUE INDEX "newcomer_national_number_key" ON "newcomer"("national_number");

-- CreateIndex
CREATE INDEX "newcomer_agency_code_last_name_first_name_idx" ON "newcomer"("agency_code", "last_name", "first_name");

-- CreateIndex
CREATE INDEX "newcomer_office_code_idx" ON "newcomer"("office_code");

-- CreateIndex
CREATE INDEX "newcomer_nationality_code_idx" ON "newcomer"("nationality_code");

-- CreateIndex
CREATE INDEX "newcomer_residence_status_code_idx" ON "newcomer"("residence_status_code");

-- CreateIndex
CREATE INDEX "newcomer_search_name_trgm_idx" ON "newcomer" USING GIN("search_name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "track_event_newcomer_id_type_date_idx" ON "track_event"("newcomer_id", "type", "date");

-- CreateIndex
CREATE INDEX "track_event_type_date_idx" ON "track_event"("type", "date");

-- CreateIndex
CREATE INDEX "track_event_office_code_idx" ON "track_event"("office_code");

-- CreateIndex
CREATE INDEX "track_event_agency_code_type_date_idx" ON "track_event"("agency_code", "type", "date");

-- CreateIndex
CREATE INDEX "track_event_nationality_code_idx" ON "track_event"("nationality_code");

-- CreateIndex
CREATE INDEX "track_event_residence_status_code_idx" ON "track_event"("residence_status_code");

-- CreateIndex
CREATE INDEX "track_event_recorded_by_id_idx" ON "track_event"("recorded_by_id");

-- CreateIndex
CREATE INDEX "infringement_decision_event_id_status_decided_on_idx" ON "infringement_decision"("event_id", "status", "decided_on");

-- CreateIndex
CREATE INDEX "infringement_decision_corrects_id_idx" ON "infringement_decision"("corrects_id");

-- CreateIndex
CREATE INDEX "infringement_decision_decided_by_id_idx" ON "infringement_decision"("decided_by_id");

-- CreateIndex
CREATE INDEX "infringement_decision_status_payment_status_idx" ON "infringement_decision"("status", "payment_status");

-- CreateIndex
CREATE INDEX "import_run_started_by_id_idx" ON "import_run"("started_by_id");

-- AddForeignKey
ALTER TABLE "office" ADD CONSTRAINT "office_agency_code_fkey" FOREIGN KEY ("agency_code") REFERENCES "agency"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_agency_code_fkey" FOREIGN KEY ("agency_code") REFERENCES "agency"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_office_code_fkey" FOREIGN KEY ("office_code") REFERENCES "office"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "newcomer" ADD CONSTRAINT "newcomer_nationality_code_fkey" FOREIGN KEY ("nationality_code") REFERENCES "nationality"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "newcomer" ADD CONSTRAINT "newcomer_residence_status_code_fkey" FOREIGN KEY ("residence_status_code") REFERENCES "residence_status"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "newcomer" ADD CONSTRAINT "newcomer_office_code_agency_code_fkey" FOREIGN KEY ("office_code", "agency_code") REFERENCES "office"("code", "agency_code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "newcomer" ADD CONSTRAINT "newcomer_agency_code_fkey" FOREIGN KEY ("agency_code") REFERENCES "agency"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "track_event" ADD CONSTRAINT "track_event_newcomer_id_fkey" FOREIGN KEY ("newcomer_id") REFERENCES "newcomer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "track_event" ADD CONSTRAINT "track_event_office_code_agency_code_fkey" FOREIGN KEY ("office_code", "agency_code") REFERENCES "office"("code", "agency_code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "track_event" ADD CONSTRAINT "track_event_agency_code_fkey" FOREIGN KEY ("agency_code") REFERENCES "agency"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "track_event" ADD CONSTRAINT "track_event_nationality_code_fkey" FOREIGN KEY ("nationality_code") REFERENCES "nationality"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "track_event" ADD CONSTRAINT "track_event_residence_status_code_fkey" FOREIGN KEY ("residence_status_code") REFERENCES "residence_status"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "infringement_decision" ADD CONSTRAINT "infringement_decision_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "track_event"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "infringement_decision" ADD CONSTRAINT "infringement_decision_corrects_id_fkey" FOREIGN KEY ("corrects_id") REFERENCES "infringement_decision"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The audit log is append-only: no role of the application may rewrite or erase history.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP;
END;
$$;
CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON "audit_log"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
