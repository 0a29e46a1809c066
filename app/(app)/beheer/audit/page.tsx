// The audit log for the DPO: filters (user, dossier by national number, action, period), pages
// with the true total, Dutch labels, changes per field, and a CSV export of the filtered rows.
import Link from "next/link";
import { Pager } from "@/components/lists/pager";
import { formatDateTime, formatNumber } from "@/lib/i18n/format";
import { translator } from "@/lib/i18n/messages";
import { pageTitle } from "@/lib/server/i18n/request-locale";
import { auditFilterOptions, auditFilterParams, listAuditEntries, parseAuditQuery } from "@/lib/server/audit/list-audit";
import { requirePageActor } from "@/lib/server/auth/session";
import { findAuditDossierAction } from "./actions";

export const generateMetadata = pageTitle("audit", "title");

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor("audit.read");
  const t = translator("audit", actor.locale);
  const admin = translator("admin", actor.locale);
  const common = translator("common", actor.locale);
  const sp = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const { query, error } = parseAuditQuery(sp, actor.locale);
  const [list, options] = await Promise.all([listAuditEntries(actor, query), auditFilterOptions(actor, query)]);
  const filters = auditFilterParams(query);
  const href = (page: number) => `/beheer/audit?${new URLSearchParams([...filters, ["page", String(page)]]).toString()}`;
  const withoutDossier = `/beheer/audit?${new URLSearchParams(filters.filter(([k]) => k !== "dossier")).toString()}`;
  const dossierError = sp.dossierError === "notfound" ? t("filters.dossierNotFound") : sp.dossierError === "invalid" ? t("filters.dossierInvalid") : null;
  const hidden = (skip?: string) => filters.filter(([k]) => k !== skip).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />);
  return (
    <div className="space-y-4">
      <p className="text-sm">
        <Link href="/beheer" className="text-brand-700 underline">
          {admin("title")}
        </Link>
      </p>
      <h1>{t("title")}</h1>
      <p className="text-sm text-slate-700">{t("intro")}</p>
      {error && (
        <p className="field-error" role="status">
          {t("invalidFilter", { message: error })}
        </p>
      )}

      <form className="card flex flex-wrap items-end gap-3" method="get" aria-label={t("filters.apply")}>
        {query.dossier && <input type="hidden" name="dossier" value={query.dossier} />}
        <div>
          <label className="label" htmlFor="a-user">
            {t("filters.user")}
          </label>
          <select id="a-user" name="user" className="input" defaultValue={query.user ?? ""}>
            <option value="">{t("filters.allUsers")}</option>
            {options.users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name} ({u.email})
              </option>
            ))}
          </select>
        </div>
        <div>
          <label className="label" htmlFor="a-action">
            {t("filters.action")}
          </label>
          <select id="a-action" name="action" className="input" defaultValue={query.action ?? ""}>
            <option value="">{t("filters.allActions")}</option>
            {options.actions.map((a) => (
              <option key={a.code} value={a.code}>
                {a.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label className="label" htmlFor="a-from">
            {t("filters.from")}
          </label>
          <input id="a-from" name="from" type="date" className="input" defaultValue={query.from ?? ""} />
        </div>
        <div>
          <label className="label" htmlFor="a-to">
            {t("filters.to")}
          </label>
          <input id="a-to" name="to" type="date" className="input" defaultValue={query.to ?? ""} />
        </div>
        <button className="btn-primary" type="submit">
          {t("filters.apply")}
        </button>
        <Link className="btn-secondary" href="/beheer/audit">
          {t("filters.reset")}
        </Link>
      </form>

      <form className="card flex flex-wrap items-end gap-3" action={findAuditDossierAction} aria-label={t("filters.dossierSearch")}>
        {hidden("dossier")}
        <div>
          <label className="label" htmlFor="a-nn">
            {t("filters.dossier")}
          </label>
          <input id="a-nn" name="nationalNumber" className="input" inputMode="numeric" autoComplete="off" aria-describedby="a-nn-hint" />
          <p id="a-nn-hint" className="mt-1 text-xs text-slate-600">
            {t("filters.dossierHint")}
          </p>
          {dossierError && (
            <p className="field-error" role="alert">
              {dossierError}
            </p>
          )}
        </div>
        <button className="btn-secondary" type="submit">
          {t("filters.dossierSearch")}
        </button>
        {options.dossier && (
          <p className="text-sm" data-testid="audit-dossier">
            {t("filters.dossierSelected", { name: options.dossier.name, nationalNumber: options.dossier.maskedNationalNumber })}{" "}
            <Link className="text-brand-700 underline" href={withoutDossier}>
              {t("filters.dossierClear")}
            </Link>
          </p>
        )}
      </form>

      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-700" role="status" data-testid="audit-count">
          {t("count", { count: formatNumber(list.total, actor.locale) })}
        </p>
        <form method="post" action="/beheer/audit/export">
          {hidden()}
          <button className="btn-secondary" type="submit" disabled={list.total === 0}>
            {t("export", { count: formatNumber(list.total, actor.locale) })}
          </button>
        </form>
      </div>

      {list.entries.length === 0 ? (
        <p className="card">{t("empty")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="data-table" data-testid="audit-table">
            <thead>
              <tr>
                <th scope="col">{t("table.when")}</th>
                <th scope="col">{t("table.who")}</th>
                <th scope="col">{t("table.action")}</th>
                <th scope="col">{t("table.object")}</th>
                <th scope="col">{t("table.dossier")}</th>
                <th scope="col">{t("table.changes")}</th>
              </tr>
            </thead>
            <tbody>
              {list.entries.map((e) => (
                <tr key={e.id}>
                  <td className="whitespace-nowrap">{formatDateTime(e.at, actor.locale)}</td>
                  <td>
                    {e.userEmail ?? t("table.system")}
                    {e.ip ? <span className="block text-xs text-slate-600">{e.ip}</span> : null}
                  </td>
                  <td title={e.action}>{e.actionLabel}</td>
                  <td>
                    {e.objectLabel}
                    {e.entityId && e.entityId.length <= 40 ? <span className="block font-mono text-xs text-slate-600">{e.entityId.slice(0, 8)}</span> : null}
                  </td>
                  <td>
                    {e.newcomerId ? (
                      <Link className="text-brand-700 underline" href={`/dossiers/${e.newcomerId}`} prefetch={false}>
                        {t("table.open")}
                      </Link>
                    ) : (
                      ""
                    )}
                  </td>
                  <td className="text-xs text-slate-700">
                    {e.changes.length > 0 && (
                      <ul className="space-y-0.5">
                        {e.changes.map((c, i) => (
                          <li key={i}>
                            {c.label && <span className="font-medium">{c.label}: </span>}
                            {c.before !== null && c.after !== null ? (
                              <>
                                {c.before} → {c.after}
                              </>
                            ) : (
                              (c.after ?? c.before)
                            )}
                          </li>
                        ))}
                      </ul>
                    )}
                    {e.reason && (
                      <p>
                        {t("table.reason")}: {e.reason}
                      </p>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager
        page={list.page}
        pages={list.pages}
        href={href}
        label={t("pagination")}
        pageText={t("page", { page: list.page, pages: formatNumber(list.pages, actor.locale) })}
        previous={common("actions.previous")}
        next={common("actions.next")}
      />
    </div>
  );
}
