-- The report_count key: the columns one count is kept per, besides the grain and the years the
-- facts' validity starts and ends (from_year, to_year). Written here once for the SQL side:
-- report_refresh and report_rebuild build their statements from it, and the TypeScript side has
-- the same list in lib/domain/reports/count-key.ts (the integration test
-- tests/integration/report-sql-source.test.ts checks that both equal the columns of report_count,
-- report_fact and the unique index report_count_key, which schema.prisma declares).
-- `rolled_up`: without nationality_code and residence_status_code, the two columns the coarser
-- grains roll up (GROUPING SETS over them).
CREATE OR REPLACE FUNCTION "report_count_key"(rolled_up BOOLEAN DEFAULT false) RETURNS TEXT
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT array_to_string(array_remove(array_remove(ARRAY[
    'type', 'year', 'office_code', 'agency_code', 'nationality_code', 'nationality_group', 'residence_status_code',
    'target_group', 'gender', 'state', 'infringement_type', 'amount_eur', 'contract_signed', 'attestation_obtained'
  ], CASE WHEN rolled_up THEN 'nationality_code' END), CASE WHEN rolled_up THEN 'residence_status_code' END), ', ')
$$;
