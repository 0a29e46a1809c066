import { z } from "zod";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Datum als JJJJ-MM-DD.");
const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

export const auditQuerySchema = z.object({
  action: z.preprocess(blankToUndefined, z.string().max(60).optional()),
  user: z.preprocess(blankToUndefined, z.string().max(254).optional()),
  newcomer: z.preprocess(blankToUndefined, z.string().uuid("Geen geldig dossier-id.").optional()),
  from: z.preprocess(blankToUndefined, isoDate.optional()),
  to: z.preprocess(blankToUndefined, isoDate.optional()),
  before: z.preprocess(blankToUndefined, z.string().regex(/^\d+$/).optional()),
});

export type AuditQuery = z.infer<typeof auditQuerySchema>;
