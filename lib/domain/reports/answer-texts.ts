// The texts printed with the answer besides its tables: the question above it, the introduction
// ("De cijfers geven de situatie weer op …"), and the tables' footnotes. One home: the pages, the
// print and the workbooks take them from here; the words live in messages (reports.json, answer).
// A publication stores its own question and introduction (editable when publishing); these are
// the defaults the publish form offers and the answer page shows.
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locale";
import { formatDate } from "@/lib/i18n/format";
import { translator } from "@/lib/i18n/messages";
import { UNKNOWN_AMOUNT } from "./definitions";
import type { TableMask } from "./disclosure/protect";
import type { ReportResult } from "./run-report";

/** The written question the answer answers (nr. 113 of 6 January 2023), as printed. */
export const ANSWERED_QUESTION = { number: 113, date: "2023-01-06", member: "Maaike De Vreese" } as const;

export interface QuestionRef {
  number: number;
  date: string | null;
  member: string | null;
}

/** "Schriftelijke vraag nr. 113 van 06/01/2023 van Maaike De Vreese: Inburgeringstrajecten – Evolutie". */
export function defaultQuestionText(q: QuestionRef = ANSWERED_QUESTION, locale: Locale = DEFAULT_LOCALE): string {
  const t = translator("reports", locale);
  return t("answer.questionText", { number: q.number, date: q.date ? formatDate(q.date) : "…", member: q.member ?? "…", subject: t("answer.questionSubject") });
}

/** The introduction: the reference date, and while the figures are provisional the remark that the last year is not validated yet. */
export function defaultIntroduction(p: { asOf: string; to: number; provisional: boolean }, locale: Locale = DEFAULT_LOCALE): string {
  const t = translator("reports", locale);
  const first = t("answer.introduction", { date: formatDate(p.asOf) });
  return p.provisional ? `${first} ${t("answer.introProvisional", { year: p.to })}` : first;
}

/** A table's footnote as printed: the rows whose label carries the mark, and the note under the table. */
export interface Footnote {
  mark: string;
  rowKeys: string[];
  text: string;
}

/** The figures footnotes print, computed from the tables they go with (footnoteFigures). */
export interface FootnoteFigures {
  /** Table 11: the fines of the last year whose amount is known; null: not known or not to be shown */
  knownAmountFines: number | null;
}

/**
 * The footnotes of a table of the answer: Table 10's (the infringement only entitled newcomers
 * could commit) and Table 11's (of the last year's fines, how many have their amount known —
 * printed "401*", "* waarbij bij 389 besluiten het bedrag reeds gekend is"). The mark goes on the
 * row's label, as Table 10's; Table 11's only when its number is known (footnoteFigures).
 */
export function answerFootnotes(tableNumber: number | undefined, locale: Locale = DEFAULT_LOCALE, figures?: FootnoteFigures): Footnote[] {
  const t = translator("reports", locale);
  if (tableNumber === 10) return [{ mark: "*", rowKeys: ["ONRECHTMATIG_VROEGTIJDIG_BEEINDIGD"], text: t("answer.footnote10") }];
  if (tableNumber === 11 && figures?.knownAmountFines != null) {
    return [{ mark: "*", rowKeys: ["BOETE"], text: t("answer.footnote11", { count: figures.knownAmountFines }) }];
  }
  return [];
}

/**
 * The footnotes' figures from the tables shown with them (the answer's, or a publication's as
 * stored): Table 11's number is Table 12's count of fines (its last year) without the "onbekend"
 * row. With a mask ("voor publicatie") it is a sum of Table 12's cells, so it is printed only
 * when it follows from figures already shown — every known-amount cell shown, or the total and
 * the "onbekend" cell shown. Otherwise it would give away a hidden cell (total − number =
 * "onbekend", or a hidden amount row = number − the shown ones), so it is left out (null), the
 * footnote with it; rounding would not do, as the exact total beside it undoes it.
 */
export function footnoteFigures(tables: { number: number | undefined; report: ReportResult; mask?: TableMask | null }[]): FootnoteFigures {
  const t12 = tables.find((x) => x.number === 12 && x.report.measure === "fines");
  if (!t12) return { knownAmountFines: null };
  const { report, mask } = t12;
  const j = report.years.length - 1;
  const year = String(report.years[j]);
  const unknownAt = report.rows.findIndex((r) => r.keys[0] === UNKNOWN_AMOUNT);
  const known = report.rows.reduce((s, r, i) => (i === unknownAt ? s : s + (r.values[year] ?? 0)), 0);
  if (!mask) return { knownAmountFines: known };
  const everyKnownShown = report.rows.every((_, i) => i === unknownAt || !mask.inner[i]?.[j]);
  const totalAndUnknownShown = !mask.colTotal[j] && (unknownAt < 0 || !mask.inner[unknownAt]?.[j]);
  return { knownAmountFines: everyKnownShown || totalAndUnknownShown ? known : null };
}
