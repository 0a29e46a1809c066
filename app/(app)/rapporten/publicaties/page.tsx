// The publications the actor may see (issue 13), newest first, paged, with their status.
import Link from "next/link";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { translator } from "@/lib/i18n/messages";
import { requirePageActor } from "@/lib/server/auth/session";
import { pageTitle } from "@/lib/server/i18n/request-locale";
import { listPublications } from "@/lib/server/reports/publications";

export const generateMetadata = pageTitle("publications", "list.title");

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor("report.read");
  const t = translator("publications", actor.locale);
  const sp = await searchParams;
  const page = Number(typeof sp.pagina === "string" ? sp.pagina : 1) || 1;
  const status = sp.status === "VOORLOPIG" || sp.status === "DEFINITIEF" ? sp.status : null;
  const list = await listPublications(actor, { page, status });
  const href = (p: number) => `/rapporten/publicaties?pagina=${p}${status ? `&status=${status}` : ""}`;
  return (
    <div className="space-y-6">
      <h1>{t("list.title")}</h1>
      <p className="flex gap-3 text-sm">
        <Link href="/rapporten/publicaties">{t("list.all")}</Link>
        <Link href="/rapporten/publicaties?status=VOORLOPIG">{t("status.VOORLOPIG")}</Link>
        <Link href="/rapporten/publicaties?status=DEFINITIEF">{t("status.DEFINITIEF")}</Link>
      </p>
      {list.items.length === 0 ? (
        <p>{t("list.empty")}</p>
      ) : (
        <table className="data-table" data-testid="publications">
          <thead>
            <tr>
              <th scope="col">{t("list.when")}</th>
              <th scope="col">{t("detail.question")}</th>
              <th scope="col">{t("list.status")}</th>
              <th scope="col">{t("list.years")}</th>
              <th scope="col">{t("list.asOf")}</th>
              <th scope="col">{t("list.who")}</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((p) => (
              <tr key={p.id}>
                <td>{formatDateTime(p.takenAt, actor.locale)}</td>
                <td>
                  <Link className="text-brand-700 underline" href={`/rapporten/publicaties/${p.id}`}>
                    {p.title}
                  </Link>{" "}
                  ({p.questionNumber})
                </td>
                <td>{t(`status.${p.status}`)}</td>
                <td>
                  {p.yearFrom}–{p.yearTo}
                </td>
                <td>{formatDate(p.asOf)}</td>
                <td>{p.publishedBy}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="flex gap-3 text-sm">
        {list.page > 1 && <Link href={href(list.page - 1)}>{t("list.previous")}</Link>}
        <span>{t("list.page", { page: list.page, pages: list.pages })}</span>
        {list.page < list.pages && <Link href={href(list.page + 1)}>{t("list.next")}</Link>}
      </p>
    </div>
  );
}
