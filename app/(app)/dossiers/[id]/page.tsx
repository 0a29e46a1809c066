import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { EventRowActions } from "@/components/dossiers/event-row-actions";
import { DossierHistory } from "@/components/dossiers/dossier-history";
import { MoreNote } from "@/components/lists/more-note";
import { DOSSIER_LETTERS_LIMIT } from "@/lib/server/letters/letters";
import { HISTORY_LIMIT } from "@/lib/server/dossiers/get-dossier";
import { MoveForm } from "@/components/dossiers/move-form";
import { OfficeProposal } from "@/components/dossiers/office-proposal";
import { intlLocale } from "@/lib/i18n/locale";
import { RevealNationalNumber } from "@/components/dossiers/reveal-button";
import { StepForms } from "@/components/dossiers/step-forms";
import { Timeline } from "@/components/dossiers/timeline";
import { infringementLabel } from "@/components/fines/labels";
import { codes } from "@/lib/domain/codes";
import { can } from "@/lib/domain/permissions";
import { formatDate, formatDateTime, todayIso } from "@/lib/i18n/format";
import { translator } from "@/lib/i18n/messages";
import { pageTitle } from "@/lib/server/i18n/request-locale";
import { requirePageActor } from "@/lib/server/auth/session";
import { NotFoundError } from "@/lib/server/errors";
import { getNewcomerDossier } from "@/lib/server/dossiers/get-dossier";
import { survivorOf } from "@/lib/server/dossiers/merge-newcomers";
import { listNewcomerFormOptions } from "@/lib/server/dossiers/reference-checks";
import { cancelEventAction, correctEventAction, moveNewcomerAction, recordEventAction, revealNationalNumberAction } from "../actions";

export const generateMetadata = pageTitle("dossiers", "title");

export default async function DossierPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor("dossier.read");
  const t = translator("dossiers", actor.locale);
  const { id } = await params;
  const dossier = await getNewcomerDossier(actor, id).catch((e) => (e instanceof NotFoundError ? null : Promise.reject(e)));
  if (!dossier) {
    // a dossier merged into another (issue 14): its old links lead to the one it went into
    const survivor = await survivorOf(actor, id);
    if (survivor) redirect(`/dossiers/${survivor}`);
    notFound();
  }
  const { newcomer: n, timeline, history, historyMore, duplicates, letters, lettersMore, proposedOffice } = dossier;
  const ta = translator("admin", actor.locale);
  const options = await listNewcomerFormOptions();
  const agencyLabel = new Map(options.agencies.map((a) => [a.code, a.label]));
  // an anonymised dossier is frozen (issue 15): read-only, no edit forms or buttons (the data layer refuses them too)
  const frozen = n.anonymisedAt !== null;
  const writable = can(actor.role, "dossier.write") && !frozen;
  const today = todayIso();
  const infringementTypes = codes.infringementTypes.map((i) => ({ code: i.code, label: infringementLabel(i.code, actor.locale) }));
  const facts: [string, React.ReactNode][] = [
    [
      t("form.nationalNumber"),
      can(actor.role, "dossier.reveal") && !frozen ? (
        <RevealNationalNumber key="reveal" masked={n.maskedNationalNumber} reveal={revealNationalNumberAction.bind(null, n.id)} />
      ) : (
        n.maskedNationalNumber
      ),
    ],
    [t("form.birthDate"), formatDate(n.birthDate)],
    [t("form.gender"), t(`genders.${n.gender}`)],
    [t("form.nationality"), n.nationalityLabel],
    [t("form.nationalityGroup"), t(`groups.${n.nationalityGroup}`)],
    [t("form.residenceStatus"), n.residenceStatusLabel],
    [t("form.targetGroup"), t(`targetGroups.${n.targetGroup}`)],
    [t("form.office"), n.officeLabel],
    [t("dossier.agency"), n.agencyLabel],
  ];
  const languageName = n.contactLanguage
    ? (new Intl.DisplayNames([intlLocale(actor.locale)], { type: "language" }).of(n.contactLanguage) ?? n.contactLanguage)
    : "—";
  const contact: [string, React.ReactNode][] = [
    [
      t("dossier.address"),
      n.addressLines.length ? (
        <span key="address" data-testid="dossier-address">
          {n.addressLines.map((l) => (
            <span key={l} className="block">
              {l}
            </span>
          ))}
        </span>
      ) : (
        t("dossier.noAddress")
      ),
    ],
    [t("dossier.phone"), n.phoneNumber ?? "—"],
    [t("dossier.email"), n.emailAddress ?? "—"],
    [t("dossier.language"), languageName],
  ];
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/dossiers" className="text-brand-700 underline">
          {t("title")}
        </Link>
      </p>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 data-testid="newcomer-name">
          {n.lastName}, {n.firstName}
        </h1>
        {writable && (
          <div className="flex flex-wrap gap-2">
            <Link href={`/dossiers/uitnodigingen?ids=${n.id}`} prefetch={false} className="btn-secondary" data-testid="print-invitation">
              {t("dossier.printInvitation")}
            </Link>
            <Link href={`/dossiers/${n.id}/bewerken`} prefetch={false} className="btn-secondary">
              {t("dossier.edit")}
            </Link>
          </div>
        )}
        {/* right of access (issue 15): no prefetch, opening it is an audited production */}
        {can(actor.role, "dossier.inzage") && (
          <Link href={`/dossiers/${n.id}/inzage`} prefetch={false} className="btn-secondary" data-testid="inzage-link">
            {t("dossier.inzage")}
          </Link>
        )}
      </div>
      {frozen && (
        <section role="note" aria-labelledby="geanonimiseerd" className="card border-slate-400 bg-slate-100" data-testid="anonymised-banner">
          <h2 id="geanonimiseerd" className="mb-1 text-base">
            {t("dossier.anonymisedBanner", { date: formatDate(n.anonymisedAt) })}
          </h2>
          <p className="text-sm">{t("dossier.anonymisedText")}</p>
        </section>
      )}
      {duplicates.length > 0 && (
        <section role="note" aria-labelledby="dubbels" className="card border-amber-400 bg-amber-50" data-testid="duplicate-notice">
          <h2 id="dubbels" className="mb-1 text-base">
            {ta("duplicates.notice")}
          </h2>
          <p className="text-sm">{ta("duplicates.noticeText")}</p>
          <ul className="mt-1 text-sm">
            {duplicates.map((d) => (
              <li key={d.id}>
                <Link href={`/dossiers/${d.id}`} prefetch={false} className="text-brand-700 underline">
                  {d.lastName}, {d.firstName}
                </Link>{" "}
                · <span className="font-mono">{d.maskedNationalNumber}</span> · {d.officeLabel} · {ta(`duplicates.reasons.${d.reason}`)}
                {can(actor.role, "dossier.merge") && !frozen && (
                  <>
                    {" "}
                    ·{" "}
                    <Link
                      href={`/beheer/dubbels/samenvoegen?${new URLSearchParams({ a: n.id, b: d.id }).toString()}`}
                      prefetch={false}
                      className="text-brand-700 underline"
                    >
                      {ta("duplicates.noticeMerge")}
                    </Link>
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="gegevens" className="card">
        <h2 id="gegevens" className="mb-3">
          {t("dossier.data")}
        </h2>
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-3">
          {facts.map(([label, value]) => (
            <div key={label}>
              <dt className="text-slate-600">{label}</dt>
              <dd className="font-medium">{value}</dd>
            </div>
          ))}
        </dl>
        <h3 className="mt-4 mb-2 text-sm font-semibold">{t("dossier.contact")}</h3>
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-4" data-testid="dossier-contact">
          {contact.map(([label, value]) => (
            <div key={label}>
              <dt className="text-slate-600">{label}</dt>
              <dd className="font-medium">{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      {writable && proposedOffice && (
        <OfficeProposal action={moveNewcomerAction.bind(null, n.id)} version={n.version} office={proposedOffice} currentLabel={n.officeLabel} />
      )}
      <div className="grid gap-6 lg:grid-cols-3">
        <section aria-labelledby="traject" className="lg:col-span-2">
          <h2 id="traject" className="mb-3">
            {t("dossier.timeline")}
          </h2>
          <Timeline
            entries={timeline}
            letters={letters}
            locale={actor.locale}
            renderActions={
              writable
                ? (e) =>
                    e.cancelled || e.type === "DVZ_ADVICE" ? null : (
                      <EventRowActions
                        eventId={e.id}
                        date={e.date}
                        note={e.note}
                        version={e.version}
                        infringementType={e.infringementType}
                        infringementTypes={infringementTypes}
                        today={today}
                        correct={correctEventAction.bind(null, n.id, e.id)}
                        cancel={cancelEventAction.bind(null, n.id, e.id)}
                      />
                    )
                : undefined
            }
          />
        </section>
        {writable && (
          <section aria-labelledby="stap" className="space-y-6">
            <div>
              <h2 id="stap" className="mb-3">
                {t("dossier.recordStep")}
              </h2>
              <StepForms
                action={recordEventAction.bind(null, n.id)}
                today={today}
                infringementTypes={infringementTypes}
                classification={{
                  nationalityCode: n.nationalityCode,
                  nationalityGroup: n.nationalityGroup,
                  residenceStatusCode: n.residenceStatusCode,
                  targetGroup: n.targetGroup,
                }}
                nationalities={options.nationalities}
                residenceStatuses={options.residenceStatuses}
              />
            </div>
            <details className="card">
              <summary className="cursor-pointer font-semibold">{t("dossier.move")}</summary>
              <div className="mt-3">
                <MoveForm
                  action={moveNewcomerAction.bind(null, n.id)}
                  version={n.version}
                  currentOfficeCode={n.officeCode}
                  offices={options.offices.map((o) => ({ code: o.code, label: o.label, agencyLabel: agencyLabel.get(o.agencyCode) ?? o.agencyCode }))}
                />
              </div>
            </details>
          </section>
        )}
      </div>
      <section aria-labelledby="brieven" className="card">
        <h2 id="brieven" className="mb-3">
          {t("dossier.letters")}
        </h2>
        {letters.length === 0 ? (
          <p className="text-sm">{t("dossier.lettersEmpty")}</p>
        ) : (
          <ul className="space-y-1 text-sm" data-testid="dossier-letters">
            {letters.map((l) => (
              <li key={l.id} data-kind={l.kind}>
                {t("dossier.letterRow", { kind: t(`letters.kinds.${l.kind}`), date: formatDateTime(l.printedAt, actor.locale), name: l.printedBy })}
              </li>
            ))}
          </ul>
        )}
        <MoreNote more={lettersMore} shown={DOSSIER_LETTERS_LIMIT} hint={t("dossier.lettersMore")} locale={actor.locale} />
      </section>
      {can(actor.role, "dossier.history") && (
        <section aria-labelledby="geschiedenis">
          <h2 id="geschiedenis" className="mb-3">
            {t("dossier.history")}
          </h2>
          <DossierHistory entries={history} locale={actor.locale} />
          <MoreNote more={historyMore} shown={HISTORY_LIMIT} hint={t("dossier.historyMore")} locale={actor.locale} />
        </section>
      )}
    </div>
  );
}
