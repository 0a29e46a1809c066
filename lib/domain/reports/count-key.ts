// The report_count key: the columns one count is kept per (besides the grain and from_year /
// to_year, the years the facts' validity starts and ends), in the order of the unique index
// report_count_key. The one TypeScript list; SQL can't import it, so the SQL side has its one copy
// in report_count_key() (prisma/sql/reports/10-count-key.sql), and
// tests/integration/report-sql-source.test.ts checks that both equal the columns of report_count,
// report_fact and the unique index (which schema.prisma declares).
export const reportCountKey = [
  "type",
  "year",
  "office_code",
  "agency_code",
  "nationality_code",
  "nationality_group",
  "residence_status_code",
  "target_group",
  "gender",
  "state",
  "infringement_type",
  "amount_eur",
  "contract_signed",
  "attestation_obtained",
] as const;
export type ReportCountColumn = (typeof reportCountKey)[number];

/**
 * The columns the coarser grains roll up (the two with many values): grain bit 2 set when
 * nationality_code is rolled up (NULL), bit 1 when residence_status_code is.
 */
export const rolledUpColumns = ["nationality_code", "residence_status_code"] as const satisfies readonly ReportCountColumn[];

/** The key as an SQL column list; `rolledUp`: without the rolled-up columns. */
export function reportCountKeySql(rolledUp = false): string {
  return reportCountKey.filter((c) => !rolledUp || !(rolledUpColumns as readonly string[]).includes(c)).join(", ");
}
