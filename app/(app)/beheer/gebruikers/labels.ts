// Dutch labels for the user form, shared by the create and edit pages.
import { translator } from "@/lib/i18n/messages";

const t = translator("admin");
const common = translator("common");

export function userFormLabels() {
  const keys = ["email", "name", "role", "office", "officeHint", "agency", "agencyHint", "allFlanders", "none", "password", "newPassword", "newPasswordHint", "active", "create"] as const;
  return { ...Object.fromEntries(keys.map((k) => [k, t(`users.${k}`)])), save: common("actions.save") };
}

export const roleLabels = { STAFF: common("roles.STAFF"), MANAGER: common("roles.MANAGER"), ADMIN: common("roles.ADMIN") };

