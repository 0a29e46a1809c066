import "server-only";
// The answer to the written question: Tables 1–18 for a chosen period and reference date, each
// one report of the engine, with the same scope rule as every report (from the Actor), all read
// from one source (report-source.ts: the replica when fresh, else the primary).
import { answerTables, type AnswerTable } from "@/lib/domain/reports/answer-tables";
import type { ReportFreshness } from "@/lib/domain/reports/replica-freshness";
import { parseReportParams } from "@/lib/domain/reports/report-params.schema";
import type { ReportResult } from "@/lib/domain/reports/run-report";
import { runReports } from "@/lib/domain/reports/run-reports";
import type { Actor } from "@/lib/server/auth/actor";
import { reportAgencyScope } from "@/lib/server/access/scope";
import { assertCan } from "@/lib/server/auth/actor";
import { auditReport, type ReportUse } from "./audit-report";
import { openReportReader } from "./report-source";

export interface AnswerPart {
  table: AnswerTable;
  reports: ReportResult[];
}

/** `use` says what the answer is for (audited as report.view / report.export); the answer page by default. */
export async function getAnswer(
  actor: Actor,
  input: { from: number; to: number; asOf: string; agency?: string | null; recordedOn?: string | null },
  use: ReportUse = { action: "report.view", what: "antwoord" },
): Promise<{ agency: string | null; parts: AnswerPart[]; freshness: ReportFreshness | null }> {
  const agency = reportAgencyScope(actor, input.agency ?? null);
  if (input.recordedOn) assertCan(actor, "report.knowledgeTime");
  const inputs = answerTables.map((table) =>
    table.measures.map((measure) => ({
      measure,
      by: table.by,
      from: table.lastYearOnly ? input.to : input.from,
      to: input.to,
      asOf: input.asOf,
      agency,
      recordedOn: input.recordedOn,
    })),
  );
  // bad parameters are the user's error (ZodError) before anything runs or is audited; the
  // instant is the one the reports are computed as recorded on
  const { recordedOn } = parseReportParams(inputs[0]![0]!);
  const reader = await openReportReader();
  // the 19 reports (two at a time, run-reports.ts) and the audit row of the view do not depend on
  // each other: one round of waiting instead of the reports first and the audit's commit after them
  const [parts] = await Promise.all([
    runReports(reader.executor, inputs.flat()).then((reports) => {
      let k = 0;
      return answerTables.map((table, i) => ({ table, reports: inputs[i]!.map(() => reports[k++]!) }));
    }),
    auditReport(actor, use, { from: input.from, to: input.to, asOf: input.asOf, agency, recordedOn: recordedOn ?? null }),
  ]);
  return { agency, parts, freshness: reader.freshness() };
}
