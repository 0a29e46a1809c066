// The report pages follow the four questions of written question nr. 113 (2023): which measures
// each page offers, which breakdowns, and what it shows first.
import { classificationDimensions, dimensionsOf, type Dimension, type Measure } from "./definitions";

export type QuestionSlug = "vraag-1" | "vraag-2" | "vraag-3" | "vraag-4";

export interface Question {
  slug: QuestionSlug;
  measures: Measure[];
  /** breakdowns offered, in this order (only those the chosen measure allows are shown) */
  dimensions: Dimension[];
  defaultMeasure: Measure;
  defaultBy: Dimension[];
}

const breakdowns: Dimension[] = classificationDimensions.filter((d) => d !== "office");

export const questions: Record<QuestionSlug, Question> = {
  "vraag-1": {
    slug: "vraag-1",
    measures: ["reach", "invitations", "registrations"],
    dimensions: ["agency", "province", "office", "registered"],
    defaultMeasure: "reach",
    defaultBy: ["agency", "registered"],
  },
  "vraag-2": {
    slug: "vraag-2",
    measures: ["contracts", "attestations"],
    dimensions: [...breakdowns, "office"],
    defaultMeasure: "contracts",
    defaultBy: ["agency"],
  },
  "vraag-3": {
    slug: "vraag-3",
    measures: ["infringements", "fines", "fine_amount_eur"],
    dimensions: ["infringement_type", "decision", "amount", ...breakdowns, "office"],
    defaultMeasure: "infringements",
    defaultBy: ["decision"],
  },
  "vraag-4": {
    slug: "vraag-4",
    measures: ["dvz_advices"],
    dimensions: ["follow_up", "contract_signed", "attestation_obtained", ...breakdowns, "office"],
    defaultMeasure: "dvz_advices",
    defaultBy: ["follow_up"],
  },
};

export function dimensionsFor(question: Question, measure: Measure): Dimension[] {
  const allowed = dimensionsOf(measure);
  return question.dimensions.filter((d) => allowed.includes(d));
}

/** Default period: the last four full years, as of today. */
export function defaultPeriod(todayIso: string): { from: number; to: number; asOf: string } {
  const year = Number(todayIso.slice(0, 4));
  return { from: year - 4, to: year - 1, asOf: todayIso };
}

type SearchParams = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export interface PageRequest {
  measure: string;
  by: string[];
  from: number;
  to: number;
  asOf: string;
  agency: string | null;
  publication: boolean;
  /** knowledge time as the URL has it (`kennisdatum`; validated by runReport's schema); null: now */
  recordedOn: string | null;
}

/**
 * The page's URL contract: measure, by (comma-separated; repeated `by` from the form works too),
 * from, to, asOf, agency, publicatie=1, kennisdatum (knowledge time, lib/domain/reports/knowledge-time.ts). Missing values take the question's defaults; the
 * result is validated afterwards by runReport's schema.
 */
export function readPageRequest(question: Question, sp: SearchParams, todayIso: string): PageRequest {
  const period = defaultPeriod(todayIso);
  const measure = one(sp.measure) || question.defaultMeasure;
  const rawBy = ([] as string[])
    .concat(sp.by ?? [])
    .flatMap((b) => b.split(","))
    .map((b) => b.trim())
    .filter(Boolean);
  const by = rawBy.length ? [...new Set(rawBy)] : question.defaultBy;
  const num = (v: string | undefined, d: number) => (v && /^\d{4}$/.test(v) ? Number(v) : d);
  return {
    measure,
    by,
    from: num(one(sp.from), period.from),
    to: num(one(sp.to), period.to),
    asOf: one(sp.asOf) || period.asOf,
    agency: one(sp.agency) || null,
    publication: one(sp.publicatie) === "1",
    recordedOn: one(sp.kennisdatum) || null,
  };
}

/** The query string of a request, for links (downloads, other formats). */
export function pageQuery(r: PageRequest): string {
  const q = new URLSearchParams({ measure: r.measure, by: r.by.join(","), from: String(r.from), to: String(r.to), asOf: r.asOf });
  if (r.agency) q.set("agency", r.agency);
  if (r.publication) q.set("publicatie", "1");
  if (r.recordedOn) q.set("kennisdatum", r.recordedOn);
  return q.toString();
}
