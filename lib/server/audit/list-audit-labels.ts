import "server-only";
// Labels of the audit trail in the reader's language: every action code (AuditAction in
// ./audit.ts) and the fields of before/after, from messages/<locale>/audit.json (Dutch the
// reference, the same keys in every language: lib/i18n/messages.test.ts). list-audit-labels.test.ts fails when an action of
// the union has no label, so a new action cannot reach the DPO's page as a bare code.
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locale";
import { catalogues } from "@/lib/i18n/messages";
import messages from "@/messages/nl/audit.json";
import type { AuditAction } from "./audit";

const actionLabels: Record<string, string> = messages.actions;

/** The actions the filter offers, in the order of the catalogue. */
export const AUDIT_ACTION_CODES = Object.keys(actionLabels) as AuditAction[];

export const isKnownAuditAction = (code: string): code is AuditAction => Object.hasOwn(actionLabels, code);

/** The label of an action; an unknown code (an old row) is shown as is. */
// action codes contain dots (newcomer.view), so they are looked up in their group, not as a path
const label = (group: "actions" | "fields" | "objects", code: string, locale: Locale) => {
  const labels = (catalogues[locale].audit as typeof messages)[group] as Record<string, string>;
  return Object.hasOwn(labels, code) ? labels[code]! : code;
};
export const auditActionLabel = (code: string, locale: Locale = DEFAULT_LOCALE) => label("actions", code, locale);
export const auditFieldLabel = (field: string, locale: Locale = DEFAULT_LOCALE) => label("fields", field, locale);
export const auditObjectLabel = (entityType: string, locale: Locale = DEFAULT_LOCALE) => label("objects", entityType, locale);
