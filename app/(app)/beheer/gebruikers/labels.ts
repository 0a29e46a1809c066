// Labels for the user form in the reader's language, shared by the create and edit pages.
import type { Locale } from "@/lib/i18n/locale";
import { translator } from "@/lib/i18n/messages";

export function userFormLabels(locale: Locale) {
  const t = translator("admin", locale);
  const common = translator("common", locale);
  const keys = [
    "email",
    "name",
    "role",
    "office",
    "officeHint",
    "agency",
    "agencyHint",
    "allFlanders",
    "none",
    "password",
    "newPassword",
    "newPasswordHint",
    "active",
    "create",
  ] as const;
  return { ...Object.fromEntries(keys.map((k) => [k, t(`users.${k}`)])), save: common("actions.save") };
}

export function roleLabels(locale: Locale) {
  const common = translator("common", locale);
  return { STAFF: common("roles.STAFF"), MANAGER: common("roles.MANAGER"), ADMIN: common("roles.ADMIN") };
}
