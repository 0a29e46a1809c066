// Where a report's figures come from, when a read replica is configured (lib/server/reports/
// report-source.ts): "Gegevens tot 14:02:31" from the replica, or a notice that the primary
// answered because the replica was unreachable or lagging. Nothing without a replica.
import type { ReportFreshness } from "@/lib/domain/reports/replica-freshness";
import { formatTime } from "@/lib/i18n/format";
import { translator } from "@/lib/i18n/messages";

const t = translator("reports");

export function freshnessText(f: ReportFreshness): string {
  if (f.source === "replica") return t("freshness.replica", { time: formatTime(f.until) });
  if (f.reason === "unreachable") return t("freshness.unreachable");
  return f.lagSeconds === null ? t("freshness.laggingUnknown") : t("freshness.lagging", { seconds: f.lagSeconds });
}

export function ReportFreshnessNote({ freshness }: { freshness: ReportFreshness | null }) {
  if (!freshness) return null;
  return (
    <p role="status" data-freshness={freshness.source} className={freshness.source === "replica" ? "text-sm text-slate-700" : "rounded-md bg-brand-50 p-3 text-sm text-brand-800"}>
      {freshnessText(freshness)}
    </p>
  );
}
