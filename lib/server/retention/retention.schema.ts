import { z } from "zod";
import { text } from "@/lib/domain/validation/text";

const uuid = z.string().uuid("retention.unknownDossier");
const reason = text({ multiline: true }).trim().min(5, "retention.reasonMin").max(1000, "retention.reasonTooLong");

export const setHoldSchema = z.object({ newcomerId: uuid, reason });
export const removeHoldSchema = z.object({ holdId: z.string().uuid("retention.unknownHold"), reason });
/** The admin's anonymisation of chosen dossiers: the ids and a typed confirmation. */
export const anonymiseSchema = z.object({
  newcomerIds: z.array(uuid).min(1, "retention.chooseDossiers").max(500, "retention.tooManyDossiers"),
  confirm: z.literal("ANONIMISEER", { message: "retention.confirm" }),
});
/** The due list: the page after dossier `after` (keyset; none: the first page), of one agency or all, and whether to count exactly. */
export const dueListSchema = z.object({
  after: z.string().uuid().nullable().catch(null),
  agency: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,32}$/)
    .nullable()
    .catch(null),
  exact: z.boolean().catch(false),
});
