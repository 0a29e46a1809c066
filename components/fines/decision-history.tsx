// The decision history of one infringement dossier: every decision stays visible, with who
// decided, confirmed or rejected it, and why a correction was made.
import { outcomeLabel, statusLabel, paymentLabel } from "@/components/fines/labels";
import { formatDate, formatEuro } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locale";
import { translator } from "@/lib/i18n/messages";
import type { InfringementDossier } from "@/lib/server/fines/infringement-dossier";

export function DecisionHistory({ decisions, locale }: { decisions: InfringementDossier["decisions"]; locale: Locale }) {
  const t = translator("fines", locale);
  if (decisions.length === 0) return <p>{t("dossier.noDecision")}</p>;
  return (
    <ol className="space-y-3" data-testid="decision-history">
      {decisions.map((d) => (
        <li
          key={d.id}
          className={`rounded-md border p-3 text-sm ${d.standing ? "border-brand-600 bg-brand-50" : "border-slate-200 bg-white"}`}
          data-testid="decision"
        >
          <p className="font-medium">
            {outcomeLabel(d.outcome, locale)}
            {d.amountEur !== null ? ` — ${formatEuro(d.amountEur, { locale })}` : ""} · {formatDate(d.decidedOn)} · <span>{statusLabel(d.status, locale)}</span>
            {d.standing && d.status === "FINAL" ? (
              <span className="ml-2 rounded bg-brand-700 px-1.5 py-0.5 text-xs text-white">{t("decision.standing")}</span>
            ) : null}
          </p>
          <p className="text-slate-600">
            {d.decidedBy ? t("decision.by", { name: d.decidedBy }) : ""}
            {d.confirmedBy ? ` · ${t("decision.confirmedBy", { name: d.confirmedBy })}` : ""}
            {d.rejection?.by ? ` · ${t("decision.rejectedBy", { name: d.rejection.by })}` : ""}
          </p>
          {d.correctsId && (
            <p>
              <span className="font-medium">{t("decision.corrects")}.</span> {t("decision.reason")}: {d.correctionReason}
            </p>
          )}
          {d.rejection && (
            <p>
              {t("decision.rejectReason")}: {d.rejection.reason}
            </p>
          )}
          <p className="mt-1 whitespace-pre-line">{d.motivation}</p>
          {d.paymentStatus && (
            <p className="mt-1">
              {t("payment.title")}: {paymentLabel(d.paymentStatus, locale)}
              {d.paidOn ? ` (${formatDate(d.paidOn)})` : ""}
              {d.reminderSentOn ? ` · ${t("payment.HERINNERING")} ${formatDate(d.reminderSentOn)}` : ""}
              {d.handedOverOn ? ` · ${t("payment.OVERGEDRAGEN")} ${formatDate(d.handedOverOn)}` : ""}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
