import { z } from "zod";
import { text } from "@/lib/domain/validation/text";

const isoDate = text().regex(/^\d{4}-\d{2}-\d{2}$/, "Datum als JJJJ-MM-DD.");
const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

export const auditQuerySchema = z.object({
  action: z.preprocess(blankToUndefined, text().max(60).optional()),
  user: z.preprocess(blankToUndefined, text().max(254).optional()),
  newcomer: z.preprocess(blankToUndefined, text().uuid("Geen geldig dossier-id.").optional()),
  from: z.preprocess(blankToUndefined, isoDate.optional()),
  to: z.preprocess(blankToUndefined, isoDate.optional()),
  before: z.preprocess(blankToUndefined, text().regex(/^\d+$/).optional()),
});

export type AuditQuery = z.infer<typeof auditQuerySchema>;
