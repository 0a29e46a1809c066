import Link from "next/link";
import { infringementLabel } from "@/components/fines/labels";
import { ExportForm } from "@/components/lists/export-form";
import { Pager } from "@/components/lists/pager";
import { codes } from "@/lib/domain/codes";
import { formatDate, formatEuro, formatNumber } from "@/lib/i18n/format";
import { translator } from "@/lib/i18n/messages";
import { pageTitle } from "@/lib/server/i18n/request-locale";
import { requirePageActor } from "@/lib/server/auth/session";
import { MoreNote } from "@/components/lists/more-note";
import { AWAITING_CONFIRMATION_LIMIT, listAgencies, listAwaitingConfirmation, listRemindersDue, listUndecidedInfringements } from "@/lib/server/fines/queue";
import { FINE_QUEUE_AGE_OPTIONS_DAYS, queueQuerySchema } from "@/lib/server/fines/queue.schema";

export const generateMetadata = pageTitle("fines", "title");

export default async function FinesQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor("fine.read");
  const t = translator("fines", actor.locale);
  const common = translator("common", actor.locale);
  const raw = await searchParams;
  const parsed = queueQuerySchema.safeParse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const query = parsed.success ? parsed.data : { page: 1 };
  const [queue, awaiting, reminders, agencies] = await Promise.all([
    listUndecidedInfringements(actor, query),
    listAwaitingConfirmation(actor),
    listRemindersDue(actor),
    listAgencies(),
  ]);
  const pageHref = (page: number) => {
    const params = new URLSearchParams({
      ...(query.agency ? { agency: query.agency } : {}),
      ...(query.type ? { type: query.type } : {}),
      ...(query.minAgeDays !== undefined ? { minAgeDays: String(query.minAgeDays) } : {}),
      page: String(page),
    });
    return `/boetes?${params}`;
  };
  return (
    <div className="space-y-8">
      <div>
        <h1>{t("queue.title")}</h1>
        <p className="text-sm text-slate-600">{t("queue.intro")}</p>
      </div>
      <form method="get" className="card flex flex-wrap items-end gap-3" aria-label={t("queue.apply")}>
        <div>
          <label htmlFor="q-agency" className="label">
            {t("queue.filterAgency")}
          </label>
          <select id="q-agency" name="agency" className="input" defaultValue={query.agency ?? ""}>
            <option value="">{t("queue.allAgencies")}</option>
            {agencies.map((a) => (
              <option key={a.code} value={a.code}>
                {a.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="q-type" className="label">
            {t("queue.filterType")}
          </label>
          <select id="q-type" name="type" className="input" defaultValue={query.type ?? ""}>
            <option value="">{t("queue.allTypes")}</option>
            {codes.infringementTypes.map((i) => (
              <option key={i.code} value={i.code}>
                {infringementLabel(i.code, actor.locale)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="q-age" className="label">
            {t("queue.filterAge")}
          </label>
          <select id="q-age" name="minAgeDays" className="input" defaultValue={query.minAgeDays !== undefined ? String(query.minAgeDays) : ""}>
            <option value="">{t("queue.anyAge")}</option>
            {FINE_QUEUE_AGE_OPTIONS_DAYS.map((d) => (
              <option key={d} value={d}>
                {t("queue.olderThan", { days: d })}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="btn-secondary">
          {t("queue.apply")}
        </button>
      </form>

      <section aria-labelledby="queue-heading" className="space-y-2">
        <h2 id="queue-heading">{t("queue.count", { count: formatNumber(queue.total, actor.locale) })}</h2>
        {queue.items.length === 0 ? (
          <p>{t("queue.empty")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="data-table" data-testid="fines-queue">
              <thead>
                <tr>
                  <th scope="col">{t("queue.receivedOn")}</th>
                  <th scope="col" className="num">
                    {t("queue.age")}
                  </th>
                  <th scope="col">{t("queue.newcomer")}</th>
                  <th scope="col">{t("queue.type")}</th>
                  <th scope="col">{t("queue.agency")}</th>
                  <th scope="col">
                    <span className="sr-only">{t("queue.open")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {queue.items.map((i) => (
                  <tr key={i.eventId}>
                    <td>{formatDate(i.receivedOn)}</td>
                    <td className="num">{t("queue.days", { days: formatNumber(i.ageDays, actor.locale) })}</td>
                    <td>
                      {i.newcomer.name} <span className="text-slate-600">{i.newcomer.maskedNationalNumber}</span>
                    </td>
                    <td>{infringementLabel(i.infringementType, actor.locale)}</td>
                    <td>
                      {i.agency} · {i.office}
                    </td>
                    <td>
                      <Link className="text-brand-700 underline" href={`/boetes/${i.eventId}`}>
                        {t("queue.open")}
                        <span className="sr-only"> {i.newcomer.name}</span>
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pager
          page={queue.page}
          pages={queue.pages}
          href={pageHref}
          label={t("queue.pagination")}
          pageText={t("queue.page", { page: queue.page, pages: formatNumber(queue.pages, actor.locale) })}
          previous={common("actions.previous")}
          next={common("actions.next")}
        />
        {queue.items.length > 0 && (
          <ExportForm
            id="queue-export"
            action="/boetes/export"
            fields={{ agency: query.agency, type: query.type, minAgeDays: query.minAgeDays }}
            role={actor.role}
            locale={actor.locale}
            total={queue.total}
            totalCapped={false}
          />
        )}
      </section>

      <section aria-labelledby="awaiting-heading" className="space-y-2">
        <h2 id="awaiting-heading">{t("queue.awaitingTitle")}</h2>
        {awaiting.items.length === 0 ? (
          <p>{t("queue.awaitingEmpty")}</p>
        ) : (
          <ul className="list-disc pl-5 text-sm" data-testid="fines-awaiting">
            {awaiting.items.map((a) => (
              <li key={a.decisionId}>
                <Link className="text-brand-700 underline" href={`/boetes/${a.eventId}`}>
                  {a.newcomer.name}
                </Link>{" "}
                — {formatEuro(a.amountEur ?? 0, { locale: actor.locale })} · {t("queue.decidedOn")} {formatDate(a.decidedOn)}
                {a.decidedByMe ? ` (${t("queue.yours")})` : ""}
              </li>
            ))}
          </ul>
        )}
        <MoreNote more={awaiting.more} shown={AWAITING_CONFIRMATION_LIMIT} hint={t("queue.awaitingMore")} locale={actor.locale} />
      </section>

      <section aria-labelledby="reminders-heading" className="space-y-2">
        <h2 id="reminders-heading">{t("queue.remindersTitle")}</h2>
        <p className="text-sm text-slate-600">{t("queue.remindersIntro")}</p>
        <p className="text-sm text-slate-700" role="status" data-testid="fines-reminders-count">
          {reminders.totalCapped
            ? t("queue.remindersCountCapped", { count: formatNumber(reminders.total, actor.locale) })
            : t("queue.remindersCount", { count: formatNumber(reminders.total, actor.locale) })}{" "}
          {reminders.total > reminders.items.length && (
            <Link className="text-brand-700 underline" href="/werklijsten/herinneringen">
              {t("queue.remindersAll")}
            </Link>
          )}
        </p>
        {reminders.items.length > 0 && (
          // the reminders list is the worklist "herinneringen": its export, every page
          <ExportForm
            id="reminders-export"
            action="/werklijsten/herinneringen/export"
            fields={{ sort: "sinds" }}
            role={actor.role}
            locale={actor.locale}
            total={reminders.total}
            totalCapped={reminders.totalCapped}
          />
        )}
        {reminders.items.length === 0 ? (
          <p>{t("queue.remindersEmpty")}</p>
        ) : (
          <table className="data-table" data-testid="fines-reminders">
            <thead>
              <tr>
                <th scope="col">{t("queue.newcomer")}</th>
                <th scope="col" className="num">
                  {t("queue.amount")}
                </th>
                <th scope="col">{t("queue.decidedOn")}</th>
                <th scope="col">{t("queue.dueOn")}</th>
              </tr>
            </thead>
            <tbody>
              {reminders.items.map((r) => (
                <tr key={r.decisionId}>
                  <td>
                    <Link className="text-brand-700 underline" href={`/boetes/${r.eventId}`}>
                      {r.newcomer.name}
                    </Link>
                  </td>
                  <td className="num">{formatEuro(r.amountEur ?? 0, { locale: actor.locale })}</td>
                  <td>{formatDate(r.decidedOn)}</td>
                  <td>{formatDate(r.dueOn)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
