// Which infringement types exist for a dossier, by the dossier's date and the newcomer's target
// group (decree change of 2022-03-01). Pure; reasons are message keys (messages/<locale>/errors.json).
import { msg, type MsgLike } from "@/lib/i18n/message";
import type { TargetGroupCode } from "./record";

export const RULE_CHANGE_DATE = "2022-03-01";

const INFRINGEMENT_TYPES = new Set([
  "NIET_TIJDIG_AANGEMELD",
  "GEWEIGERD_TE_ONDERTEKENEN",
  "ONRECHTMATIG_VROEGTIJDIG_BEEINDIGD",
  "ONREGELMATIGE_DEELNAME",
  "NA_INBREUK_NIET_TIJDIG_AANGEMELD",
  "NIET_REGELMATIG_DEELGENOMEN",
  "NIET_TIJDIG_AANGEMELD_NA_OPSCHORTING",
]);
const ONLY_FROM_RULE_CHANGE = new Set(["NIET_REGELMATIG_DEELGENOMEN", "NIET_TIJDIG_AANGEMELD_NA_OPSCHORTING"]);
const ABOLISHED_AT_RULE_CHANGE = "ONRECHTMATIG_VROEGTIJDIG_BEEINDIGD";

/** null when the type is possible for a dossier of that date (YYYY-MM-DD) and target group. */
export function infringementTypeProblem(type: string, date: string, targetGroup: TargetGroupCode): MsgLike | null {
  if (!INFRINGEMENT_TYPES.has(type)) return msg("infringement.unknownType", { type });
  const fromRuleChange = date >= RULE_CHANGE_DATE;
  if (type === ABOLISHED_AT_RULE_CHANGE && fromRuleChange) {
    return msg("infringement.abolished", { type, date: RULE_CHANGE_DATE });
  }
  if (ONLY_FROM_RULE_CHANGE.has(type) && !fromRuleChange) {
    return msg("infringement.notYet", { type, date: RULE_CHANGE_DATE });
  }
  if (targetGroup === "RECHT" && type !== ABOLISHED_AT_RULE_CHANGE) {
    return msg("infringement.onlyEntitled", { type: ABOLISHED_AT_RULE_CHANGE });
  }
  return null;
}
