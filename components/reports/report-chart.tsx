// Bars per year, stacked by the first breakdown (its largest values, the rest as "overige"):
// plain SVG, no chart library. Decorative next to the table, which carries the figures.
import type { ReportResult } from "@/lib/domain/reports/run-report";
import { formatNumber } from "@/lib/i18n/format";
import { localizeReportRows } from "@/lib/domain/reports/definitions";
import type { Locale } from "@/lib/i18n/locale";
import { translator } from "@/lib/i18n/messages";

const colors = ["#1e40af", "#0f766e", "#b45309", "#7c3aed", "#be123c", "#4d7c0f", "#94a3b8"];
const MAX_SERIES = 6;

export function ReportChart({ report: dutch, locale }: { report: ReportResult; locale: Locale }) {
  const t = translator("reports", locale);
  const report = localizeReportRows(dutch, locale);
  if (report.rows.length === 0) return null;
  // series by the first dimension, summed over the second
  const series = new Map<string, { label: string; values: Record<string, number>; total: number }>();
  for (const row of report.rows) {
    const s = series.get(row.keys[0]!) ?? { label: row.labels[0]!, values: {}, total: 0 };
    for (const y of report.years) s.values[y] = (s.values[y] ?? 0) + row.values[String(y)]!;
    s.total += row.total;
    series.set(row.keys[0]!, s);
  }
  let list = [...series.values()].sort((a, b) => b.total - a.total);
  if (list.length > MAX_SERIES) {
    const rest = list.slice(MAX_SERIES - 1);
    const other = { label: t("chart.other"), values: {} as Record<string, number>, total: 0 };
    for (const s of rest) for (const y of report.years) other.values[y] = (other.values[y] ?? 0) + (s.values[y] ?? 0);
    list = [...list.slice(0, MAX_SERIES - 1), other];
  }
  const max = Math.max(1, ...report.years.map((y) => report.totals.values[String(y)]!));
  const barW = 48,
    gap = 24,
    h = 180,
    left = 8;
  const width = left + report.years.length * (barW + gap);
  return (
    <figure className="card" aria-hidden="true">
      <figcaption className="mb-2 text-sm font-medium">{t("chart.title")}</figcaption>
      {/* biome-ignore lint/a11y/noSvgWithoutTitle: the figure is aria-hidden; the table beside it carries the same figures */}
      <svg width={width} height={h + 40} role="img">
        {report.years.map((y, i) => {
          let top = h;
          const x = left + i * (barW + gap);
          return (
            <g key={y}>
              {list.map((s, k) => {
                const v = s.values[y] ?? 0;
                const bh = (v / max) * h;
                top -= bh;
                return (
                  <rect key={k} x={x} y={top} width={barW} height={bh} fill={colors[k % colors.length]}>
                    <title>{`${s.label} ${y}: ${formatNumber(v, locale)}`}</title>
                  </rect>
                );
              })}
              <text x={x + barW / 2} y={h + 16} textAnchor="middle" fontSize="12">
                {y}
              </text>
              <text x={x + barW / 2} y={h + 32} textAnchor="middle" fontSize="11" fill="#475569">
                {formatNumber(report.totals.values[String(y)]!, locale)}
              </text>
            </g>
          );
        })}
      </svg>
      <ul className="mt-2 flex flex-wrap gap-3 text-xs">
        {list.map((s, k) => (
          <li key={k} className="flex items-center gap-1">
            <span className="inline-block h-3 w-3" style={{ background: colors[k % colors.length] }} />
            {s.label}
          </li>
        ))}
      </ul>
    </figure>
  );
}
