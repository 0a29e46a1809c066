// Builds the one SQL query of a report over the pre-aggregated tables that database triggers keep
// (prisma/sql/reports/50-refresh-rebuild.sql): report_count holds the report facts counted per
// classification and state (the key, count-key.ts) and the years their validity starts
// (from_year) and ends (to_year); report_month_count holds them counted per key and calendar
// month, as the facts whose validity starts in the month and those whose validity ends in it;
// report_fact holds the facts themselves with exact dates. Both counts are kept at four grains
// (with or without nationality and residence status, the two columns with many values); a report
// reads the coarsest one that has the columns of its dimensions.
//
// A fact counts as of date D when valid_from <= D < valid_to. As valid_from <= valid_to, the facts
// valid at D are those started by D minus those ended by D. With Y the year of D:
//   - from_year < Y and (to_year >= Y or open): started by D, not ended before Y — summed from
//     report_count (thousands of rows, not millions of events);
//   - plus the facts that start in Y by D, minus those that end in Y by D: the whole months of Y
//     from report_month_count, and the rest of D's month fact by fact from report_fact (at most
//     half a month, through its (type, valid_from) / (type, valid_to) indexes; asOfWindow);
//   - every other fact starts after D or ends before Y: not valid at D, and in no part.
// So PostgreSQL aggregates and JavaScript only receives one row per (dimension values, year).
//
// Knowledge time (kennisdatum, `recordedOn` = T): report_fact keeps every version of a fact with
// the interval it was recorded (recorded_from <= T < recorded_to, NULL: current), and report_count
// counts the current ones. The facts the database held at T are exactly the current ones, minus
// the current ones recorded after T, plus the closed ones that were current at T; so a report as
// recorded on T is today's query plus one more branch over report_fact that counts the facts valid
// at D recorded after T (-1) and the facts valid at D closed after T (+1) — through two partial
// indexes, only what changed since T (the whole table when T precedes the data). Same shape, same
// cells, same rules: one query builder for both.
// Pure: returns text and parameters; every value goes in as a parameter, never spliced in.
import type { ReportCountColumn } from "./count-key";
import type { Dimension, Measure } from "./definitions";
import { provinceOfOffice } from "./province";
import type { ReportParams } from "./report-params.schema";

export interface ReportQuery {
  text: string;
  values: unknown[];
}

/** The event type a measure counts (shared with the direct query the tests compare with). */
export const measureEventType: Record<Measure, string> = {
  reach: "EXTRACTION",
  invitations: "INVITATION",
  registrations: "REGISTRATION",
  contracts: "CONTRACT",
  attestations: "ATTESTATION",
  infringements: "INFRINGEMENT",
  fines: "INFRINGEMENT",
  fine_amount_eur: "INFRINGEMENT",
  dvz_advices: "DVZ_ADVICE",
};

/**
 * Where a fact's or count row's columns are: a table alias (`f` gives `f.year`), or a naming of
 * flat columns (the reasons of a diff keep both versions of a record side by side in one row:
 * `(c) => \`w.o_${c}\``).
 */
export type FactColumns = string | ((c: ReportCountColumn) => string);

/** Column `c` of `x`: only a column of the report_count key (count-key.ts) type-checks. */
const col = (x: FactColumns, c: ReportCountColumn) => (typeof x === "function" ? x(c) : `${x}.${c}`);

/** The measure's own condition on a fact or count row of alias `x`, beyond its type (null: none): fines are the infringements decided BOETE. */
export const measureConditionSql = (m: Measure, x: FactColumns): string | null =>
  m === "fines" || m === "fine_amount_eur" ? `${col(x, "state")} = 'BOETE'` : null;

/** What one fact of alias `x` adds to the measure: 1, or its amount for the fine amounts (unknown: 0). */
export const factValueSql = (m: Measure, x: FactColumns): string => (m === "fine_amount_eur" ? `COALESCE(${col(x, "amount_eur")}, 0)::bigint` : "1");

/** The province of alias `x`'s office, as SQL. */
export const provinceCase = (x: FactColumns) =>
  `CASE ${col(x, "office_code")} ${Object.entries(provinceOfOffice)
    .map(([office, province]) => `WHEN '${office}' THEN '${province}'`)
    .join(" ")} ELSE 'ONBEKEND' END`;

/**
 * SQL of a dimension's value on alias `x` (report_count and report_fact share the columns: the
 * report_count key). `state` is the as-of state of the fact: AANGEMELD / NIET_AANGEMELD for
 * reach, the decision in force or IN_BEHANDELING for infringements, the follow-up known for DVZ
 * advices.
 */
export function dimensionSql(d: Dimension, x: FactColumns): string {
  switch (d) {
    case "office":
      return col(x, "office_code");
    case "agency":
      return col(x, "agency_code");
    case "province":
      return provinceCase(x);
    case "nationality":
      return col(x, "nationality_code");
    case "nationality_group":
      return `${col(x, "nationality_group")}::text`;
    case "gender":
      return `${col(x, "gender")}::text`;
    case "target_group":
      return `${col(x, "target_group")}::text`;
    case "residence_status":
      return col(x, "residence_status_code");
    case "registered":
      return col(x, "state");
    case "infringement_type":
      return `COALESCE(${col(x, "infringement_type")}::text, 'ONBEKEND')`;
    case "decision":
      return col(x, "state");
    case "amount":
      return `COALESCE(${col(x, "amount_eur")}::text, 'ONBEKEND')`;
    case "contract_signed":
      return `CASE WHEN ${col(x, "contract_signed")} THEN 'JA' ELSE 'NEE' END`;
    case "attestation_obtained":
      return `CASE WHEN ${col(x, "attestation_obtained")} THEN 'JA' ELSE 'NEE' END`;
    case "follow_up":
      return col(x, "state");
  }
}

/** Reference tables whose labels users maintain: the label comes from the database. */
/** The code-list table each labelled dimension is joined with (its label column: `label`). */
export const labelTable: Partial<Record<Dimension, string>> = {
  office: "office",
  agency: "agency",
  nationality: "nationality",
  residence_status: "residence_status",
};

/**
 * The coarsest grain of report_count that still has the columns the dimensions need: bit 2 set
 * when nationality is not needed (rolled up), bit 1 when residence status is not.
 */
export function countGrain(by: readonly Dimension[]): number {
  return (by.includes("nationality") ? 0 : 2) + (by.includes("residence_status") ? 0 : 1);
}

/**
 * Which part of D's month a report reads fact by fact, and which whole months it sums
 * (report_month_count). The facts valid at D are those started by D minus those ended by D; the
 * starts and ends in D's year come from the months of that year before D's month plus the facts of
 * [first of the month, D] (`sign` 1) — or, when D is in the second half of its month, from the
 * months up to and including D's plus the facts of (D, last of the month] taken back (`sign` -1).
 * Either way at most half a month of facts is read one by one. Dates as ISO days (UTC).
 */
export function asOfWindow(asOf: string): { monthsFrom: string; monthsTo: string; rowsFrom: string; rowsTo: string; sign: 1 | -1 } {
  const [y, m, d] = asOf.split("-").map(Number) as [number, number, number];
  const day = (year: number, month: number, date: number) => new Date(Date.UTC(year, month - 1, date)).toISOString().slice(0, 10);
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const monthsFrom = `${y}-01-01`;
  if (d <= daysInMonth - d) return { monthsFrom, monthsTo: day(y, m - 1, 1), rowsFrom: day(y, m, 1), rowsTo: asOf, sign: 1 };
  return { monthsFrom, monthsTo: day(y, m, 1), rowsFrom: day(y, m, d + 1), rowsTo: day(y, m, daysInMonth), sign: -1 };
}

export function buildReportQuery(p: ReportParams): ReportQuery {
  const asOfYear = Number(p.asOf.slice(0, 4));
  const w = asOfWindow(p.asOf);
  const values: unknown[] = [];
  const param = (v: unknown, type = "") => `$${values.push(v)}${type}`;
  const type = param(measureEventType[p.measure], '::"EventType"');
  const years = [param(p.from, "::int"), param(p.to, "::int")];
  const year = param(asOfYear, "::int");
  const grain = param(countGrain(p.by), "::smallint");
  const months = [param(w.monthsFrom, "::date"), param(w.monthsTo, "::date")];
  const rows = [param(w.rowsFrom, "::date"), param(w.rowsTo, "::date")];
  const sign = param(w.sign, "::int");
  const agency = p.agency ? param(p.agency) : null;
  // D itself is only compared with in the knowledge branch
  const asOf = p.recordedOn ? param(p.asOf, "::date") : null;
  const recordedOn = p.recordedOn ? param(p.recordedOn, "::timestamptz") : null;
  const common = (x: string) => {
    const where = [`${x}.type = ${type}`, `${x}.year BETWEEN ${years[0]} AND ${years[1]}`];
    const condition = measureConditionSql(p.measure, x);
    if (condition) where.push(condition);
    if (agency) where.push(`${x}.agency_code = ${agency}`);
    return where;
  };
  const keys = (x: string) => p.by.map((d, i) => `${dimensionSql(d, x)} AS k${i + 1}`).join(", ");
  // valid at D, whatever the day: started before D's year and not ended before it (those that end
  // in it by D are taken back with the ends below). n = 0: a key whose facts were all re-derived
  // away (rows are not deleted, to keep the upsert simple)
  const settled = [`c.grain = ${grain}`, ...common("c"), `c.from_year < ${year}`, `(c.to_year IS NULL OR c.to_year >= ${year})`, "c.n <> 0"];
  // the starts minus the ends of the whole months (asOfWindow)
  const wholeMonths = [`m.grain = ${grain}`, ...common("m"), `m.month BETWEEN ${months[0]} AND ${months[1]}`, "m.starts <> m.ends"];
  // the facts of part of D's month, each half one index range; current facts only, as the counts
  const partOfMonth = (bound: string) => [...common("f"), `f.${bound} BETWEEN ${rows[0]} AND ${rows[1]}`, "f.recorded_to IS NULL"];
  const validAtAsOf = [`f.valid_from <= ${asOf}`, `(f.valid_to IS NULL OR f.valid_to > ${asOf})`];
  // as recorded on T: take back the current facts recorded after T, add the closed ones current at T
  const changedSince = [
    ...common("f"),
    ...validAtAsOf,
    `((f.recorded_to IS NULL AND f.recorded_from > ${recordedOn}) OR (f.recorded_to > ${recordedOn} AND f.recorded_from <= ${recordedOn}))`,
  ];
  const amount = p.measure === "fine_amount_eur";
  // every branch counts facts (`count`: a number of them, or ±1 per fact) and adds their value: the
  // count itself, or for the amount measure the count times the amount — which can be 0 where facts
  // are (fines whose amount is not known: ONBEKEND), so that measure also carries the count (n),
  // which decides whether a key has a row
  const counted = (count: string, x: string) => (amount ? `${count} * ${factValueSql(p.measure, x)} AS v, ${count} AS n` : `${count} AS v`);
  const knowledgeBranch = recordedOn
    ? `
    UNION ALL
    SELECT ${keys("f")}, f.year, ${counted("CASE WHEN f.recorded_to IS NULL THEN -1 ELSE 1 END", "f")}
      FROM report_fact f WHERE ${changedSince.join(" AND ")}`
    : "";
  const groupKeys = p.by.map((_, i) => `k${i + 1}`).join(", ");
  // labels joined (hashed) rather than looked up per cell by a correlated subquery
  const labels = p.by.map((d, i) => (labelTable[d] ? `l${i + 1}.label AS l${i + 1}` : `NULL::text AS l${i + 1}`));
  const labelJoins = p.by.map((d, i) => (labelTable[d] ? ` LEFT JOIN ${labelTable[d]} l${i + 1} ON l${i + 1}.code = g.k${i + 1}` : "")).join("");
  const text = `SELECT g.*, ${labels.join(", ")} FROM (
  SELECT ${groupKeys}, year, sum(v)::bigint AS value FROM (
    SELECT ${keys("c")}, c.year, ${counted("c.n", "c")}
      FROM report_count c WHERE ${settled.join(" AND ")}
    UNION ALL
    SELECT ${keys("m")}, m.year, ${counted("(m.starts - m.ends)", "m")}
      FROM report_month_count m WHERE ${wholeMonths.join(" AND ")}
    UNION ALL
    SELECT ${keys("f")}, f.year, ${counted(sign, "f")}
      FROM report_fact f WHERE ${partOfMonth("valid_from").join(" AND ")}
    UNION ALL
    SELECT ${keys("f")}, f.year, ${counted(`-${sign}`, "f")}
      FROM report_fact f WHERE ${partOfMonth("valid_to").join(" AND ")}${knowledgeBranch}
  ) u
  GROUP BY ${groupKeys}, year
  -- a key whose starts and ends cancel out (or whose facts were re-derived away) has no facts at D
  HAVING sum(${amount ? "n" : "v"}) <> 0
) g${labelJoins}`;
  return { text, values };
}
