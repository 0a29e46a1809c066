// One publication exactly as published (the stored figures, rendered by ReportTable), its
// parameters and hash, the check (recomputed as recorded on its instant) and what changed (against now, or ?tegen=ID).
// Prints as the publication (its question, introduction and tables; the diff carries no-print);
// its workbook is ./download.
import Link from "next/link";
import { notFound } from "next/navigation";
import { dimensionLabel, measureLabel } from "@/lib/domain/reports/definitions";
import type { REASONS } from "@/lib/domain/reports/publication/change-reasons";
import type { ChangedCell } from "@/lib/domain/reports/publication/diff";
import { tableAsReport } from "@/lib/domain/reports/publication/figures";
import { formatDate, formatDateTime } from "@/lib/i18n/format";
import { translator } from "@/lib/i18n/messages";
import { requirePageActor } from "@/lib/server/auth/session";
import { NotFoundError } from "@/lib/server/errors";
import { pageTitle } from "@/lib/server/i18n/request-locale";
import { getPublication } from "@/lib/server/reports/publications";
import { ReportTable } from "@/components/reports/report-table";
import { PrintButton } from "@/components/reports/print-button";
import { answerTables, answerTableTitle } from "@/lib/domain/reports/answer-tables";
import { answerFootnotes, footnoteFigures } from "@/lib/domain/reports/answer-texts";

// the reasons behind a changed cell (change-reasons.ts), in the order of the columns
const REASON_KEYS = [
  ["addedLater", "detail.reasonAddedLater"],
  ["corrected", "detail.reasonCorrected"],
  ["cancelled", "detail.reasonCancelled"],
  ["decidedLater", "detail.reasonDecidedLater"],
] as const satisfies readonly (readonly [(typeof REASONS)[number], string])[];

export const generateMetadata = pageTitle("publications", "list.title");

export default async function Page({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageActor("report.read");
  const t = translator("publications", actor.locale);
  const { id } = await params;
  const against = (await searchParams).tegen;
  const loaded = await getPublication(actor, id, against || "now").catch((e: unknown) => (e instanceof NotFoundError ? null : Promise.reject(e)));
  if (!loaded) notFound();
  const { publication: p, check, diff } = loaded;
  const count = check.tables.reduce((s, x) => s + x.changes.length, 0);
  const figures = footnoteFigures(p.figures.map((table) => ({ number: table.spec.table, ...tableAsReport(table, p.asOf) })));
  const cellName = (c: ChangedCell) => (c.keys.length ? c.labels.join(" · ") : t("detail.totalLine"));
  return (
    <div className="space-y-6">
      <p className="text-sm no-print">
        <Link href="/rapporten/publicaties" className="text-brand-700 underline">
          {t("list.title")}
        </Link>
      </p>
      <h1>{p.title}</h1>
      <p>
        {t("detail.question", { number: p.questionNumber })} {p.questionDate ? t("detail.questionOf", { date: formatDate(p.questionDate) }) : ""}{" "}
        {p.questionMember ? t("detail.member", { member: p.questionMember }) : ""} · <strong data-testid="publication-status">{t(`status.${p.status}`)}</strong>
      </p>
      <dl className="grid grid-cols-2 gap-1 text-sm sm:grid-cols-4">
        <dt>{t("detail.years")}</dt>
        <dd>
          {p.yearFrom}–{p.yearTo}
        </dd>
        <dt>{t("detail.asOf")}</dt>
        <dd>{formatDate(p.asOf)}</dd>
        <dt>
          {t("detail.takenAt")} ({t("detail.kennis")})
        </dt>
        <dd>{formatDateTime(p.takenAt, actor.locale)}</dd>
        <dt>{t("detail.publishedBy")}</dt>
        <dd>{p.publishedBy}</dd>
        <dt>{t("detail.scope")}</dt>
        <dd>{p.agencyCode ?? t("detail.flanders")}</dd>
        <dt>{t("detail.hash")}</dt>
        <dd className="break-all font-mono text-xs" data-testid="publication-hash">
          {p.contentHash}
        </dd>
      </dl>
      <div className="no-print flex gap-3">
        <PrintButton label={t("detail.print")} />
        <a className="btn-secondary" href={`/rapporten/publicaties/${p.id}/download`} download>
          {t("detail.download")}
        </a>
      </div>
      {(p.questionText || p.introduction) && (
        <section aria-labelledby="publication-texts" className="space-y-1" data-testid="publication-texts">
          {p.questionText && (
            <>
              <h2 id="publication-texts">{t("detail.questionLabel")}</h2>
              <p className="whitespace-pre-line" data-testid="publication-question">
                {p.questionText}
              </p>
            </>
          )}
          {p.introduction && (
            <>
              <h2>{t("detail.introLabel")}</h2>
              <p className="whitespace-pre-line" data-testid="publication-introduction">
                {p.introduction}
              </p>
            </>
          )}
        </section>
      )}
      <p className="text-sm">{p.forPublication ? t("detail.forPublication") : t("detail.notForPublication")}</p>
      <p className="text-sm">
        {p.provisionalId && <Link href={`/rapporten/publicaties/${p.provisionalId}`}>{t("detail.provisional")}</Link>}{" "}
        {p.definitiveId && <Link href={`/rapporten/publicaties/${p.definitiveId}`}>{t("detail.definitive")}</Link>}
      </p>
      <section aria-labelledby="check" className="space-y-1">
        <h2 id="check">{t("detail.check")}</h2>
        <p data-testid="publication-check">{check.unchanged ? t("detail.checkOk") : t("detail.checkDiffers", { count })}</p>
        <p className="text-sm text-slate-700">{t("detail.checkNote")}</p>
      </section>
      {p.figures.map((table, i) => {
        const { report, mask, subtotals } = tableAsReport(table, p.asOf);
        const answerTable = answerTables.find((a) => a.number === table.spec.table);
        return (
          <section key={i} className="space-y-2">
            {table.spec.table && (
              <h2>
                {t("detail.table", { number: table.spec.table })}
                {answerTable ? `: ${answerTableTitle(answerTable, actor.locale)}` : ""}
              </h2>
            )}
            <ReportTable
              report={report}
              mask={mask}
              locale={actor.locale}
              agencySubtotals={subtotals.length > 0}
              subtotals={subtotals}
              footnotes={answerFootnotes(table.spec.table, actor.locale, figures)}
              caption={`${measureLabel(report.measure, actor.locale)} · ${report.by.map((d) => dimensionLabel(d, actor.locale)).join(", ")}`}
            />
          </section>
        );
      })}
      <section aria-labelledby="changed" className="no-print space-y-2" data-testid="publication-diff">
        <h2 id="changed">{t("detail.changed")}</h2>
        <p className="flex gap-3 text-sm no-print">
          <Link href={`/rapporten/publicaties/${p.id}`}>{t("detail.compareNow")}</Link>
          {p.provisionalId && <Link href={`/rapporten/publicaties/${p.id}?tegen=${p.provisionalId}`}>{t("detail.compareProvisional")}</Link>}
          {p.definitiveId && <Link href={`/rapporten/publicaties/${p.id}?tegen=${p.definitiveId}`}>{t("detail.compareDefinitive")}</Link>}
        </p>
        <p className="text-sm">{t("detail.against", { what: diff?.new === "now" ? t("detail.now") : (diff?.new ?? "") })}</p>
        {!diff || diff.unchanged ? (
          <p>{t("detail.noChanges")}</p>
        ) : (
          <>
            <p className="text-sm text-slate-700">{t("detail.reasonsNote")}</p>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t("detail.tables")}</th>
                  <th scope="col">{t("detail.row")}</th>
                  <th scope="col">{t("detail.column")}</th>
                  <th scope="col">{t("detail.old")}</th>
                  <th scope="col">{t("detail.new")}</th>
                  <th scope="col">{t("detail.difference")}</th>
                  {REASON_KEYS.map(([reason, key]) => (
                    <th key={reason} scope="col">
                      {t(key)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {diff.tables.flatMap((x) =>
                  x.changes.map((c, j) => (
                    <tr key={`${x.index}-${j}`}>
                      <td>{x.spec.table ?? x.index + 1}</td>
                      <td>{cellName(c)}</td>
                      <td>{c.column === "total" ? t("detail.totalColumn") : c.column}</td>
                      <td>{c.old}</td>
                      <td>{c.new}</td>
                      <td>{c.difference ?? "–"}</td>
                      {REASON_KEYS.map(([reason]) => (
                        <td key={reason} data-reason={reason}>
                          {c.reasons?.[reason] ?? "–"}
                        </td>
                      ))}
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          </>
        )}
      </section>
    </div>
  );
}
