import Link from "next/link";
import { notFound } from "next/navigation";
import { BulkForm } from "@/components/lists/bulk-form";
import { BulkMove } from "@/components/lists/bulk-move";
import { PrintInvitationsButton } from "@/components/lists/print-invitations-button";
import { ExportForm } from "@/components/lists/export-form";
import { Pager } from "@/components/lists/pager";
import { SortHeader } from "@/components/lists/sort-header";
import { listHref, pageCount, sortParamOf } from "@/lib/domain/lists/list-params";
import { can } from "@/lib/domain/permissions";
import { formatDate, formatNumber } from "@/lib/i18n/format";
import { translator } from "@/lib/i18n/messages";
import { requirePageActor } from "@/lib/server/auth/session";
import { listNewcomerFilterOptions } from "@/lib/server/dossiers/list-newcomers";
import { listNewcomerFormOptions } from "@/lib/server/dossiers/reference-checks";
import { getTranslator } from "@/lib/server/i18n/request-locale";
import { isWorklist, WORKLIST_PERMISSION, type WorklistColumn } from "@/lib/server/worklists/definitions";
import { listWorklist, worklistQueryOf } from "@/lib/server/worklists/worklists";
import { bulkAction } from "../actions";

type Search = Record<string, string | string[] | undefined>;

export async function generateMetadata({ params }: { params: Promise<{ lijst: string }> }) {
  const { lijst } = await params;
  const t = await getTranslator("worklists");
  return { title: isWorklist(lijst) ? t(`lists.${lijst}.title`) : t("title") };
}

export default async function WorklistPage({ params, searchParams }: { params: Promise<{ lijst: string }>; searchParams: Promise<Search> }) {
  const { lijst } = await params;
  if (!isWorklist(lijst)) notFound();
  const actor = await requirePageActor(WORKLIST_PERMISSION[lijst]);
  const t = translator("worklists", actor.locale);
  const common = translator("common", actor.locale);
  const query = worklistQueryOf(await searchParams);
  const [list, { offices }] = await Promise.all([listWorklist(actor, lijst, query), listNewcomerFilterOptions(actor)]);
  const path = `/werklijsten/${lijst}`;
  const inUrl = { kantoor: query.office, sort: sortParamOf(query), telling: query.exact ? "exact" : null };
  const pages = pageCount(list.total, list.pageSize);
  const fines = lijst === "herinneringen" || lijst === "overdracht";
  const bulk = can(actor.role, "dossier.write") && !fines && lijst !== "open-inbreuken";
  const moveTargets = bulk ? (await listNewcomerFormOptions()).offices : [];
  const header = (column: WorklistColumn, label: string) => (
    <SortHeader column={column} current={query} label={label} title={t("sortBy", { column: label })} href={(sort) => listHref(path, { ...inUrl, sort })} />
  );
  const table = (
    <div className="overflow-x-auto">
      <table className="data-table" data-testid="worklist-table">
        <thead>
          <tr>
            {bulk && <th scope="col">{t("columns.select")}</th>}
            {header("naam", t("columns.name"))}
            <th scope="col">{t("columns.nationalNumber")}</th>
            {header("geboortedatum", t("columns.birthDate"))}
            {header("kantoor", t("columns.office"))}
            {header("sinds", t("columns.since"))}
            {list.rows.some((r) => r.dueOn) && <th scope="col">{t("columns.dueOn")}</th>}
            {fines && <th className="num">{t("columns.amount")}</th>}
          </tr>
        </thead>
        <tbody>
          {list.rows.map((r) => (
            <tr key={`${r.newcomerId}-${r.eventId ?? ""}-${r.decisionId ?? ""}`}>
              {bulk && (
                <td>
                  <input type="checkbox" name="ids" value={r.newcomerId} aria-label={t("bulk.selectRow", { name: r.name })} />
                </td>
              )}
              <td>
                <Link
                  href={r.eventId && can(actor.role, "fine.read") ? `/boetes/${r.eventId}` : `/dossiers/${r.newcomerId}`}
                  prefetch={false}
                  className="font-medium text-brand-700 underline"
                >
                  {r.name}
                </Link>
              </td>
              <td className="font-mono">{r.maskedNationalNumber}</td>
              <td>{formatDate(r.birthDate)}</td>
              <td>{r.office}</td>
              <td>{formatDate(r.since)}</td>
              {r.dueOn !== null && <td>{formatDate(r.dueOn)}</td>}
              {fines && <td className="num">{r.amountEur === null ? "" : `€ ${formatNumber(r.amountEur, actor.locale)}`}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  return (
    <div className="space-y-6">
      <p>
        <Link href="/werklijsten" className="text-sm text-brand-700 underline">
          {t("back")}
        </Link>
      </p>
      <h1>{t(`lists.${lijst}.title`)}</h1>
      <p className="text-slate-700">{t(`lists.${lijst}.help`)}</p>
      <form method="get" action={path} className="card flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="kantoor" className="label">
            {t("office")}
          </label>
          <select id="kantoor" name="kantoor" className="input" defaultValue={query.office ?? ""}>
            <option value="">{t("allOffices")}</option>
            {offices.map((o) => (
              <option key={o.code} value={o.code}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <input type="hidden" name="sort" value={sortParamOf(query)} />
        <button type="submit" className="btn-primary">
          {t("filter")}
        </button>
      </form>
      <p className="text-sm text-slate-700" role="status" data-testid="result-count">
        {list.totalCapped ? t("countCapped", { count: formatNumber(list.total, actor.locale) }) : t("count", { count: formatNumber(list.total, actor.locale) })}
        {list.totalCapped && (
          <>
            {" "}
            <Link href={listHref(path, { ...inUrl, telling: "exact" })} className="underline" prefetch={false}>
              {t("exactCount")}
            </Link>
          </>
        )}
      </p>
      {list.rows.length > 0 && (
        <ExportForm
          id="worklist-export"
          action={`${path}/export`}
          fields={{ kantoor: query.office, sort: sortParamOf(query) }}
          role={actor.role}
          locale={actor.locale}
          total={list.total}
          totalCapped={list.totalCapped}
        />
      )}
      {/* the bulk form stays mounted when its action empties the list, so its outcome stays visible */}
      {bulk ? (
        <BulkForm
          action={bulkAction}
          names={Object.fromEntries(list.rows.map((r) => [r.newcomerId, r.name]))}
          toolbar={
            <>
              {lijst === "niet-aangemeld" && (
                <button type="submit" name="bulk" value="infringements" className="btn-primary">
                  {t("bulk.openInfringements")}
                </button>
              )}
              <PrintInvitationsButton label={t("bulk.printInvitations")} />
              {can(actor.role, "dvz.advise") && (
                <button type="submit" name="bulk" value="dvz" className="btn-secondary" data-testid="bulk-dvz-advice">
                  {t("bulk.dvzAdvice")}
                </button>
              )}
              <BulkMove
                offices={moveTargets}
                labels={{ moveTo: t("bulk.moveTo"), move: t("bulk.move"), choose: t("bulk.chooseOffice"), reason: t("bulk.moveReason") }}
              />
            </>
          }
        >
          {list.rows.length === 0 ? <p className="card">{t("empty")}</p> : table}
        </BulkForm>
      ) : list.rows.length === 0 ? (
        <p className="card">{t("empty")}</p>
      ) : (
        table
      )}
      <Pager
        page={query.page}
        pages={pages}
        more={list.totalCapped}
        href={(page) => listHref(path, { ...inUrl, page })}
        label={t("pagination")}
        pageText={
          list.totalCapped
            ? common("lists.pager.pageMore", { page: query.page, pages: formatNumber(pages, actor.locale) })
            : t("page", { page: query.page, pages: formatNumber(pages, actor.locale) })
        }
        previous={common("actions.previous")}
        next={common("actions.next")}
      />
    </div>
  );
}
