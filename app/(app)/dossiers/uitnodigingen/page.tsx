// /dossiers/uitnodigingen?ids=<uuid>,<uuid>[&datum=YYYY-MM-DD&uur=HH:MM] — the invitations to the
// intake interview of one or more newcomers, one A4 page each, printed together through the
// browser (saved as PDF: one file for the batch). The ids are UUIDs only; the bulk action of the
// lists posts them to ./selectie. "Print" records every letter first (one transaction).
import Link from "next/link";
import { notFound } from "next/navigation";
import { RecordPrintButton } from "@/components/letters/record-print-button";
import { parseAppointment } from "@/lib/domain/letters/appointment";
import { formatDate, todayIso } from "@/lib/i18n/format";
import { intlLocale } from "@/lib/i18n/locale";
import { renderMessage } from "@/lib/i18n/message";
import { translator } from "@/lib/i18n/messages";
import { requirePageActor } from "@/lib/server/auth/session";
import { cspNonce } from "@/lib/server/csp-nonce";
import { BadRequestError, NotFoundError } from "@/lib/server/errors";
import { pageTitle } from "@/lib/server/i18n/request-locale";
import { batchIds, getInvitationLetters } from "@/lib/server/letters/letters";
import { recordInvitationsAction } from "./actions";

export const generateMetadata = pageTitle("dossiers", "invitation.batchTitle");

// one letter per A4 page; the app's header and the buttons are hidden (.no-print)
const printCss = [
  "@page { size: A4; margin: 2cm; }",
  ".letter + .letter { margin-top: 2rem; }",
  "@media print {",
  "main#inhoud { padding: 0 !important; max-width: none !important; }",
  ".letter { border: 0 !important; box-shadow: none !important; padding: 0 !important; margin: 0 !important; break-after: page; }",
  ".letter:last-child { break-after: auto; }",
  "}",
].join(" ");

type Search = Record<string, string | string[] | undefined>;
const all = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function InvitationsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requirePageActor("dossier.write");
  const t = translator("dossiers", actor.locale);
  const sp = await searchParams;
  let ids: string[];
  try {
    ids = batchIds([...all(sp.ids), ...all(sp.id)]);
  } catch (e) {
    if (!(e instanceof BadRequestError)) throw e;
    return (
      <div className="space-y-4">
        <h1>{t("invitation.batchTitle")}</h1>
        <p className="field-error" role="alert">
          {renderMessage(e.msg, actor.locale)}
        </p>
        <Link href="/dossiers" className="text-sm text-brand-700 underline">
          {t("invitation.backList")}
        </Link>
      </div>
    );
  }
  const appointment = parseAppointment(one(sp.datum), one(sp.uur));
  const letters = await getInvitationLetters(actor, ids).catch((e: unknown) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const nonce = await cspNonce();
  const today = todayIso();
  return (
    <div className="space-y-4">
      <style nonce={nonce}>{printCss}</style>
      <div className="no-print space-y-3">
        <p className="text-sm">
          <Link href={ids.length === 1 ? `/dossiers/${ids[0]}` : "/dossiers"} className="text-brand-700 underline">
            {ids.length === 1 ? t("invitation.back") : t("invitation.backList")}
          </Link>
        </p>
        <h1>{t("invitation.batchTitle")}</h1>
        <form method="get" className="card flex flex-wrap items-end gap-3" data-testid="appointment-form">
          <input type="hidden" name="ids" value={ids.join(",")} />
          <div>
            <label htmlFor="f-datum" className="label">
              {t("invitation.appointmentDate")}
            </label>
            <input id="f-datum" name="datum" type="date" className="input" defaultValue={appointment.date ?? ""} />
          </div>
          <div>
            <label htmlFor="f-uur" className="label">
              {t("invitation.appointmentTime")}
            </label>
            <input id="f-uur" name="uur" type="time" className="input" defaultValue={appointment.time ?? ""} />
          </div>
          <button type="submit" className="btn-secondary">
            {t("invitation.prepare")}
          </button>
          <p className="w-full text-xs text-slate-600">{t("invitation.batchHint")}</p>
          {appointment.problems.map((p) => (
            <p key={p} className="field-error w-full" role="alert">
              {renderMessage(p, actor.locale)}
            </p>
          ))}
        </form>
        <div className="flex items-center gap-4">
          <span className="text-sm" data-testid="invitation-count">
            {t("invitation.count", { count: letters.length })}
          </span>
          <RecordPrintButton label={t("invitation.confirmPrint")} record={recordInvitationsAction.bind(null, ids)} />
        </div>
      </div>
      <div>
        {letters.map((l) => (
          <article
            key={l.id}
            className="letter card mx-auto max-w-3xl space-y-5 font-serif text-[15px] leading-relaxed"
            data-testid="invitation-letter"
            lang={intlLocale(actor.locale)}
          >
            <header className="flex justify-between gap-8">
              <div>
                <p className="font-semibold">{l.agencyLabel}</p>
                <p>{l.officeLabel}</p>
              </div>
              <address className="not-italic" data-testid="letter-address">
                <p>{l.name}</p>
                {l.address.length ? l.address.map((line) => <p key={line}>{line}</p>) : <p className="text-slate-500">{t("invitation.noAddress")}</p>}
              </address>
            </header>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 text-sm">
              <dt>{t("invitation.date")}</dt>
              <dd>{formatDate(today)}</dd>
              <dt>{t("invitation.reference")}</dt>
              <dd>{l.reference}</dd>
            </dl>
            <p className="font-semibold">{t("invitation.subject")}</p>
            <p>{t("invitation.salutation", { name: l.name })}</p>
            <p>{t("invitation.intro", { agency: l.agencyLabel })}</p>
            <p className="font-semibold" data-testid="invitation-when">
              {appointment.date && appointment.time
                ? t("invitation.when", { date: formatDate(appointment.date), time: appointment.time })
                : t("invitation.whenBlank")}
            </p>
            <p>{t("invitation.where", { office: `${l.agencyLabel} · ${l.officeLabel}` })}</p>
            <p>{t("invitation.bring")}</p>
            <p>{l.targetGroup === "PLICHT" ? t("invitation.obliged") : t("invitation.entitled")}</p>
            <div>
              <p>{t("invitation.closing")}</p>
              <p className="mt-8">{t("invitation.signature", { agency: l.agencyLabel })}</p>
            </div>
          </article>
        ))}
      </div>
    </div>
  );
}
