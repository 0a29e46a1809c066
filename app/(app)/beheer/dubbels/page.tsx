// Likely duplicate dossiers for admins (issue 14): groups of the same name and birth date, paged
// with the true number of groups; each pair links to the merge screen.
import Link from "next/link";
import { formatDate, formatNumber } from "@/lib/i18n/format";
import { translator } from "@/lib/i18n/messages";
import { requirePageActor } from "@/lib/server/auth/session";
import { listDuplicateGroups } from "@/lib/server/dossiers/duplicates";
import { pageTitle } from "@/lib/server/i18n/request-locale";

export const generateMetadata = pageTitle("admin", "duplicates.title");

export default async function DuplicatesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor("dossier.merge");
  const t = translator("admin", actor.locale);
  const common = translator("common", actor.locale);
  const sp = await searchParams;
  const list = await listDuplicateGroups(actor, { page: Array.isArray(sp.page) ? sp.page[0] : sp.page });
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  return (
    <div className="space-y-4">
      <p className="text-sm">
        <Link href="/beheer" className="text-brand-700 underline">
          {t("title")}
        </Link>
      </p>
      <h1>{t("duplicates.title")}</h1>
      <p className="text-slate-700">{t("duplicates.intro")}</p>
      <p className="text-sm" data-testid="duplicates-count">
        {t("duplicates.count", { count: formatNumber(list.total, actor.locale) })}
      </p>
      {list.groups.length === 0 ? (
        <p>{t("duplicates.empty")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("duplicates.name")}</th>
                <th scope="col">{t("duplicates.birthDate")}</th>
                <th scope="col">{t("duplicates.number")}</th>
                <th scope="col">{t("duplicates.office")}</th>
                <th scope="col">{t("duplicates.reason")}</th>
                <th scope="col">
                  <span className="sr-only">{t("duplicates.merge")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.groups.flatMap((g) =>
                g.members.map((m, i) => (
                  <tr key={m.id} data-testid="duplicate-row">
                    <td>
                      <Link href={`/dossiers/${m.id}`} prefetch={false} className="text-brand-700 underline">
                        {m.lastName}, {m.firstName}
                      </Link>
                    </td>
                    <td>{formatDate(m.birthDate)}</td>
                    <td className="font-mono">{m.maskedNationalNumber}</td>
                    <td>{m.officeLabel}</td>
                    <td>{t(`duplicates.reasons.${m.reason}`)}</td>
                    <td>
                      {i > 0 && (
                        <Link
                          className="btn-secondary"
                          prefetch={false}
                          href={`/beheer/dubbels/samenvoegen?${new URLSearchParams({ a: g.members[0]!.id, b: m.id }).toString()}`}
                        >
                          {t("duplicates.merge")}
                        </Link>
                      )}
                    </td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 && (
        <nav aria-label={t("duplicates.title")} className="flex items-center gap-3 text-sm">
          {list.page > 1 && (
            <Link className="btn-secondary" href={`/beheer/dubbels?page=${list.page - 1}`} rel="prev">
              {common("actions.previous")}
            </Link>
          )}
          <span>{t("duplicates.page", { page: list.page, pages: formatNumber(pages, actor.locale) })}</span>
          {list.page < pages && (
            <Link className="btn-secondary" href={`/beheer/dubbels?page=${list.page + 1}`} rel="next">
              {common("actions.next")}
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
