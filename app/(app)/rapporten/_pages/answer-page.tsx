// "Antwoord op schriftelijke vraag": Tables 1–18 in the order and with the titles of the printed
// answer, for a chosen period and reference date. Prints to a clean PDF through the browser
// (the filters, the navigation and the buttons carry no-print).
import Link from "next/link";
import { ZodError } from "zod";
import { answerTableTitle } from "@/lib/domain/reports/answer-tables";
import { ANSWERED_QUESTION, answerFootnotes, defaultIntroduction, defaultQuestionText, footnoteFigures } from "@/lib/domain/reports/answer-texts";
import { dimensionLabel, measureLabel } from "@/lib/domain/reports/definitions";
import { pageQuery, questions, readPageRequest } from "@/lib/domain/reports/questions";
import { can } from "@/lib/domain/permissions";
import { formatDate, formatDateTime, todayIso } from "@/lib/i18n/format";
import { translator } from "@/lib/i18n/messages";
import { issuesText } from "@/lib/domain/kit";
import { localeOf } from "@/lib/i18n/locale";
import { requirePageActor } from "@/lib/server/auth/session";
import { publicationMasks } from "@/lib/domain/reports/disclosure/protect";
import { cspNonce } from "@/lib/server/csp-nonce";
import { getAnswer } from "@/lib/server/reports/get-answer";
import { listReportAgencies } from "@/lib/server/reports/list-report-agencies";
import { PrintButton } from "@/components/reports/print-button";
import { ReportFilters } from "@/components/reports/report-filters";
import { ReportFreshnessNote } from "@/components/reports/report-freshness";
import { ReportTable } from "@/components/reports/report-table";
import { PublishForm } from "@/components/reports/publish-form";
import { ANSWER } from "@/lib/domain/reports/publication/spec";
import { openProvisionals } from "@/lib/server/reports/publications";

export async function AnswerPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor("report.read");
  const t = translator("reports", actor.locale);
  const request = readPageRequest(questions["vraag-1"], await searchParams, todayIso());
  // independent reads side by side: the agency list, the 19 reports (with the audit of the view)
  // and the open provisional publications of the publish form
  const [agencies, { answer, error }, provisionals] = await Promise.all([
    listReportAgencies(actor),
    getAnswer(actor, request, { action: "report.view", what: "antwoord", publication: request.publication }).then(
      (a) => ({ answer: a, error: null }),
      (e: unknown) => {
        if (e instanceof ZodError) return { answer: null, error: issuesText(e.issues, localeOf(actor)) };
        throw e;
      },
    ),
    can(actor.role, "report.publish") ? openProvisionals(actor) : [],
  ]);
  const query = pageQuery({ ...request, agency: answer?.agency ?? request.agency });
  // the tables of the answer are one publication: protected together (they share totals)
  const masks = answer
    ? await publicationMasks(
        answer.parts.flatMap((p) => p.reports),
        request.publication,
        answer.agency,
        answer.parts.flatMap((p) => p.reports.map(() => p.table.agencySubtotals === true)),
      )
    : [];
  const maskOf = new Map(answer?.parts.flatMap((p) => p.reports).map((r, i) => [r, masks[i] ?? null]) ?? []);
  const figures = footnoteFigures(
    answer?.parts.flatMap((p) => p.reports.map((report) => ({ number: p.table.number, report, mask: maskOf.get(report) }))) ?? [],
  );
  const nonce = await cspNonce();
  const recordedOn = answer?.parts[0]?.reports[0]?.recordedOn;
  // the default while the form's status is VOORLOPIG (its default): with the provisional remark
  const introduction = defaultIntroduction({ asOf: request.asOf, to: request.to, provisional: true }, actor.locale);
  return (
    <div className="space-y-6">
      <style nonce={nonce}>{`@media print { .card { box-shadow: none; border: 0; } section { break-inside: avoid-page; } }`}</style>
      <div>
        <p className="text-sm no-print">
          <Link href="/rapporten" className="text-brand-700 underline">
            {t("back")}
          </Link>
        </p>
        <h1>
          {t("answer.title")}
          {recordedOn && (
            <span className="block text-lg font-normal text-slate-700">{t("table.recordedOn", { moment: formatDateTime(recordedOn, actor.locale) })}</span>
          )}
        </h1>
        <p className="text-slate-700">
          {t("filters.asOf")}: {formatDate(request.asOf)} · {request.from}–{request.to}
        </p>
        {agencies.fixed && <p className="text-sm text-slate-700">{t("table.scopeAgency", { agency: agencies.fixed.label })}</p>}
      </div>
      <ReportFilters request={request} options={{ agencies: agencies.choices, knowledgeTime: can(actor.role, "report.knowledgeTime") }} locale={actor.locale} />
      {error && (
        <p role="status" className="field-error">
          {t("error", { message: error })}
        </p>
      )}
      {answer && (
        <>
          <section aria-labelledby="answer-question" className="space-y-1" data-testid="answer-texts">
            <h2 id="answer-question">{t("answer.questionHeading")}</h2>
            <p>{defaultQuestionText(undefined, actor.locale)}</p>
            <h2>{t("answer.introHeading")}</h2>
            <p>{introduction}</p>
          </section>
          <ReportFreshnessNote freshness={answer.freshness} locale={actor.locale} />
          <div className="no-print flex gap-3">
            <PrintButton label={t("answer.print")} />
            <a className="btn-secondary" href={`/rapporten/antwoord/download?${query}`} download>
              {t("answer.download")}
            </a>
          </div>
          {answer.parts.map(({ table, reports }) => (
            <section key={table.number} aria-labelledby={`tabel-${table.number}`} className="space-y-2">
              <h2 id={`tabel-${table.number}`}>
                {t("answer.table", { number: table.number })}: {answerTableTitle(table, actor.locale)}{" "}
                {table.lastYearOnly ? t("answer.lastYear", { year: request.to }) : ""}
              </h2>
              {reports.map((r) => (
                <ReportTable
                  key={r.measure}
                  report={r}
                  mask={maskOf.get(r) ?? null}
                  locale={actor.locale}
                  agencySubtotals={table.agencySubtotals === true}
                  footnotes={answerFootnotes(table.number, actor.locale, figures)}
                  caption={t("table.caption", {
                    measure: measureLabel(r.measure, actor.locale),
                    by: r.by.map((d) => dimensionLabel(d, actor.locale)).join(` ${t("table.and")} `),
                    from: r.years[0]!,
                    to: r.years.at(-1)!,
                    asOf: formatDate(r.asOf),
                  })}
                />
              ))}
            </section>
          ))}
          {can(actor.role, "report.publish") && (
            <PublishForm
              tables={ANSWER}
              from={request.from}
              to={request.to}
              asOf={request.asOf}
              agency={answer.agency}
              forPublication={request.publication}
              questionText={defaultQuestionText(undefined, actor.locale)}
              introduction={introduction}
              question={ANSWERED_QUESTION}
              provisionals={provisionals}
            />
          )}
        </>
      )}
    </div>
  );
}
