// The canonical code lists (copied from the shared reference into the project), typed. Pure:
// no I/O beyond the bundled JSON. The database's reference tables are seeded from these lists;
// users may extend nationalities, residence statuses and offices there.
import raw from "./reference/codes.json";

export interface Code {
  code: string;
  label: string;
  note?: string;
}
export interface OfficeCode extends Code {
  agency: string;
}
export interface NationalityCode extends Code {
  group: NationalityGroupCode;
}

// The closed code sets (arrays and their types) live in code-sets.ts, without the JSON, so client
// components can import them; re-exported here for everything else.
export * from "./code-sets";
import type { DvzFollowUpCode, GenderCode, InfringementTypeCode, NationalityGroupCode, TargetGroupCode, DecisionCode } from "./code-sets";

export const codes = {
  agencies: raw.agencies as Code[],
  offices: raw.offices as OfficeCode[],
  nationalityGroups: raw.nationalityGroups as { code: NationalityGroupCode; label: string }[],
  genders: raw.genders as { code: GenderCode; label: string }[],
  targetGroups: raw.targetGroups as { code: TargetGroupCode; label: string; note?: string }[],
  residenceStatuses: raw.residenceStatuses as Code[],
  infringementTypes: raw.infringementTypes as { code: InfringementTypeCode; label: string; note: string }[],
  decisions: raw.decisions as { code: DecisionCode; label: string }[],
  fineAmountRangeEur: raw.fineAmountRangeEur as { min: number; max: number; seenAmounts: number[] },
  nationalities: raw.nationalities as NationalityCode[],
} as const;

export const dvzFollowUps: { code: DvzFollowUpCode; label: string }[] = [
  { code: "VERBLIJF_VERLENGD", label: "verblijf verlengd" },
  { code: "VERBLIJF_NIET_VERLENGD", label: "verblijf niet verlengd" },
  { code: "ONBEKEND", label: "onbekend" },
];

const nationalityByCode = new Map(codes.nationalities.map((n) => [n.code, n]));
const officeByCode = new Map(codes.offices.map((o) => [o.code, o]));

/** The nationality group by the rule of codes.json (EU member states + EEA/CH/UK = EU_PLUS …). */
export function nationalityGroupOf(nationality: string): NationalityGroupCode | undefined {
  return nationalityByCode.get(nationality)?.group;
}

export function agencyOfOffice(office: string): string | undefined {
  return officeByCode.get(office)?.agency;
}

export function labelOf(list: readonly { code: string; label: string }[], code: string): string {
  return list.find((c) => c.code === code)?.label ?? code;
}
