import { z } from "zod";
import { INFRINGEMENT_TYPES } from "@/lib/domain/code-sets";
import { text } from "@/lib/domain/validation/text";

const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

export const FINE_QUEUE_AGE_OPTIONS_DAYS = [30, 90, 180, 365] as const;

/** The work queue's filters, from the URL's search parameters. */
export const queueQuerySchema = z.object({
  agency: z.preprocess(blankToUndefined, text().max(64).optional()),
  type: z.preprocess(blankToUndefined, z.enum(INFRINGEMENT_TYPES).optional()),
  /** only dossiers received at least this many days ago */
  minAgeDays: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(36500).optional()),
  page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(100000).default(1)),
});

export type QueueQuery = z.infer<typeof queueQuerySchema>;
