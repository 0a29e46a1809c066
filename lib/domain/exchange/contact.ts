// The optional `contact` object of an exchange line (issue 14): the newcomer's address, phone,
// e-mail and contact language, checked by the same rules as the form (contact.schema.ts). Only a
// line that has one pays for the check.
import { exchangeContactSchema, type StoredContact, storedContact } from "@/lib/domain/contact/contact.schema";
import { messageOfIssue } from "@/lib/domain/kit";
import type { MsgLike } from "@/lib/i18n/message";

export function resolveContact(raw: unknown, report: (field: string, reason: MsgLike) => void): StoredContact | null {
  if (raw === undefined || raw === null) return null;
  if (typeof raw !== "object" || Array.isArray(raw)) {
    report("contact", "line.contactNotObject");
    return null;
  }
  const parsed = exchangeContactSchema.safeParse(raw);
  if (!parsed.success) {
    const seen = new Set<string>();
    for (const issue of parsed.error.issues) {
      const key = issue.code === "unrecognized_keys" ? issue.keys.join(",") : String(issue.path[0] ?? "");
      const field = key ? `contact.${key}` : "contact";
      if (seen.has(field)) continue;
      seen.add(field);
      report(field, issue.code === "unrecognized_keys" ? "line.unknownField" : messageOfIssue(issue));
    }
    return null;
  }
  const stored = storedContact(parsed.data);
  return Object.values(stored).some((v) => v !== null) ? stored : null;
}
