// Which reports a publication holds, written as on the command line and in the publish form:
// "answer" (Tables 1–18 of the written answer, in its order) or one or more "MEASURE:DIM[,DIM]"
// separated by ";" (any report of the pages). Checked by the same schema as every report.
import { answerTables } from "../answer-tables";
import { parseReportParams } from "../report-params.schema";
import type { PublicationSpec } from "./figures";

export const ANSWER = "answer";

/** The answer's reports over a period: one spec per measure of each table, Table 12 its last year. */
export function answerSpecs(from: number, to: number): PublicationSpec[] {
  return answerTables.flatMap((t) => t.measures.map((measure) => ({ measure, by: t.by, from: t.lastYearOnly ? to : from, to, table: t.number })));
}

/** The specs of a tables text; throws the report schema's error (message keys) when one is wrong. */
export function parseTables(text: string, from: number, to: number, asOf: string): PublicationSpec[] {
  if (text.trim() === ANSWER) return answerSpecs(from, to);
  return text
    .split(";")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const [measure = "", dims = ""] = s.split(":", 2);
      const p = parseReportParams({ measure, by: dims.split(",").filter(Boolean), from, to, asOf });
      return { measure: p.measure, by: p.by, from: p.from, to: p.to };
    });
}

/** The tables text of a page's report (the publish form's hidden field). */
export const tablesText = (measure: string, by: readonly string[]) => `${measure}:${by.join(",")}`;

/** Whether the specs are the whole answer (shown as "Antwoord, tabellen 1–18"). */
export const isAnswer = (specs: readonly PublicationSpec[]) => specs.length > 0 && specs.every((s) => s.table !== undefined);
