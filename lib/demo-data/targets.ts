// The tables the demo data must reproduce: the printed answer to written question nr. 113 as data
// (a copy of tests/fixtures/sv113-2023.json, bundled because the product never reads /work/shared).
import raw from "./sv113-2023-targets.json";

export type YearCounts = Record<string, number>;
export type ByCode = Record<string, YearCounts>;

export interface Sv113Targets {
  asOf: string;
  t01_reach: Record<string, { ALL: YearCounts; AANGEMELD: YearCounts; NIET_AANGEMELD: YearCounts }>;
  t02_contracts_office: ByCode;
  t03_contracts_natgroup: ByCode;
  t04_contracts_nationality: ByCode;
  t05_contracts_gender: ByCode;
  t06_contracts_target: ByCode;
  t07_contracts_status: ByCode;
  t08_attestations: YearCounts;
  t09_infringements_office: ByCode;
  t10_infringements_type: ByCode;
  t11_decisions: ByCode;
  t12_fine_amounts_2022: Record<string, { count: number; totalEur: number }>;
  t13_fines_office: ByCode;
  t14_fines_natgroup: ByCode;
  t15_fines_nationality: ByCode;
  t16_fines_status: ByCode;
  t17_fines_target: ByCode;
  t18_fines_gender: ByCode;
}

export const sv113 = raw as unknown as Sv113Targets;

export const REACH_YEARS = [2019, 2020, 2021, 2022] as const;
export const CONTRACT_YEARS = [2020, 2021, 2022] as const;
export const INFRINGEMENT_YEARS = [2019, 2020, 2021, 2022] as const;

/** One year's column of a by-code table: `{ code: count }`. */
export function column(table: ByCode, year: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [code, years] of Object.entries(table)) out[code] = years[String(year)] ?? 0;
  return out;
}
