// The parameters of one report, validated the same way for the pages, the CLI and runReport.
import { z } from "zod";
import { text } from "@/lib/domain/validation/text";
import { dimensionsOf, isDimension, isMeasure, type Dimension, type Measure } from "./definitions";

const isoDate = text().regex(/^\d{4}-\d{2}-\d{2}$/, "Gebruik de vorm JJJJ-MM-DD.").refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), "Dit is geen bestaande datum.");
const year = z.coerce.number().int("Een jaar is een geheel getal.").min(2000, "Kies een jaar vanaf 2000.").max(2100, "Kies een jaar tot 2100.");

export const reportParamsSchema = z
  .object({
    measure: text().refine(isMeasure, "Onbekende maatstaf."),
    by: z.array(text().refine(isDimension, "Onbekende dimensie.")).min(1, "Kies minstens één dimensie.").max(2, "Kies hoogstens twee dimensies."),
    from: year,
    to: year,
    asOf: isoDate,
    agency: text().min(1).max(40).nullish(),
  })
  .superRefine((p, ctx) => {
    if (p.from > p.to) ctx.addIssue({ code: "custom", path: ["to"], message: "Het eindjaar ligt voor het beginjaar." });
    if (p.to - p.from > 30) ctx.addIssue({ code: "custom", path: ["to"], message: "Kies hoogstens 31 jaren." });
    if (new Set(p.by).size !== p.by.length) ctx.addIssue({ code: "custom", path: ["by"], message: "Kies twee verschillende dimensies." });
    if (isMeasure(p.measure)) {
      const allowed = dimensionsOf(p.measure);
      for (const d of p.by) if (isDimension(d) && !allowed.includes(d)) ctx.addIssue({ code: "custom", path: ["by"], message: `De dimensie ${d} bestaat niet voor ${p.measure}.` });
    }
  });

export interface ReportParams {
  measure: Measure;
  by: Dimension[];
  from: number;
  to: number;
  asOf: string;
  agency?: string | null;
}

/** Parses report parameters; throws the zod error (with Dutch messages) when they are wrong. */
export function parseReportParams(input: unknown): ReportParams {
  const p = reportParamsSchema.parse(input);
  return { ...p, measure: p.measure as Measure, by: p.by as Dimension[], agency: p.agency ?? null };
}
