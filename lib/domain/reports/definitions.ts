// The measures and dimensions of docs/DOMAIN.md ("Report semantics"), plus `province`. Pure data:
// which dimensions a measure allows, the order and Dutch labels of their values.
import { codes, dvzFollowUps } from "@/lib/domain/codes";
import { formatEuro } from "@/lib/i18n/format";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locale";
import { dynamicMessage, translator } from "@/lib/i18n/messages";
import { provinces } from "./province";

export const measures = [
  "reach",
  "invitations",
  "registrations",
  "contracts",
  "attestations",
  "infringements",
  "fines",
  "fine_amount_eur",
  "dvz_advices",
] as const;
export type Measure = (typeof measures)[number];

export const classificationDimensions = [
  "office",
  "agency",
  "province",
  "nationality",
  "nationality_group",
  "gender",
  "target_group",
  "residence_status",
] as const;
export const specificDimensions = ["registered", "infringement_type", "decision", "amount", "contract_signed", "attestation_obtained", "follow_up"] as const;
export type Dimension = (typeof classificationDimensions)[number] | (typeof specificDimensions)[number];
export const dimensions: readonly Dimension[] = [...classificationDimensions, ...specificDimensions];

const measureSpecific: Record<Measure, readonly Dimension[]> = {
  reach: ["registered"],
  invitations: [],
  registrations: [],
  contracts: [],
  attestations: [],
  infringements: ["infringement_type", "decision"],
  fines: ["infringement_type", "amount"],
  fine_amount_eur: ["infringement_type", "amount"],
  dvz_advices: ["contract_signed", "attestation_obtained", "follow_up"],
};

export function dimensionsOf(measure: Measure): Dimension[] {
  return [...classificationDimensions, ...measureSpecific[measure]];
}

export function isMeasure(s: string): s is Measure {
  return (measures as readonly string[]).includes(s);
}

export function isDimension(s: string): s is Dimension {
  return (dimensions as readonly string[]).includes(s);
}

type Listed = readonly { code: string; label: string }[];
const jaNee: Listed = [
  { code: "JA", label: "ja" },
  { code: "NEE", label: "nee" },
];

/** The values of a dimension in report order, with their Dutch labels (null: ordered by label). */
export const dimensionValues: Record<Dimension, Listed | null> = {
  office: codes.offices,
  agency: codes.agencies,
  province: provinces,
  nationality: null,
  nationality_group: codes.nationalityGroups,
  gender: codes.genders,
  target_group: codes.targetGroups,
  residence_status: codes.residenceStatuses,
  registered: [
    { code: "AANGEMELD", label: "aangemeld" },
    { code: "NIET_AANGEMELD", label: "niet aangemeld" },
  ],
  infringement_type: codes.infringementTypes,
  decision: [...codes.decisions, { code: "IN_BEHANDELING", label: "in behandeling" }],
  amount: null,
  contract_signed: jaNee,
  attestation_obtained: jaNee,
  follow_up: dvzFollowUps,
};

/** The value of the "amount" dimension for a fine whose amount is not known yet (the report SQL's 'ONBEKEND'). */
export const UNKNOWN_AMOUNT = "ONBEKEND";

/**
 * The keys of a report cell from its query columns k1, k2, as many as the report has dimensions: a
 * missing value (NULL: e.g. a fact without a residence status) reads ONBEKEND. Every reader of
 * report cells (the report, the publication's "now", the diff's reasons) goes through this one.
 */
export function cellKeys(cell: { k1?: string | null; k2?: string | null }, dimensions: number): string[] {
  return [cell.k1, cell.k2].slice(0, dimensions).map((k) => k ?? "ONBEKEND");
}

const nationalityLabels = new Map(codes.nationalities.map((n) => [n.code, n.label]));

/** The Dutch label of a value; `dbLabel` (the reference table's label) wins for user-maintained lists. */
export function labelOfValue(dimension: Dimension, code: string, dbLabel?: string | null): string {
  if (dbLabel) return dbLabel;
  if (dimension === "amount") return code === UNKNOWN_AMOUNT ? "onbekend" : formatEuro(Number(code));
  if (dimension === "nationality") return nationalityLabels.get(code) ?? code;
  return dimensionValues[dimension]?.find((v) => v.code === code)?.label ?? code;
}

// one collator for every comparison: localeCompare with a locale builds a new one per call,
// which made sorting the ~180 nationalities of a report cost more than its SQL
const dutchOrder = new Intl.Collator("nl-BE");

/** Sort key of a value: its position in the code list, or a number for amounts, else its label. */
export function compareValues(dimension: Dimension, a: { code: string; label: string }, b: { code: string; label: string }): number {
  if (dimension === "amount") {
    const na = a.code === UNKNOWN_AMOUNT ? Infinity : Number(a.code);
    const nb = b.code === UNKNOWN_AMOUNT ? Infinity : Number(b.code);
    return na - nb;
  }
  const list = dimensionValues[dimension];
  if (list) {
    const ia = list.findIndex((v) => v.code === a.code);
    const ib = list.findIndex((v) => v.code === b.code);
    const pa = ia < 0 ? list.length : ia;
    const pb = ib < 0 ? list.length : ib;
    if (pa !== pb) return pa - pb;
  }
  return dutchOrder.compare(a.label, b.label);
}

/** The names of a measure and of a dimension in a language (messages/<locale>/reports.json). */
export const measureLabel = (m: Measure, locale: Locale = DEFAULT_LOCALE) => translator("reports", locale)(`measures.${m}`);
export const dimensionLabel = (d: Dimension, locale: Locale = DEFAULT_LOCALE) => translator("reports", locale)(`dimensions.${d}`);

/** The Dutch names of measures and dimensions (column headers, CLI table output). */
export const measureLabels = Object.fromEntries(measures.map((m) => [m, measureLabel(m)])) as Record<Measure, string>;
export const dimensionLabels = Object.fromEntries(dimensions.map((d) => [d, dimensionLabel(d)])) as Record<Dimension, string>;

/** The message group of a closed list's values (messages/<locale>/codes.json); open lists are data. */
const valueGroup: Partial<Record<Dimension, string>> = {
  province: "provinces",
  nationality_group: "nationalityGroups",
  gender: "genders",
  target_group: "targetGroups",
  registered: "registered",
  infringement_type: "infringementTypes",
  decision: "decisions",
  contract_signed: "yesNo",
  attestation_obtained: "yesNo",
  follow_up: "followUps",
};

/**
 * A row label in the reader's language. Dutch is what the engine gives (labelOfValue); in
 * another language a closed list's value comes from its message, an unknown amount is
 * "unknown", and user-maintained lists (offices, agencies, nationalities, residence statuses)
 * keep their names.
 */
export function localizedValueLabel(dimension: Dimension, code: string, dutchLabel: string, locale: Locale): string {
  if (locale === DEFAULT_LOCALE) return dutchLabel;
  if (dimension === "amount") return code === UNKNOWN_AMOUNT ? translator("codes", locale)("unknown") : formatEuro(Number(code), { locale });
  const group = valueGroup[dimension];
  return (group && dynamicMessage("codes", locale, `${group}.${code}`)) || dutchLabel;
}

/** A report's row labels in the reader's language (the figures and their order unchanged). */
export function localizeReportRows<R extends { by: readonly Dimension[]; rows: { keys: string[]; labels: string[] }[] }>(report: R, locale: Locale): R {
  if (locale === DEFAULT_LOCALE) return report;
  return {
    ...report,
    rows: report.rows.map((row) => ({ ...row, labels: row.labels.map((l, i) => localizedValueLabel(report.by[i]!, row.keys[i]!, l, locale)) })),
  };
}
