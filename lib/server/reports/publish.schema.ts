// The input of a publication, from the publish form (strings) and the CLI alike.
import { z } from "zod";
import { text } from "@/lib/domain/validation/text";

const isoDate = text()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "reports.dateForm")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), "form.dateNotReal");
const year = z.coerce.number().int("reports.yearInteger").min(2000, "reports.yearFrom").max(2100, "reports.yearTo");
const optionalText = (max: number, multiline = false) =>
  text({ multiline })
    .trim()
    .max(max, "publications.tooLong")
    .optional()
    .nullable()
    .transform((v) => (v ? v : null));

export const publishSchema = z.object({
  title: text().trim().min(3, "publications.titleMin").max(200, "publications.tooLong"),
  questionNumber: z.coerce.number({ message: "publications.questionNumber" }).int("publications.questionNumber").min(1, "publications.questionNumber"),
  questionDate: z.preprocess((v) => (v === "" ? null : v), isoDate.nullish()).transform((v) => v ?? null),
  questionMember: optionalText(200),
  /** the question and the introduction as printed with the publication (the answer's publish form) */
  questionText: optionalText(4000, true),
  introduction: optionalText(4000, true),
  /** "answer" or "MEASURE:DIM[,DIM]" (lib/domain/reports/publication/spec.ts) */
  tables: text().trim().min(1, "publications.tablesRequired").max(400, "publications.tooLong"),
  from: year,
  to: year,
  asOf: isoDate,
  agency: optionalText(40),
  status: z.enum(["VOORLOPIG", "DEFINITIEF"], { message: "publications.status" }),
  forPublication: z.preprocess((v) => v === true || v === "on" || v === "true" || v === "1", z.boolean()),
  provisionalId: z.preprocess((v) => (v === "" ? null : v), z.uuid("publications.provisionalUnknown").nullish()).transform((v) => v ?? null),
});

export type PublishInput = z.input<typeof publishSchema>;
export type PublishParams = z.output<typeof publishSchema>;
