import { FollowUpForm } from "@/components/dvz/follow-up-form";
import { GenerateAdviceForm } from "@/components/dvz/generate-advice-form";
import { DVZ_FOLLOW_UPS } from "@/lib/domain/code-sets";
import { formatDate, todayIso } from "@/lib/i18n/format";
import { translator } from "@/lib/i18n/messages";
import { pageTitle } from "@/lib/server/i18n/request-locale";
import { requirePageActor } from "@/lib/server/auth/session";
import { listDvzAdvices } from "@/lib/server/dvz/advice";
import { findNewcomersForAdvice } from "@/lib/server/dvz/find-newcomers";
import { ValidationError } from "@/lib/server/errors";
import { resolveSearchToken } from "@/lib/server/dossiers/search-token";
import { followUpAction, generateAdviceAction, searchDvzAction } from "./actions";

export const generateMetadata = pageTitle("dvz", "title");

export default async function DvzPage({ searchParams }: { searchParams: Promise<{ q?: string; zoek?: string }> }) {
  const actor = await requirePageActor("dvz.advise");
  const t = translator("dvz", actor.locale);
  const sp = await searchParams;
  // a search with (part of) a national number arrives as an opaque token, never in the URL
  const q = sp.zoek ? ((await resolveSearchToken(actor, sp.zoek)) ?? undefined) : sp.q;
  const today = todayIso();
  let results: Awaited<ReturnType<typeof findNewcomersForAdvice>> | null = null;
  let searchError: string | undefined;
  if (q !== undefined) {
    try {
      results = await findNewcomersForAdvice(actor, { q });
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      searchError = e.fieldErrorsIn(actor.locale).q;
    }
  }
  const advices = await listDvzAdvices(actor);
  const yesNo = (b: boolean) => (b ? t("advices.yes") : t("advices.no"));
  const year = today.slice(0, 4);
  return (
    <div className="space-y-8">
      <div>
        <h1>{t("title")}</h1>
        <p className="max-w-3xl text-sm text-slate-600">{t("intro")}</p>
      </div>

      <section aria-labelledby="search-heading" className="space-y-3">
        <h2 id="search-heading">{t("search.title")}</h2>
        {/* biome-ignore lint/a11y/useSemanticElements: <search> is not yet in every browser the agencies run; role="search" is the landmark */}
        <form action={searchDvzAction} className="card flex flex-wrap items-end gap-3" role="search">
          <div className="min-w-72">
            <label htmlFor="dvz-q" className="label">
              {t("search.query")}
            </label>
            <input
              id="dvz-q"
              name="q"
              className="input"
              defaultValue={q ?? ""}
              aria-invalid={searchError ? true : undefined}
              aria-describedby={searchError ? "dvz-q-error" : undefined}
            />
            {searchError && (
              <p id="dvz-q-error" className="field-error" role="alert">
                {searchError}
              </p>
            )}
          </div>
          <button type="submit" className="btn-secondary">
            {t("search.submit")}
          </button>
        </form>
        {results &&
          (results.length === 0 ? (
            <p>{t("search.empty")}</p>
          ) : (
            <table className="data-table" data-testid="dvz-search-results">
              <thead>
                <tr>
                  <th scope="col">{t("search.name")}</th>
                  <th scope="col">{t("search.nationalNumber")}</th>
                  <th scope="col">{t("search.agency")}</th>
                  <th scope="col">{t("generate.submit")}</th>
                </tr>
              </thead>
              <tbody>
                {results.map((r) => (
                  <tr key={r.id}>
                    <td>{r.name}</td>
                    <td>{r.maskedNationalNumber}</td>
                    <td>{r.agency}</td>
                    <td>
                      <GenerateAdviceForm
                        action={generateAdviceAction.bind(null, r.id)}
                        today={today}
                        idSuffix={r.id}
                        labels={{ date: t("generate.date"), submit: t("generate.submit") }}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
      </section>

      <section aria-labelledby="advices-heading" className="space-y-3">
        <h2 id="advices-heading">{t("advices.title")}</h2>
        {advices.length === 0 ? (
          <p>{t("advices.empty")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="data-table" data-testid="dvz-advices">
              <thead>
                <tr>
                  <th scope="col">{t("advices.date")}</th>
                  <th scope="col">{t("advices.newcomer")}</th>
                  <th scope="col">{t("advices.contract")}</th>
                  <th scope="col">{t("advices.attestation")}</th>
                  <th scope="col">{t("advices.followUp")}</th>
                </tr>
              </thead>
              <tbody>
                {advices.map((a) => (
                  <tr key={a.id}>
                    <td>{formatDate(a.date)}</td>
                    <td>{a.newcomer.name}</td>
                    <td>{yesNo(a.contractSigned)}</td>
                    <td>{yesNo(a.attestationObtained)}</td>
                    <td>
                      <FollowUpForm
                        action={followUpAction.bind(null, a.id)}
                        version={a.version}
                        current={a.followUp}
                        currentOn={a.followUpOn}
                        today={today}
                        idSuffix={a.id}
                        options={DVZ_FOLLOW_UPS.map((code) => ({ code, label: t(`followUp.${code}`) }))}
                        labels={{ label: t("followUp.label"), on: t("followUp.on"), save: t("followUp.save") }}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="export-heading" className="space-y-3">
        <h2 id="export-heading">{t("export.title")}</h2>
        <p className="max-w-3xl text-sm text-slate-600">{t("export.intro")}</p>
        <form method="post" action="/dvz/export" className="card flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor="dvz-from" className="label">
              {t("export.from")}
            </label>
            <input id="dvz-from" name="from" type="date" className="input" defaultValue={`${year}-01-01`} required />
          </div>
          <div>
            <label htmlFor="dvz-to" className="label">
              {t("export.to")}
            </label>
            <input id="dvz-to" name="to" type="date" className="input" defaultValue={today} required />
          </div>
          <button type="submit" className="btn-primary">
            {t("export.submit")}
          </button>
        </form>
      </section>
    </div>
  );
}
