// The texts printed with the answer besides its tables: the question above it, the introduction
// ("De cijfers geven de situatie weer op …"), and the tables' footnotes. One home: the pages, the
// print and the workbooks take them from here; the words live in messages (reports.json, answer).
// A publication stores its own question and introduction (editable when publishing); these are
// the defaults the publish form offers and the answer page shows.
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locale";
import { formatDate } from "@/lib/i18n/format";
import { translator } from "@/lib/i18n/messages";

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

/** The footnotes of a table of the answer (Table 10: the infringement only entitled newcomers could commit). */
export function answerFootnotes(tableNumber: number | undefined, locale: Locale = DEFAULT_LOCALE): Footnote[] {
  const t = translator("reports", locale);
  if (tableNumber === 10) return [{ mark: "*", rowKeys: ["ONRECHTMATIG_VROEGTIJDIG_BEEINDIGD"], text: t("answer.footnote10") }];
  return [];
}
