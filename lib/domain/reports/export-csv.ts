// A report as CSV (semicolon-separated, as Excel in nl-BE expects; numbers without thousands
// separators so they stay numbers): the dimension columns, one column per year, the total;
// written by the one CSV writer (writeCsv: quoting and the formula guard on the labels).
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locale";
import { writeCsv } from "@/lib/domain/lists/csv";
import { translator } from "@/lib/i18n/messages";
import { dimensionLabel, localizeReportRows } from "./definitions";
import type { ReportResult } from "./run-report";

/**
 * `display` turns a value into its shown form (the mark of a publication); row −1 is the Totaal
 * line, the last column the row total; default: the number.
 */
export function reportToCsv(
  report: ReportResult,
  display: (value: number, row: number, col: number) => string | number = (v) => v,
  locale: Locale = DEFAULT_LOCALE,
): string {
  const t = translator("reports", locale);
  const r = localizeReportRows(report, locale);
  const header = [...r.by.map((d) => dimensionLabel(d, locale)), ...r.years.map(String), t("table.totalHeader")];
  const lines = r.rows.map((row, i) => {
    const vals = [...r.years.map((y) => row.values[String(y)]!), row.total];
    return [...row.labels, ...vals.map((v, j) => display(v, i, j))];
  });
  const tot = [...r.years.map((y) => r.totals.values[String(y)]!), r.totals.total];
  const totalLine = [...r.by.map((_, i) => (i === 0 ? t("table.total") : "")), ...tot.map((v, j) => display(v, -1, j))];
  return writeCsv([header, ...lines, totalLine], ";");
}
