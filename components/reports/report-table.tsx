// The table of one report: labels and numbers in the reader's language, a total row; in a publication the
// hidden figures (cells, row totals, the total row) read "x" (lib/domain/reports/disclosure).
import { dimensionLabel, localizeReportRows } from "@/lib/domain/reports/definitions";
import type { ReportResult } from "@/lib/domain/reports/run-report";
import type { TableMask } from "@/lib/domain/reports/disclosure/protect";
import { displayGrid, displayTotalLine } from "@/lib/domain/reports/display-grid";
import { escapeHtml } from "@/lib/html/escape";
import { formatNumber } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locale";
import { translator } from "@/lib/i18n/messages";

const show = (v: string | number, locale: Locale) => (typeof v === "number" ? formatNumber(v, locale) : v);

/**
 * The body rows as one HTML string, every label and value escaped. A report by nationality and
 * amount has well over a thousand rows at 10x the volume; rendering them as React elements
 * (twice: the server component payload and its HTML) took about 300 ms, the string a few.
 */
function rowsHtml(report: ReportResult, grid: (string | number)[][], locale: Locale): string {
  let html = "";
  report.rows.forEach((row, i) => {
    html += `<tr data-keys="${escapeHtml(row.keys.join(","))}">`;
    for (const l of row.labels) html += `<th scope="row">${escapeHtml(l)}</th>`;
    for (const v of grid[i]!) html += `<td>${escapeHtml(show(v, locale))}</td>`;
    html += "</tr>";
  });
  return html;
}

/** `mask`: the figures to hide "voor publicatie" (publicationMasks), null otherwise. */
export function ReportTable({ report: dutch, mask, caption, locale }: { report: ReportResult; mask: TableMask | null; caption: string; locale: Locale }) {
  const t = translator("reports", locale);
  const report = localizeReportRows(dutch, locale);
  const grid = displayGrid(report, mask);
  const totals = displayTotalLine(report, mask);
  return (
    <div className="overflow-x-auto">
      <table className="data-table report-table" data-testid="report-table">
        <caption className="mb-2 text-left text-sm text-slate-700">{caption}</caption>
        <thead>
          <tr>
            {report.by.map((d) => (
              <th key={d} scope="col">
                {dimensionLabel(d, locale)}
              </th>
            ))}
            {report.years.map((y) => (
              <th key={y} scope="col" className="text-right">
                {y}
              </th>
            ))}
            <th scope="col" className="text-right">
              {t("table.totalColumn")}
            </th>
          </tr>
        </thead>
        {report.rows.length === 0 ? (
          <tbody>
            <tr>
              <td colSpan={report.by.length + report.years.length + 1}>{t("table.empty")}</td>
            </tr>
          </tbody>
        ) : (
          // one string instead of thousands of elements keeps big tables fast
          // biome-ignore lint/security/noDangerouslySetInnerHtml: rowsHtml escapes every cell and label
          <tbody dangerouslySetInnerHTML={{ __html: rowsHtml(report, grid, locale) }} />
        )}
        <tfoot>
          <tr data-testid="report-total" className="font-semibold">
            <th scope="row" colSpan={report.by.length}>
              {t("table.total")}
            </th>
            {totals.map((v, j) => (
              <td key={j} className="text-right">
                {show(v, locale)}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
