// The table of one report: labels and numbers in the reader's language, a total row; in a publication the
// hidden figures (cells, row totals, the total row) read "x" (lib/domain/reports/disclosure).
// The tables by office of the answer print their agency subtotals (bold) with the offices beneath,
// and a table's footnotes (lib/domain/reports/answer-texts.ts) follow it.
import { dimensionLabel, localizeReportRows } from "@/lib/domain/reports/definitions";
import type { ReportResult } from "@/lib/domain/reports/run-report";
import type { ShownReport } from "@/lib/domain/reports/disclosure/display";
import type { TableMask } from "@/lib/domain/reports/disclosure/protect";
import type { Footnote } from "@/lib/domain/reports/answer-texts";
import { type DisplayLine, displayLines, displayTotalLine } from "@/lib/domain/reports/display-grid";
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
function rowsHtml(lines: DisplayLine[], footnotes: Footnote[], locale: Locale): string {
  let html = "";
  for (const line of lines) {
    const mark = footnotes.find((f) => f.rowKeys.includes(line.keys.at(-1)!))?.mark ?? "";
    const attrs = line.kind === "row" ? "" : line.kind === "agency" ? ' class="font-semibold" data-subtotal="agency"' : ` data-subtotal="${line.kind}"`;
    html += `<tr data-keys="${escapeHtml(line.keys.join(","))}"${attrs}>`;
    // the indent goes to the line's own label: its last non-empty one (an office line of Table 1 leaves the next column empty)
    const own = line.labels.findLastIndex((l) => l !== "");
    line.labels.forEach((l, i) => {
      const last = i === own;
      const indent = line.kind === "office" && last ? ' class="pl-6"' : line.kind === "detail" && last ? ' class="pl-10"' : "";
      html += `<th scope="row"${indent}>${escapeHtml(l)}${i === line.labels.length - 1 ? escapeHtml(mark) : ""}</th>`;
    });
    for (const v of line.cells) html += `<td>${escapeHtml(show(v, locale))}</td>`;
    html += "</tr>";
  }
  return html;
}

/** `mask`: the figures to hide "voor publicatie" (publicationMasks), null otherwise. */
export function ReportTable({
  report: dutch,
  mask,
  caption,
  locale,
  agencySubtotals = false,
  subtotals,
  footnotes = [],
}: {
  report: ReportResult;
  mask: TableMask | null;
  caption: string;
  locale: Locale;
  /** print agency subtotals with the offices beneath (a table by office of the answer) */
  agencySubtotals?: boolean;
  /** the subtotals as stored with a publication */
  subtotals?: ShownReport["subtotals"];
  footnotes?: Footnote[];
}) {
  const t = translator("reports", locale);
  const report = localizeReportRows(dutch, locale);
  const lines = displayLines(report, mask, { agencySubtotals, ...(subtotals ? { subtotals } : {}), locale });
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
          <tbody dangerouslySetInnerHTML={{ __html: rowsHtml(lines, footnotes, locale) }} />
        )}
        {/* The Totaal line is the last body row, not a <tfoot>: browsers repeat a tfoot at the foot of
            every printed page a long table spans (the header in <thead> does repeat, as it should). */}
        <tbody>
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
        </tbody>
      </table>
      {footnotes.map((f) => (
        <p key={f.mark} className="mt-1 text-sm" data-testid="table-footnote">
          {f.text}
        </p>
      ))}
    </div>
  );
}
