// One report page of the four questions: the filters, the table, the chart and the downloads.
// Thin: reads the URL, calls getReport (which applies the Actor's scope), renders.
import Link from "next/link";
import { ZodError } from "zod";
import { dimensionLabel, isMeasure, measureLabel } from "@/lib/domain/reports/definitions";
import { dimensionsFor, pageQuery, questions, readPageRequest, type QuestionSlug } from "@/lib/domain/reports/questions";
import { can } from "@/lib/domain/permissions";
import { formatDate, formatDateTime, todayIso } from "@/lib/i18n/format";
import { translator } from "@/lib/i18n/messages";
import { issuesText } from "@/lib/domain/kit";
import { localeOf } from "@/lib/i18n/locale";
import { requirePageActor } from "@/lib/server/auth/session";
import { publicationMasks } from "@/lib/domain/reports/disclosure/protect";
import { getReport } from "@/lib/server/reports/get-report";
import { listReportAgencies } from "@/lib/server/reports/list-report-agencies";
import { ReportChart } from "@/components/reports/report-chart";
import { ReportFilters } from "@/components/reports/report-filters";
import { ReportFreshnessNote } from "@/components/reports/report-freshness";
import { ReportTable } from "@/components/reports/report-table";
import { PublishForm } from "@/components/reports/publish-form";
import { tablesText } from "@/lib/domain/reports/publication/spec";
import { openProvisionals } from "@/lib/server/reports/publications";

export async function QuestionPage({ slug, searchParams }: { slug: QuestionSlug; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor("report.read");
  const t = translator("reports", actor.locale);
  const question = questions[slug];
  const request = readPageRequest(question, await searchParams, todayIso());
  const [agencies, result, provisionals] = await Promise.all([
    listReportAgencies(actor),
    getReport(actor, request, { action: "report.view", what: slug, publication: request.publication }).then(
      (report) => ({ report, error: null }),
      (e: unknown) => {
        if (e instanceof ZodError) return { report: null, error: issuesText(e.issues, localeOf(actor)) };
        throw e;
      },
    ),
    // the publish form's open provisional publications, beside the report instead of after it
    can(actor.role, "report.publish") ? openProvisionals(actor) : [],
  ]);
  const measure = isMeasure(request.measure) ? request.measure : question.defaultMeasure;
  const [mask] = result.report ? await publicationMasks([result.report], request.publication, result.report.agency) : [null];
  const query = pageQuery({ ...request, agency: result.report?.agency ?? request.agency });
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm no-print">
          <Link href="/rapporten" className="text-brand-700 underline">
            {t("back")}
          </Link>
        </p>
        <h1>
          {t(`questions.${slug}.title`)}
          {result.report?.recordedOn && (
            <span className="block text-lg font-normal text-slate-700">
              {t("table.recordedOn", { moment: formatDateTime(result.report.recordedOn, actor.locale) })}
            </span>
          )}
        </h1>
        <p className="text-slate-700">{t(`questions.${slug}.text`)}</p>
        {agencies.fixed && <p className="text-sm text-slate-700">{t("table.scopeAgency", { agency: agencies.fixed.label })}</p>}
      </div>
      <ReportFilters
        request={request}
        options={{
          measures: question.measures,
          dimensions: dimensionsFor(question, measure),
          agencies: agencies.choices,
          knowledgeTime: can(actor.role, "report.knowledgeTime"),
        }}
        locale={actor.locale}
      />
      {result.error && (
        <p role="status" className="field-error">
          {t("error", { message: result.error })}
        </p>
      )}
      {result.report && (
        <>
          <ReportFreshnessNote freshness={result.report.freshness} locale={actor.locale} />
          <ReportTable
            report={result.report}
            mask={mask ?? null}
            locale={actor.locale}
            caption={t("table.caption", {
              measure: measureLabel(result.report.measure, actor.locale),
              by: result.report.by.map((d) => dimensionLabel(d, actor.locale)).join(` ${t("table.and")} `),
              from: request.from,
              to: request.to,
              asOf: formatDate(result.report.asOf),
            })}
          />
          {request.publication && <p className="text-sm text-slate-700">{t("table.publicationNote")}</p>}
          <div className="no-print flex gap-3">
            <a className="btn-secondary" href={`/rapporten/download?${query}&format=csv`} download>
              {t("download.csv")}
            </a>
            <a className="btn-secondary" href={`/rapporten/download?${query}&format=xlsx`} download>
              {t("download.xlsx")}
            </a>
          </div>
          {/* the chart draws the cells as bars: not in a publication, where some are hidden */}
          {!request.publication && <ReportChart report={result.report} locale={actor.locale} />}
          {can(actor.role, "report.publish") && (
            <PublishForm
              tables={tablesText(result.report.measure, result.report.by)}
              from={request.from}
              to={request.to}
              asOf={request.asOf}
              agency={result.report.agency}
              forPublication={request.publication}
              provisionals={provisionals}
            />
          )}
        </>
      )}
    </div>
  );
}
