// The timeline of the whole track, oldest first: each record with its date, office and who
// recorded it; infringements with every decision row; DVZ advices with their answers.
import type { ReactNode } from "react";
import { codes, labelOf } from "@/lib/domain/codes";
import { formatDate, formatDateTime, formatEuro } from "@/lib/i18n/format";
import { translator } from "@/lib/i18n/messages";
import type { TimelineEntry } from "@/lib/server/track/timeline";

const t = translator("dossiers");
const yesNo = (b: boolean | null) => (b === null ? "—" : b ? t("events.yes") : t("events.no"));

export function Timeline({ entries, renderActions }: { entries: TimelineEntry[]; renderActions?: ((e: TimelineEntry) => ReactNode) | undefined }) {
  if (entries.length === 0) return <p className="card text-sm">{t("dossier.timelineEmpty")}</p>;
  return (
    <ol className="space-y-3" data-testid="timeline">
      {entries.map((e) => (
        <li key={e.id} className={`card p-4 ${e.cancelled ? "opacity-70" : ""}`} data-testid="timeline-entry" data-type={e.type}>
          <div className="flex flex-wrap items-baseline gap-x-3">
            <time dateTime={e.date} className="font-mono text-sm">{formatDate(e.date)}</time>
            <span className={`font-semibold ${e.cancelled ? "line-through" : ""}`}>{t(`events.${e.type}`)}</span>
            {e.infringementType && <span className="text-sm">— {labelOf(codes.infringementTypes, e.infringementType)}</span>}
          </div>
          <p className="text-xs text-slate-600">
            {t("events.office", { office: e.officeLabel })} · {e.recordedBy ? t("events.recordedBy", { name: e.recordedBy }) : t("events.imported")} · {formatDateTime(e.recordedAt)}
          </p>
          {e.note && <p className="mt-1 text-sm">{e.note}</p>}
          {e.cancelled && <p className="mt-1 text-sm text-red-800">{t("events.cancelled", { date: e.cancelledAt ? formatDateTime(e.cancelledAt) : "", reason: e.cancelReason ?? "" })}</p>}
          {e.type === "INFRINGEMENT" && (
            e.decisions.length === 0 ? <p className="mt-1 text-sm">{t("events.undecided")}</p> : (
              <ul className="mt-1 space-y-0.5 text-sm">
                {e.decisions.map((d) => (
                  <li key={d.id}>
                    {t("events.decision")}: {t("events.decisionRow", { outcome: t(`events.outcomes.${d.outcome}`), date: formatDate(d.decidedOn) })}
                    {d.amountEur !== null && <> · {t("events.amount")} {formatEuro(d.amountEur)}</>}
                    {" · "}{t(`events.decisionStatus.${d.status}`)}
                    {d.decidedBy && <> · {d.decidedBy}</>}
                    {d.correctionReason && <> · {t("events.correctionReason", { reason: d.correctionReason })}</>}
                  </li>
                ))}
              </ul>
            )
          )}
          {e.type === "DVZ_ADVICE" && (
            <p className="mt-1 text-sm">
              {t("events.contractSigned")}: {yesNo(e.contractSigned)} · {t("events.attestationObtained")}: {yesNo(e.attestationObtained)} · {t("events.followUp")}: {t(`events.followUps.${e.dvzFollowUp ?? "ONBEKEND"}`)}
              {e.dvzFollowUpOn && <> ({formatDate(e.dvzFollowUpOn)})</>}
            </p>
          )}
          {renderActions?.(e)}
        </li>
      ))}
    </ol>
  );
}
