// The audit page's filters, from the URL (user id, dossier id, action code, period, page) or the
// export form. No national number here: a dossier is searched by number through a POST
// (findAuditDossier) that answers with the dossier's id, so the number never lands in a URL.
import { z } from "zod";
import { text } from "@/lib/domain/validation/text";
import { isKnownAuditAction } from "./list-audit-labels";

const isoDate = text()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "audit.dateIso")
  // zod runs this even when the regex failed: an unparsable date must give false, not throw
  .refine((s) => {
    const d = Date.parse(`${s}T00:00:00Z`);
    return !Number.isNaN(d) && new Date(d).toISOString().startsWith(s);
  }, "form.dateNotReal");
const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

export const auditQuerySchema = z
  .object({
    user: z.preprocess(blankToUndefined, text().uuid("audit.chooseUser").optional()),
    dossier: z.preprocess(blankToUndefined, text().uuid("audit.invalidDossier").optional()),
    action: z.preprocess(blankToUndefined, text().max(60).refine(isKnownAuditAction, "audit.chooseAction").optional()),
    from: z.preprocess(blankToUndefined, isoDate.optional()),
    to: z.preprocess(blankToUndefined, isoDate.optional()),
    page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(1_000_000).default(1)),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ["to"], message: "form.endBeforeStart" });

export type AuditQuery = z.infer<typeof auditQuerySchema>;

/** The filters worth keeping in links and the export (no page). */
export const AUDIT_FILTER_KEYS = ["user", "dossier", "action", "from", "to"] as const;

export const findDossierSchema = z.object({
  nationalNumber: text({ message: "audit.nationalNumber" })
    .transform((s) => s.replace(/[\s.\-/]/g, ""))
    .refine((s) => /^\d{11}$/.test(s), "audit.nationalNumber"),
});
