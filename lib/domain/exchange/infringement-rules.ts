// The import's reasons for an infringement type the decree of 2022-03-01 does not allow (the
// rule itself: lib/domain/fines/infringement-decree.ts). Pure; reasons in Dutch because they
// reach users as they are.
import { ABOLISHED_ON_RULE_CHANGE, infringementTypeBreaches, RULE_CHANGE_DATE } from "@/lib/domain/fines/infringement-decree";
import type { TargetGroupCode } from "./record";

const ABOLISHED_AT_RULE_CHANGE = ABOLISHED_ON_RULE_CHANGE[0];

/** null when the type is possible for a dossier of that date (YYYY-MM-DD) and target group. */
export function infringementTypeProblem(type: string, date: string, targetGroup: TargetGroupCode): string | null {
  const breaches = infringementTypeBreaches(type, date, targetGroup);
  if (breaches.includes("UNKNOWN")) return `Onbekend type inbreuk: ${type}.`;
  if (breaches.includes("ABOLISHED")) {
    return `Het type ${type} bestaat niet meer voor inbreukdossiers vanaf ${RULE_CHANGE_DATE}.`;
  }
  if (breaches.includes("NOT_YET")) {
    return `Het type ${type} bestaat pas voor inbreukdossiers vanaf ${RULE_CHANGE_DATE}.`;
  }
  if (breaches.includes("ENTITLED_ONLY")) {
    return `Voor een rechthebbende inburgeraar is enkel ${ABOLISHED_AT_RULE_CHANGE} mogelijk.`;
  }
  return null;
}
