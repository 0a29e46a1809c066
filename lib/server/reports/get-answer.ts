import "server-only";
// The answer to the written question: Tables 1–18 for a chosen period and reference date, each
// one report of the engine, with the same scope rule as every report (from the Actor), all read
// from one source (report-source.ts: the replica when fresh, else the primary).
import { answerTables, type AnswerTable } from "@/lib/domain/reports/answer-tables";
import type { ReportFreshness } from "@/lib/domain/reports/replica-freshness";
import { runReport, type ReportResult } from "@/lib/domain/reports/run-report";
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
  const reader = await openReportReader();
  const parts = await Promise.all(
    answerTables.map(async (table) => ({
      table,
      reports: await Promise.all(
        table.measures.map((measure) =>
          runReport(reader.executor, {
            measure,
            by: table.by,
            from: table.lastYearOnly ? input.to : input.from,
            to: input.to,
            asOf: input.asOf,
            agency,
            recordedOn: input.recordedOn,
          }),
        ),
      ),
    })),
  );
  await auditReport(actor, use, { from: input.from, to: input.to, asOf: input.asOf, agency, recordedOn: parts[0]?.reports[0]?.recordedOn ?? null });
  return { agency, parts, freshness: reader.freshness() };
}
