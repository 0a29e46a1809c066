// The parameters of one report, validated the same way for the pages, the CLI and runReport.
import { z } from "zod";
import { issueMessage, withRenderedMessages } from "@/lib/domain/kit";
import { text } from "@/lib/domain/validation/text";
import { msg } from "@/lib/i18n/message";
import { dimensionsOf, isDimension, isMeasure, type Dimension, type Measure } from "./definitions";
import { parseKnowledgeTime } from "./knowledge-time";

const isoDate = text()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "reports.dateForm")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), "form.dateNotReal");
// knowledge time: an ISO instant, or a Brussels date-time without offset (knowledge-time.ts)
const instant = text()
  .max(40)
  .refine((s) => parseKnowledgeTime(s) !== null, "reports.instantForm")
  .transform((s) => parseKnowledgeTime(s)!);
const year = z.coerce.number().int("reports.yearInteger").min(2000, "reports.yearFrom").max(2100, "reports.yearTo");

export const reportParamsSchema = z
  .object({
    measure: text().refine(isMeasure, "reports.unknownMeasure"),
    by: z.array(text().refine(isDimension, "reports.unknownDimension")).min(1, "reports.minOneDimension").max(2, "reports.maxTwoDimensions"),
    from: year,
    to: year,
    asOf: isoDate,
    agency: text().min(1).max(40).nullish(),
    recordedOn: instant.nullish(),
  })
  .superRefine((p, ctx) => {
    if (p.from > p.to) ctx.addIssue({ code: "custom", path: ["to"], message: "reports.endBeforeStart" });
    if (p.to - p.from > 30) ctx.addIssue({ code: "custom", path: ["to"], message: "reports.maxYears" });
    if (new Set(p.by).size !== p.by.length) ctx.addIssue({ code: "custom", path: ["by"], message: "reports.differentDimensions" });
    if (isMeasure(p.measure)) {
      const allowed = dimensionsOf(p.measure);
      for (const d of p.by)
        if (isDimension(d) && !allowed.includes(d))
          ctx.addIssue({ code: "custom", path: ["by"], ...issueMessage(msg("reports.dimensionNotForMeasure", { dimension: d, measure: p.measure })) });
    }
  });

export interface ReportParams {
  measure: Measure;
  by: Dimension[];
  from: number;
  to: number;
  asOf: string;
  agency?: string | null;
  /** knowledge time: the instant (ISO, UTC) whose recorded facts count; null: now (report_count) */
  recordedOn?: string | null;
}

/**
 * Parses report parameters; throws the zod error when they are wrong, with Dutch messages (its
 * `message`, what the CLI and logs show) and each issue's key kept for the pages (issuesText).
 */
export function parseReportParams(input: unknown): ReportParams {
  const parsed = reportParamsSchema.safeParse(input);
  if (!parsed.success) throw withRenderedMessages(parsed.error);
  const p = parsed.data;
  return { ...p, measure: p.measure as Measure, by: p.by as Dimension[], agency: p.agency ?? null, recordedOn: p.recordedOn ?? null };
}
