// The table of one report: labels in Dutch, nl-BE numbers, a total row; in a publication the
// hidden cells read "<5" or "x" (lib/domain/reports/small-cells.ts).
import { dimensionLabels } from "@/lib/domain/reports/definitions";
import type { ReportResult } from "@/lib/domain/reports/run-report";
import { displayGrid } from "@/lib/domain/reports/xlsx";
import { formatNumber } from "@/lib/i18n/format";
import { translator } from "@/lib/i18n/messages";

const t = translator("reports");
const show = (v: string | number) => (typeof v === "number" ? formatNumber(v) : v);

export function ReportTable({ report, publication, caption }: { report: ReportResult; publication: boolean; caption: string }) {
  const grid = displayGrid(report, publication);
  return (
    <div className="overflow-x-auto">
      <table className="data-table" data-testid="report-table">
        <caption className="mb-2 text-left text-sm text-slate-700">{caption}</caption>
        <thead>
          <tr>
            {report.by.map((d) => <th key={d} scope="col">{dimensionLabels[d]}</th>)}
            {report.years.map((y) => <th key={y} scope="col" className="text-right">{y}</th>)}
            <th scope="col" className="text-right">{t("table.totalColumn")}</th>
          </tr>
        </thead>
        <tbody>
          {report.rows.length === 0 && (
            <tr><td colSpan={report.by.length + report.years.length + 1}>{t("table.empty")}</td></tr>
          )}
          {report.rows.map((row, i) => (
            <tr key={row.keys.join("|")} data-keys={row.keys.join(",")}>
              {row.labels.map((l, j) => (j === 0 ? <th key={j} scope="row" className="font-normal">{l}</th> : <td key={j}>{l}</td>))}
              {grid[i]!.map((v, j) => <td key={j} className="text-right">{show(v)}</td>)}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-testid="report-total" className="font-semibold">
            <th scope="row" colSpan={report.by.length}>{t("table.total")}</th>
            {report.years.map((y) => <td key={y} className="text-right">{formatNumber(report.totals.values[String(y)]!)}</td>)}
            <td className="text-right">{formatNumber(report.totals.total)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
