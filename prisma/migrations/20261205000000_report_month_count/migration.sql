-- Issue 18, late reference dates at 10×: a report as of D read from report_fact every fact whose
-- validity starts or ends in D's year (for 31/12/2022 every fact of 2022: 3.4 s). report_month_count
-- counts the facts by the month their validity starts and the month it ends, so a report sums the
-- whole months and reads from report_fact at most half a month of facts (lib/domain/reports/sql.ts).
-- Kept by report_refresh and report_rebuild (prisma/sql/reports/50-refresh-rebuild.sql, the next
-- migration); filled from the current facts by the migration after that.
CREATE TABLE "report_month_count" (
    "id" BIGSERIAL NOT NULL,
    "grain" SMALLINT NOT NULL,
    "type" "EventType" NOT NULL,
    "year" INTEGER NOT NULL,
    "office_code" TEXT NOT NULL,
    "agency_code" TEXT NOT NULL,
    "nationality_code" TEXT,
    "nationality_group" "NationalityGroup" NOT NULL,
    "residence_status_code" TEXT,
    "target_group" "TargetGroup" NOT NULL,
    "gender" "Gender" NOT NULL,
    "state" TEXT,
    "infringement_type" "InfringementType",
    "amount_eur" INTEGER,
    "contract_signed" BOOLEAN,
    "attestation_obtained" BOOLEAN,
    "month" DATE NOT NULL,
    "starts" BIGINT NOT NULL,
    "ends" BIGINT NOT NULL,

    CONSTRAINT "report_month_count_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "report_month_count_key" ON "report_month_count"("grain", "type", "month", "year", "office_code", "agency_code", "nationality_code", "nationality_group", "residence_status_code", "target_group", "gender", "state", "infringement_type", "amount_eur", "contract_signed", "attestation_obtained") NULLS NOT DISTINCT;
