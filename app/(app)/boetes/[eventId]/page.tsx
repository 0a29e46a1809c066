import Link from "next/link";
import { notFound } from "next/navigation";
import { DecisionForm } from "@/components/fines/decision-form";
import { DecisionHistory } from "@/components/fines/decision-history";
import { eventLabel, infringementLabel } from "@/components/fines/labels";
import { PaymentForm } from "@/components/fines/payment-form";
import { ReviewForms } from "@/components/fines/review-forms";
import { codes, PAYMENT_STATUSES } from "@/lib/domain/codes";
import { dossierDecisionState } from "@/lib/domain/fines/decision-state";
import { FINE_MAX_EUR, FINE_MIN_EUR, FINE_SUGGESTED_AMOUNTS_EUR, isReminderDue, reminderDueOn } from "@/lib/domain/fines/rules";
import { formatDate, formatEuro, todayIso } from "@/lib/i18n/format";
import { translator } from "@/lib/i18n/messages";
import { requirePageActor } from "@/lib/server/auth/session";
import { NotFoundError } from "@/lib/server/errors";
import { getInfringementDossier } from "@/lib/server/fines/infringement-dossier";
import { confirmAction, decideAction, paymentAction, rejectAction } from "../actions";

export default async function InfringementDossierPage({ params }: { params: Promise<{ eventId: string }> }) {
  const actor = await requirePageActor("fine.read");
  const t = translator("fines", actor.locale);
  const { eventId } = await params;
  const dossier = await getInfringementDossier(actor, eventId).catch((e: unknown) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const today = todayIso();
  const standing = dossier.decisions.find((d) => d.standing) ?? null;
  const { awaiting, finalFine, hasFinal } = dossierDecisionState(standing, dossier.decisions);
  const decisionLabels = Object.fromEntries(
    (["outcome", "decidedOn", "amount", "amountHint", "suggested", "motivation", "correctionReason", "submit"] as const).map((k) => [k, t(`decision.${k}`)]),
  ) as Record<"outcome" | "decidedOn" | "amount" | "amountHint" | "suggested" | "motivation" | "correctionReason" | "submit", string>;
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/boetes" className="text-brand-700 underline">
          {t("dossier.back")}
        </Link>
      </p>
      <h1>{t("dossier.title", { name: dossier.newcomer.name })}</h1>
      <dl className="card grid grid-cols-1 gap-2 text-sm sm:grid-cols-2">
        <div>
          <dt className="font-medium">{t("dossier.nationalNumber")}</dt>
          <dd>{dossier.newcomer.maskedNationalNumber}</dd>
        </div>
        <div>
          <dt className="font-medium">{t("dossier.birthDate")}</dt>
          <dd>{formatDate(dossier.newcomer.birthDate)}</dd>
        </div>
        <div>
          <dt className="font-medium">{t("dossier.type")}</dt>
          <dd>{infringementLabel(dossier.infringementType, actor.locale)}</dd>
        </div>
        <div>
          <dt className="font-medium">{t("dossier.receivedOn")}</dt>
          <dd>{formatDate(dossier.receivedOn)}</dd>
        </div>
        <div>
          <dt className="font-medium">{t("dossier.agency")}</dt>
          <dd>
            {dossier.agency} · {dossier.office}
          </dd>
        </div>
      </dl>
      {dossier.cancelled && <p className="rounded-md bg-amber-50 p-3 text-sm">{t("dossier.cancelled")}</p>}

      <div className="grid gap-6 lg:grid-cols-2">
        <div className="space-y-6">
          <section aria-labelledby="history-heading" className="space-y-2">
            <h2 id="history-heading">{t("dossier.history")}</h2>
            <DecisionHistory decisions={dossier.decisions} locale={actor.locale} />
            {hasFinal && (
              <p>
                <Link className="text-brand-700 underline" href={`/boetes/${dossier.eventId}/brief`}>
                  {t("dossier.letter")}
                </Link>
              </p>
            )}
          </section>

          {awaiting && (
            <section aria-labelledby="review-heading" className="card space-y-2">
              <h2 id="review-heading">{t("queue.awaitingTitle")}</h2>
              {awaiting.decidedByMe ? (
                <p className="text-sm">{t("decision.ownAwaiting")}</p>
              ) : (
                <ReviewForms
                  confirm={confirmAction.bind(null, dossier.eventId, awaiting.id)}
                  reject={rejectAction.bind(null, dossier.eventId, awaiting.id)}
                  labels={{ confirm: t("decision.confirm"), reject: t("decision.reject"), rejectReason: t("decision.rejectReason") }}
                />
              )}
            </section>
          )}

          {finalFine && (
            <section aria-labelledby="payment-heading" className="card space-y-2">
              <h2 id="payment-heading">{t("payment.title")}</h2>
              {isReminderDue({ decidedOn: finalFine.decidedOn, paymentStatus: finalFine.paymentStatus }, today) && (
                <p className="rounded-md bg-amber-50 p-2 text-sm" data-testid="reminder-due">
                  {t("payment.reminderDue", { date: formatDate(reminderDueOn(finalFine.decidedOn)) })}
                </p>
              )}
              <PaymentForm
                action={paymentAction.bind(null, dossier.eventId, finalFine.id)}
                current={finalFine.paymentStatus ?? "OPEN"}
                today={today}
                statuses={PAYMENT_STATUSES.map((code) => ({ code, label: t(`payment.${code}`) }))}
                labels={{ status: t("payment.status"), on: t("payment.on"), onHint: t("payment.onHint"), save: t("payment.save") }}
              />
            </section>
          )}

          {!dossier.cancelled && !awaiting && (
            <section aria-labelledby="decide-heading" className="space-y-2">
              <h2 id="decide-heading">{standing ? t("dossier.correct") : t("dossier.decide")}</h2>
              {standing && <p className="text-sm text-slate-600">{t("dossier.correctHint")}</p>}
              <DecisionForm
                action={decideAction.bind(null, dossier.eventId)}
                version={dossier.version}
                today={today}
                isCorrection={Boolean(standing)}
                suggestedAmounts={FINE_SUGGESTED_AMOUNTS_EUR}
                amountRange={{ min: FINE_MIN_EUR, max: FINE_MAX_EUR }}
                outcomes={codes.decisions.map((d) => ({ code: d.code, label: t(`outcome.${d.code}`) }))}
                labels={decisionLabels}
              />
            </section>
          )}
        </div>

        <div className="space-y-6">
          <section aria-labelledby="earlier-heading" className="card space-y-2">
            <h2 id="earlier-heading">{t("dossier.earlierFines")}</h2>
            <p className="text-sm text-slate-600">{t("dossier.earlierFinesHint")}</p>
            {dossier.earlierFines.length === 0 ? (
              <p className="text-sm">{t("dossier.noEarlierFines")}</p>
            ) : (
              <ul className="list-disc pl-5 text-sm" data-testid="earlier-fines">
                {dossier.earlierFines.map((f) => (
                  <li key={f.decisionId}>
                    <Link className="text-brand-700 underline" href={`/boetes/${f.eventId}`}>
                      {formatDate(f.receivedOn)} · {infringementLabel(f.infringementType, actor.locale)}
                    </Link>
                    : {f.amountEur !== null ? formatEuro(f.amountEur, { locale: actor.locale }) : "?"} ({formatDate(f.decidedOn)})
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="track-heading" className="space-y-2">
            <h2 id="track-heading">{t("dossier.track")}</h2>
            <ol className="space-y-1 text-sm" data-testid="newcomer-track">
              {dossier.track.map((e) => (
                <li key={e.id} className={e.cancelled ? "text-slate-500 line-through" : e.current ? "font-semibold" : ""}>
                  {formatDate(e.date)} — {eventLabel(e.type, actor.locale)}
                  {e.infringementType ? `: ${infringementLabel(e.infringementType, actor.locale)}` : ""}
                  {e.current ? ` (${t("dossier.thisDossier")})` : ""}
                  {e.cancelled ? ` (${t("dossier.cancelledEvent")})` : ""}
                </li>
              ))}
            </ol>
          </section>
        </div>
      </div>
    </div>
  );
}
