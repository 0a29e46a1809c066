// Where a report's figures come from, when a read replica is configured (lib/server/reports/
// report-source.ts): "Gegevens tot 14:02:31" from the replica, or a notice that the primary
// answered because the replica was unreachable or lagging. Nothing without a replica.
import { freshnessText, type ReportFreshness } from "@/lib/domain/reports/replica-freshness";
import type { Locale } from "@/lib/i18n/locale";

export function ReportFreshnessNote({ freshness, locale }: { freshness: ReportFreshness | null; locale: Locale }) {
  if (!freshness) return null;
  return (
    <p
      role="status"
      data-freshness={freshness.source}
      className={freshness.source === "replica" ? "text-sm text-slate-700" : "rounded-md bg-brand-50 p-3 text-sm text-brand-800"}
    >
      {freshnessText(freshness, locale)}
    </p>
  );
}
