import { FollowUpForm } from "@/components/dvz/follow-up-form";
import { GenerateAdviceForm } from "@/components/dvz/generate-advice-form";
import { DVZ_FOLLOW_UPS } from "@/lib/domain/code-sets";
import { ExportForm } from "@/components/lists/export-form";
import { Pager } from "@/components/lists/pager";
import { SortHeader } from "@/components/lists/sort-header";
import { listHref, pageCount, parseListParams, sortParamOf } from "@/lib/domain/lists/list-params";
import { formatDate, formatNumber, todayIso } from "@/lib/i18n/format";
import { translator } from "@/lib/i18n/messages";
import { pageTitle } from "@/lib/server/i18n/request-locale";
import { requirePageActor } from "@/lib/server/auth/session";
import { DVZ_ADVICE_COLUMNS, listDvzAdvices } from "@/lib/server/dvz/advice";
import { MoreNote } from "@/components/lists/more-note";
import { DVZ_SEARCH_LIMIT, findNewcomersForAdvice } from "@/lib/server/dvz/find-newcomers";
import { ValidationError } from "@/lib/server/errors";
import { resolveSearchToken } from "@/lib/server/dossiers/search-token";
import { followUpAction, generateAdviceAction, searchDvzAction } from "./actions";

export const generateMetadata = pageTitle("dvz", "title");

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function DvzPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requirePageActor("dvz.advise");
  const t = translator("dvz", actor.locale);
  const common = translator("common", actor.locale);
  const sp = await searchParams;
  // a search with (part of) a national number arrives as an opaque token, never in the URL
  const zoek = one(sp.zoek);
  const q = zoek ? ((await resolveSearchToken(actor, zoek)) ?? undefined) : one(sp.q);
  // the advice list: paged, sortable, filtered by name (issue 14); never a national number in the URL
  const listParams = parseListParams(sp, DVZ_ADVICE_COLUMNS, "-datum");
  const name = (one(sp.naam) ?? "").slice(0, 100);
  const inUrl = { naam: name, sort: sortParamOf(listParams), ...(zoek ? { zoek } : q ? { q } : {}) };
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
  const advicePage = await listDvzAdvices(actor, { name, ...listParams });
  const advices = advicePage.rows;
  const pages = pageCount(advicePage.total, advicePage.pageSize);
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
          (results.items.length === 0 ? (
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
                {results.items.map((r) => (
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
        {results && <MoreNote more={results.more} shown={DVZ_SEARCH_LIMIT} hint={t("search.more")} locale={actor.locale} />}
      </section>

      <section aria-labelledby="advices-heading" className="space-y-3">
        <h2 id="advices-heading">{t("advices.title")}</h2>
        <form method="get" action="/dvz" className="card flex flex-wrap items-end gap-3">
          <div>
            <label htmlFor="dvz-naam" className="label">
              {t("advices.filterName")}
            </label>
            <input id="dvz-naam" name="naam" className="input" defaultValue={name} maxLength={100} />
          </div>
          <input type="hidden" name="sort" value={sortParamOf(listParams)} />
          <button type="submit" className="btn-secondary">
            {t("advices.filter")}
          </button>
        </form>
        <p className="text-sm text-slate-700" role="status" data-testid="dvz-advice-count">
          {t("advices.count", { count: formatNumber(advicePage.total, actor.locale) })}
        </p>
        {advices.length > 0 && (
          <ExportForm
            id="advices-export"
            action="/dvz/adviezen/export"
            fields={{ naam: name, sort: sortParamOf(listParams) }}
            role={actor.role}
            locale={actor.locale}
            total={advicePage.total}
            totalCapped={false}
          />
        )}
        {advices.length === 0 ? (
          <p>{t("advices.empty")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="data-table" data-testid="dvz-advices">
              <thead>
                <tr>
                  <SortHeader
                    column="datum"
                    current={listParams}
                    label={t("advices.date")}
                    title={t("advices.sortBy", { column: t("advices.date") })}
                    href={(sort) => listHref("/dvz", { ...inUrl, sort })}
                  />
                  <SortHeader
                    column="naam"
                    current={listParams}
                    label={t("advices.newcomer")}
                    title={t("advices.sortBy", { column: t("advices.newcomer") })}
                    href={(sort) => listHref("/dvz", { ...inUrl, sort })}
                  />
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
        <Pager
          page={advicePage.page}
          pages={pages}
          href={(page) => listHref("/dvz", { ...inUrl, page })}
          label={t("advices.pagination")}
          pageText={t("advices.page", { page: advicePage.page, pages: formatNumber(pages, actor.locale) })}
          previous={common("actions.previous")}
          next={common("actions.next")}
        />
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
