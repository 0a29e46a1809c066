// The import's reasons for an infringement type the decree of 2022-03-01 does not allow (the
// rule itself: lib/domain/fines/infringement-decree.ts). Pure; reasons are message keys
// (messages/<locale>/errors.json).
import { msg, type MsgLike } from "@/lib/i18n/message";
import { ABOLISHED_ON_RULE_CHANGE, infringementTypeBreaches, RULE_CHANGE_DATE } from "@/lib/domain/fines/infringement-decree";
import type { TargetGroupCode } from "./record";

const ABOLISHED_AT_RULE_CHANGE = ABOLISHED_ON_RULE_CHANGE[0]!;

/** null when the type is possible for a dossier of that date (YYYY-MM-DD) and target group. */
export function infringementTypeProblem(type: string, date: string, targetGroup: TargetGroupCode): MsgLike | null {
  const breaches = infringementTypeBreaches(type, date, targetGroup);
  if (breaches.includes("UNKNOWN")) return msg("infringement.unknownType", { type });
  if (breaches.includes("ABOLISHED")) {
    return msg("infringement.abolished", { type, date: RULE_CHANGE_DATE });
  }
  if (breaches.includes("NOT_YET")) {
    return msg("infringement.notYet", { type, date: RULE_CHANGE_DATE });
  }
  if (breaches.includes("ENTITLED_ONLY")) {
    return msg("infringement.onlyEntitled", { type: ABOLISHED_AT_RULE_CHANGE });
  }
  return null;
}
