import "server-only";
// Before/after of an audit row as a DPO reads it: one line per field that changed (label,
// old → new) instead of raw JSON. A national number is always shown masked, whether the row
// holds it in clear (rows written before the masking) or already masked; lists are counted.
import { maskNationalNumbersDeep, maskNationalNumbersInText } from "@/lib/domain/national-number";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locale";
import { translator } from "@/lib/i18n/messages";
import { auditFieldLabel } from "./list-audit-labels";

export interface AuditChange {
  field: string;
  label: string;
  before: string | null;
  after: string | null;
}

/** Bookkeeping fields that say nothing to a reader. */
const HIDDEN = new Set(["id", "version", "updatedAt", "createdAt", "passwordHash"]);
const ELEVEN_DIGITS = /^\d{11}$/;

function show(value: unknown, locale: Locale): string | null {
  const t = translator("audit", locale);
  if (value === undefined) return null;
  if (value === null || value === "") return t("values.empty");
  if (typeof value === "boolean") return value ? t("values.yes") : t("values.no");
  // whatever looks like a national number, in any field, by the one rule of lib/domain/national-number
  if (typeof value === "string") return maskNationalNumbersInText(value);
  if (typeof value === "number") return String(value);
  if (Array.isArray(value)) {
    return value.every((v) => typeof v === "string" && v.length <= 20 && !ELEVEN_DIGITS.test(v)) && value.length <= 5
      ? value.join(", ")
      : t("values.items", { count: value.length });
  }
  return JSON.stringify(maskNationalNumbersDeep(value));
}

const asRecord = (v: unknown): Record<string, unknown> | null => (v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : null);

/**
 * The fields of `after` that differ from `before` (all of them for a creation, all of `before`
 * for a removal). A value that is not an object (rare) is shown as one change without a field.
 */
export function describeAuditChanges(before: unknown, after: unknown, locale: Locale = DEFAULT_LOCALE): AuditChange[] {
  const b = asRecord(before),
    a = asRecord(after);
  if ((before != null && !b) || (after != null && !a)) {
    return [{ field: "", label: "", before: before == null ? null : show(before, locale), after: after == null ? null : show(after, locale) }];
  }
  const keys = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])].filter((k) => !HIDDEN.has(k));
  const changes: AuditChange[] = [];
  for (const k of keys) {
    const old = b ? b[k] : undefined,
      now = a ? a[k] : undefined;
    if (b && a && JSON.stringify(old) === JSON.stringify(now)) continue;
    changes.push({ field: k, label: auditFieldLabel(k, locale), before: b ? show(old, locale) : null, after: a ? show(now, locale) : null });
  }
  return changes;
}

/** One line of text, for the CSV export: "Familienaam: Peeters → Janssens; Kantoor: …". */
export function changesAsText(changes: AuditChange[]): string {
  return changes
    .map((c) => `${c.label ? `${c.label}: ` : ""}${c.before !== null && c.after !== null ? `${c.before} → ${c.after}` : (c.after ?? c.before ?? "")}`)
    .join("; ");
}
