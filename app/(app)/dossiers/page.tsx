import Link from "next/link";
import { TARGET_GROUPS } from "@/lib/domain/code-sets";
import { formatDate, formatNumber } from "@/lib/i18n/format";
import { looseTranslator, translator } from "@/lib/i18n/messages";
import { pageTitle } from "@/lib/server/i18n/request-locale";
import { requirePageActor } from "@/lib/server/auth/session";
import { ValidationError } from "@/lib/server/errors";
import { listNewcomerFilterOptions, listNewcomers } from "@/lib/server/dossiers/list-newcomers";
import { resolveSearchToken } from "@/lib/server/dossiers/search-token";
import { searchDossiersAction } from "./actions";
import { bulkAction } from "../werklijsten/actions";
import { BulkForm } from "@/components/lists/bulk-form";
import { BulkMove } from "@/components/lists/bulk-move";
import { PrintInvitationsButton } from "@/components/lists/print-invitations-button";
import { listNewcomerFormOptions } from "@/lib/server/dossiers/reference-checks";
import { SORTS, TRACK_STATUS_FILTERS } from "@/lib/server/dossiers/newcomer.schema";
import { countNewcomersExact } from "@/lib/server/dossiers/count-newcomers";
import { ExportForm } from "@/components/lists/export-form";
import { Pager } from "@/components/lists/pager";
import { listHref, pageCount } from "@/lib/domain/lists/list-params";
import { can } from "@/lib/domain/permissions";

export const generateMetadata = pageTitle("dossiers", "title");

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

export default async function DossiersPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requirePageActor("dossier.read");
  const t = translator("dossiers", actor.locale);
  const common = translator("common", actor.locale);
  const codeLabel = looseTranslator("dossiers", actor.locale);
  const sp = await searchParams;
  // a search by national number arrives as an opaque token (?zoek=…), never as the number itself
  const token = one(sp.zoek);
  const tokenQuery = token ? await resolveSearchToken(actor, token) : null;
  const raw = {
    q: tokenQuery ?? one(sp.q),
    office: one(sp.office),
    targetGroup: one(sp.targetGroup),
    status: one(sp.status),
    extractionYear: one(sp.extractionYear),
    sort: one(sp.sort),
    page: one(sp.page),
  };
  const wl = translator("worklists", actor.locale);
  const [list, { offices }, { offices: moveTargets }] = await Promise.all([
    // a bad filter (a hand-edited URL) falls back to the search alone, a bad search to the plain list
    listNewcomers(actor, raw)
      .catch((e) => (e instanceof ValidationError ? listNewcomers(actor, { q: raw.q.slice(0, 100) }) : Promise.reject(e)))
      .catch((e) => (e instanceof ValidationError ? listNewcomers(actor, {}) : Promise.reject(e))),
    listNewcomerFilterOptions(actor),
    listNewcomerFormOptions(),
  ]);
  // "meer dan 10.000" is fast and honest; the exact count only when asked for (?telling=exact)
  const exact = one(sp.telling) === "exact" && list.totalCapped;
  const total = exact ? await countNewcomersExact(actor, list.query) : list.total;
  const pages = pageCount(total, list.pageSize);
  // a number search stays its token in every link (never the number itself)
  const inUrl = { ...(tokenQuery !== null ? { ...raw, q: "", zoek: token } : raw), page: null, telling: exact ? "exact" : null };
  const href = (page: number) => listHref("/dossiers", inUrl, { page });
  // the export posts the filters the list applied; a number search as its token
  const { page: _page, ...applied } = list.query;
  const filters = { ...applied, q: tokenQuery !== null ? null : applied.q, zoek: tokenQuery !== null ? token : null };
  const thisYear = new Date().getUTCFullYear();
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1>{t("title")}</h1>
        <Link href="/dossiers/nieuw" className="btn-primary">
          {t("new")}
        </Link>
      </div>
      {one(sp.verhuisd) === "1" && (
        <p role="status" className="rounded-md bg-green-50 p-3 text-sm text-green-900">
          {t("dossier.movedAway")}
        </p>
      )}
      {token && tokenQuery === null && (
        <p role="status" className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">
          {t("list.searchExpired")}
        </p>
      )}
      {one(sp.zoekfout) === "1" && (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-900">
          {t("list.searchRefused")}
        </p>
      )}
      {/* POST, not GET: a national number typed here must not end up in the URL (see searchDossiersAction) */}
      {/* biome-ignore lint/a11y/useSemanticElements: <search> is not yet in every browser the agencies run; role="search" is the landmark */}
      <form action={searchDossiersAction} className="card grid gap-3 sm:grid-cols-2 lg:grid-cols-6" role="search">
        <div className="sm:col-span-2">
          <label htmlFor="q" className="label">
            {t("list.search")}
          </label>
          <input id="q" name="q" type="search" className="input" defaultValue={raw.q} aria-describedby="q-hint" autoFocus />
          <p id="q-hint" className="mt-1 text-xs text-slate-600">
            {t("list.searchHint")}
          </p>
        </div>
        <div>
          <label htmlFor="office" className="label">
            {t("list.office")}
          </label>
          <select id="office" name="office" className="input" defaultValue={raw.office}>
            <option value="">{t("list.all")}</option>
            {offices.map((o) => (
              <option key={o.code} value={o.code}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="targetGroup" className="label">
            {t("list.targetGroup")}
          </label>
          <select id="targetGroup" name="targetGroup" className="input" defaultValue={raw.targetGroup}>
            <option value="">{t("list.all")}</option>
            {TARGET_GROUPS.map((g) => (
              <option key={g} value={g}>
                {t(`targetGroups.${g}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="status" className="label">
            {t("list.status")}
          </label>
          <select id="status" name="status" className="input" defaultValue={raw.status}>
            <option value="">{t("list.all")}</option>
            {TRACK_STATUS_FILTERS.map((s) => (
              <option key={s} value={s}>
                {t(`statuses.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="extractionYear" className="label">
            {t("list.extractionYear")}
          </label>
          <select id="extractionYear" name="extractionYear" className="input" defaultValue={raw.extractionYear}>
            <option value="">{t("list.all")}</option>
            {Array.from({ length: thisYear - 2014 }, (_, i) => thisYear - i).map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="sort" className="label">
            {t("list.sort")}
          </label>
          <select id="sort" name="sort" className="input" defaultValue={raw.sort || "naam"}>
            {SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`sorts.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex items-end gap-2 lg:col-span-5">
          <button type="submit" className="btn-primary">
            {t("list.filter")}
          </button>
          <Link href="/dossiers" className="btn-secondary">
            {t("list.reset")}
          </Link>
        </div>
      </form>
      <p className="text-sm text-slate-700" role="status" data-testid="result-count">
        {list.totalCapped && !exact
          ? t("list.countCapped", { count: formatNumber(list.total, actor.locale) })
          : t("list.count", { count: formatNumber(total, actor.locale) })}
        {list.totalCapped && !exact && (
          <>
            {" "}
            <Link href={listHref("/dossiers", inUrl, { telling: "exact" })} className="underline" prefetch={false}>
              {t("list.exactCount")}
            </Link>
          </>
        )}
      </p>
      {list.rows.length > 0 && (
        <ExportForm
          id="dossiers-export"
          action="/dossiers/export"
          fields={filters}
          role={actor.role}
          locale={actor.locale}
          total={total}
          totalCapped={list.totalCapped && !exact}
        />
      )}
      {list.rows.length === 0 ? (
        <p className="card">{t("list.empty")}</p>
      ) : (
        // bulk actions on a selection (issue 14): move to another office, one transaction, audited
        <BulkForm
          action={bulkAction}
          names={Object.fromEntries(list.rows.map((r) => [r.id, `${r.lastName} ${r.firstName}`]))}
          toolbar={
            <>
              <PrintInvitationsButton label={wl("bulk.printInvitations")} />
              {can(actor.role, "dvz.advise") && (
                <button type="submit" name="bulk" value="dvz" className="btn-secondary" data-testid="bulk-dvz-advice">
                  {wl("bulk.dvzAdvice")}
                </button>
              )}
              <BulkMove
                offices={moveTargets}
                labels={{ moveTo: wl("bulk.moveTo"), move: wl("bulk.move"), choose: wl("bulk.chooseOffice"), reason: wl("bulk.moveReason") }}
              />
            </>
          }
        >
          <div className="overflow-x-auto">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{wl("columns.select")}</th>
                  <th scope="col">{t("list.name")}</th>
                  <th scope="col">{t("list.nationalNumber")}</th>
                  <th scope="col">{t("list.birthDate")}</th>
                  <th scope="col">{t("list.office")}</th>
                  <th scope="col">{t("list.targetGroup")}</th>
                  <th scope="col">{t("list.status")}</th>
                </tr>
              </thead>
              <tbody>
                {list.rows.map((r) => (
                  <tr key={r.id}>
                    <td>
                      <input type="checkbox" name="ids" value={r.id} aria-label={wl("bulk.selectRow", { name: `${r.lastName} ${r.firstName}` })} />
                    </td>
                    <td>
                      <Link href={`/dossiers/${r.id}`} prefetch={false} className="font-medium text-brand-700 underline">
                        {r.lastName}, {r.firstName}
                      </Link>
                    </td>
                    <td className="font-mono">{r.maskedNationalNumber}</td>
                    <td>{formatDate(r.birthDate)}</td>
                    <td>{r.officeLabel}</td>
                    <td>{codeLabel(`targetGroups.${r.targetGroup}`)}</td>
                    <td>{codeLabel(`statuses.${r.status ?? "GEEN"}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </BulkForm>
      )}
      <Pager
        page={list.query.page}
        pages={pages}
        more={list.totalCapped && !exact}
        href={href}
        label={t("list.pagination")}
        pageText={
          list.totalCapped && !exact
            ? common("lists.pager.pageMore", { page: list.query.page, pages: formatNumber(pages, actor.locale) })
            : t("list.page", { page: list.query.page, pages: formatNumber(pages, actor.locale) })
        }
        previous={common("actions.previous")}
        next={common("actions.next")}
      />
    </div>
  );
}
