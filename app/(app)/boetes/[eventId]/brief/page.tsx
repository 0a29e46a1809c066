import Link from "next/link";
import { notFound } from "next/navigation";
import { infringementLabel } from "@/components/fines/labels";
import { RecordPrintButton } from "@/components/letters/record-print-button";
import { formatDate, formatEuro } from "@/lib/i18n/format";
import { intlLocale } from "@/lib/i18n/locale";
import { translator } from "@/lib/i18n/messages";
import { pageTitle } from "@/lib/server/i18n/request-locale";
import { requirePageActor } from "@/lib/server/auth/session";
import { cspNonce } from "@/lib/server/csp-nonce";
import { NotFoundError } from "@/lib/server/errors";
import { getDecisionLetter } from "@/lib/server/fines/infringement-dossier";
import { recordDecisionLetterAction } from "./actions";

export const generateMetadata = pageTitle("fines", "letter.title");

// A4 page with margins for printing; the app's header and the buttons are hidden (.no-print).
const printCss = [
  "@page { size: A4; margin: 2cm; }",
  "@media print {",
  "main#inhoud { padding: 0 !important; max-width: none !important; }",
  ".letter { border: 0 !important; box-shadow: none !important; padding: 0 !important; }",
  "}",
].join(" ");

export default async function DecisionLetterPage({ params }: { params: Promise<{ eventId: string }> }) {
  const actor = await requirePageActor("fine.read");
  const t = translator("fines", actor.locale);
  const { eventId } = await params;
  const letter = await getDecisionLetter(actor, eventId).catch((e: unknown) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const { newcomer: n, decision: d, payment: p } = letter;
  const amount = d.amountEur !== null ? formatEuro(d.amountEur, { locale: actor.locale }) : "";
  const nonce = await cspNonce();
  return (
    <div className="space-y-4">
      <style nonce={nonce}>{printCss}</style>
      <div className="no-print flex items-center gap-4">
        <Link href={`/boetes/${letter.eventId}`} className="text-sm text-brand-700 underline">
          {t("letter.back")}
        </Link>
        <RecordPrintButton label={t("letter.print")} record={recordDecisionLetterAction.bind(null, letter.eventId)} />
      </div>
      <article
        className="letter card mx-auto max-w-3xl space-y-6 font-serif text-[15px] leading-relaxed"
        data-testid="decision-letter"
        lang={intlLocale(actor.locale)}
      >
        <header className="flex justify-between gap-8">
          <div>
            <p className="font-semibold">{letter.agency}</p>
            <p>{letter.office}</p>
          </div>
          <address className="not-italic" data-testid="letter-address">
            <p>{n.name}</p>
            {n.address.length ? n.address.map((line) => <p key={line}>{line}</p>) : <p className="text-slate-500">{t("letter.noAddress")}</p>}
          </address>
        </header>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 text-sm">
          <dt>{t("letter.date")}</dt>
          <dd>{formatDate(letter.letterDate)}</dd>
          <dt>{t("letter.reference")}</dt>
          <dd>
            {letter.eventId.slice(0, 8).toUpperCase()} · {n.nationalNumber}
          </dd>
        </dl>
        <p className="font-semibold">{t("letter.subject")}</p>
        <p>{t("letter.salutation", { name: n.name })}</p>
        <section>
          <h2 className="text-base font-semibold">{t("letter.infringementTitle")}</h2>
          <p>{t("letter.intro", { date: formatDate(letter.receivedOn), type: infringementLabel(letter.infringementType, actor.locale) })}</p>
          <p>{t("letter.infringementDate", { date: formatDate(letter.receivedOn) })}</p>
        </section>
        <p data-testid="letter-decision" className="font-semibold">
          {d.outcome === "BOETE" && d.amountEur !== null
            ? t("letter.decisionBOETE", { amount })
            : d.outcome === "BOETE"
              ? t("letter.decisionBOETE_noAmount")
              : t(`letter.decision${d.outcome}`)}
        </p>
        {d.isCorrection && <p>{t("letter.correction")}</p>}
        <section>
          <h2 className="text-base font-semibold">{t("letter.motivation")}</h2>
          <p className="whitespace-pre-line">{d.motivation}</p>
        </section>
        <p>{t("letter.decisionDate", { date: formatDate(d.decidedOn) })}</p>
        {p && (
          <section data-testid="letter-payment" className="space-y-2">
            <p>{t("letter.paymentHow", { amount, days: p.termDays, iban: p.iban, agency: letter.agency, communication: p.structuredCommunication })}</p>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 font-mono text-sm">
              <dt className="font-serif">{t("letter.account")}</dt>
              <dd data-testid="letter-iban">{p.iban}</dd>
              <dt className="font-serif">{t("letter.paymentReference")}</dt>
              <dd data-testid="structured-communication">{p.structuredCommunication}</dd>
            </dl>
            <p>{t("letter.paymentTerm", { date: formatDate(p.dueOn) })}</p>
            <p>{t("letter.paymentLate")}</p>
          </section>
        )}
        {d.outcome === "BOETE" && (
          <section data-testid="letter-appeal">
            <h2 className="text-base font-semibold">{t("letter.appealTitle")}</h2>
            <p>{t("letter.appeal")}</p>
          </section>
        )}
        <div>
          <p>{t("letter.closing")}</p>
          {d.signatory && (
            <p className="mt-8" data-testid="letter-signatory">
              {t("letter.signatory", { name: d.signatory })}
            </p>
          )}
          <p className={d.signatory ? "" : "mt-8"}>{t("letter.signature", { agency: letter.agency })}</p>
        </div>
      </article>
    </div>
  );
}
