// The decree change of 1 March 2022: which infringement types exist for a dossier, by the
// dossier's date and the newcomer's target group. The one home of the rule: the import's line
// check (lib/domain/exchange/infringement-rules.ts), the dossier forms' check
// (lib/domain/track/track-rules.ts) and the demo-data generator (lib/demo-data) all ask here;
// each says in its own words what is wrong. Pure.
import { INFRINGEMENT_TYPES, type InfringementTypeCode, type TargetGroupCode } from "@/lib/domain/codes";

/** The day the new infringement rules took effect (dossiers received from this day on). */
export const RULE_CHANGE_DATE = "2022-03-01";

export const ABOLISHED_ON_RULE_CHANGE: readonly InfringementTypeCode[] = ["ONRECHTMATIG_VROEGTIJDIG_BEEINDIGD"];
export const INTRODUCED_ON_RULE_CHANGE: readonly InfringementTypeCode[] = ["NIET_REGELMATIG_DEELGENOMEN", "NIET_TIJDIG_AANGEMELD_NA_OPSCHORTING"];
/** Entitled (RECHT) newcomers have no obligations but one: not to end the track unlawfully. */
export const FOR_ENTITLED: readonly InfringementTypeCode[] = ["ONRECHTMATIG_VROEGTIJDIG_BEEINDIGD"];

const KNOWN = new Set<string>(INFRINGEMENT_TYPES);
const ALWAYS = INFRINGEMENT_TYPES.filter((t) => !ABOLISHED_ON_RULE_CHANGE.includes(t) && !INTRODUCED_ON_RULE_CHANGE.includes(t));

export const isInfringementType = (type: string): type is InfringementTypeCode => KNOWN.has(type);

/** The infringement types that exist for a dossier received on `date` (YYYY-MM-DD). */
export function infringementTypesOn(date: string, targetGroup: TargetGroupCode): InfringementTypeCode[] {
  const newRules = date >= RULE_CHANGE_DATE;
  const existing = newRules ? [...ALWAYS, ...INTRODUCED_ON_RULE_CHANGE] : [...ALWAYS, ...ABOLISHED_ON_RULE_CHANGE];
  return targetGroup === "RECHT" ? existing.filter((t) => FOR_ENTITLED.includes(t)) : existing;
}

/** Why a type cannot be: not a type at all, no longer, not yet, or not for an entitled newcomer. */
export type InfringementTypeBreach = "UNKNOWN" | "ABOLISHED" | "NOT_YET" | "ENTITLED_ONLY";

/** Every way the type breaks the decree for that date and target group (none: it is possible). */
export function infringementTypeBreaches(type: string, date: string, targetGroup: TargetGroupCode): InfringementTypeBreach[] {
  if (!isInfringementType(type)) return ["UNKNOWN"];
  const newRules = date >= RULE_CHANGE_DATE;
  const out: InfringementTypeBreach[] = [];
  if (newRules && ABOLISHED_ON_RULE_CHANGE.includes(type)) out.push("ABOLISHED");
  if (!newRules && INTRODUCED_ON_RULE_CHANGE.includes(type)) out.push("NOT_YET");
  if (targetGroup === "RECHT" && !FOR_ENTITLED.includes(type)) out.push("ENTITLED_ONLY");
  return out;
}
