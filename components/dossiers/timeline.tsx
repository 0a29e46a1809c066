// The timeline of the whole track, oldest first: each record with its date, office and who
// recorded it; infringements with every decision row; DVZ advices with their answers.
import type { ReactNode } from "react";
import { infringementLabel } from "@/components/fines/labels";
import { formatDate, formatDateTime, formatEuro } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locale";
import { looseTranslator, translator, type Translate } from "@/lib/i18n/messages";
import type { TimelineEntry } from "@/lib/server/dossiers/timeline";
import type { DossierLetter } from "@/lib/server/letters/letters";

const yesNo = (t: Translate<"dossiers">, b: boolean | null) => (b === null ? "—" : b ? t("events.yes") : t("events.no"));

export function Timeline({
  entries,
  letters = [],
  renderActions,
  locale,
}: {
  entries: TimelineEntry[];
  /** letters printed about an event are shown with it (the dossier page lists them all too) */
  letters?: DossierLetter[];
  renderActions?: ((e: TimelineEntry) => ReactNode) | undefined;
  locale: Locale;
}) {
  const t = translator("dossiers", locale);
  const m = looseTranslator("dossiers", locale);
  if (entries.length === 0) return <p className="card text-sm">{t("dossier.timelineEmpty")}</p>;
  return (
    <ol className="space-y-3" data-testid="timeline">
      {entries.map((e) => (
        <li key={e.id} className={`card p-4 ${e.cancelled ? "opacity-70" : ""}`} data-testid="timeline-entry" data-type={e.type}>
          <div className="flex flex-wrap items-baseline gap-x-3">
            <time dateTime={e.date} className="font-mono text-sm">
              {formatDate(e.date)}
            </time>
            <span className={`font-semibold ${e.cancelled ? "line-through" : ""}`}>{m(`events.${e.type}`)}</span>
            {e.infringementType && <span className="text-sm">— {infringementLabel(e.infringementType, locale)}</span>}
          </div>
          <p className="text-xs text-slate-600">
            {t("events.office", { office: e.officeLabel })} · {e.recordedBy ? t("events.recordedBy", { name: e.recordedBy }) : t("events.imported")} ·{" "}
            {formatDateTime(e.recordedAt, locale)}
          </p>
          {e.note && <p className="mt-1 text-sm">{e.note}</p>}
          {letters
            .filter((l) => l.eventId === e.id)
            .map((l) => (
              <p key={l.id} className="mt-1 text-xs text-slate-700" data-testid="timeline-letter">
                {t("letters.printed", { kind: t(`letters.kinds.${l.kind}`), date: formatDateTime(l.printedAt, locale), name: l.printedBy })}
              </p>
            ))}
          {e.cancelled && (
            <p className="mt-1 text-sm text-red-800">
              {t("events.cancelled", { date: e.cancelledAt ? formatDateTime(e.cancelledAt, locale) : "", reason: e.cancelReason ?? "" })}
            </p>
          )}
          {e.type === "INFRINGEMENT" &&
            (e.decisions.length === 0 ? (
              <p className="mt-1 text-sm">{t("events.undecided")}</p>
            ) : (
              <ul className="mt-1 space-y-0.5 text-sm">
                {e.decisions.map((d) => (
                  <li key={d.id}>
                    {t("events.decision")}: {t("events.decisionRow", { outcome: m(`events.outcomes.${d.outcome}`), date: formatDate(d.decidedOn) })}
                    {d.amountEur !== null && (
                      <>
                        {" "}
                        · {t("events.amount")} {formatEuro(d.amountEur, { locale })}
                      </>
                    )}
                    {" · "}
                    {m(`events.decisionStatus.${d.status}`)}
                    {d.decidedBy && <> · {d.decidedBy}</>}
                    {d.correctionReason && <> · {t("events.correctionReason", { reason: d.correctionReason })}</>}
                  </li>
                ))}
              </ul>
            ))}
          {e.type === "DVZ_ADVICE" && (
            <p className="mt-1 text-sm">
              {t("events.contractSigned")}: {yesNo(t, e.contractSigned)} · {t("events.attestationObtained")}: {yesNo(t, e.attestationObtained)} ·{" "}
              {t("events.followUp")}: {m(`events.followUps.${e.dvzFollowUp ?? "ONBEKEND"}`)}
              {e.dvzFollowUpOn && <> ({formatDate(e.dvzFollowUpOn)})</>}
            </p>
          )}
          {renderActions?.(e)}
        </li>
      ))}
    </ol>
  );
}
