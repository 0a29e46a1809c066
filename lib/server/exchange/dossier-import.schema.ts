import "server-only";
// What an upload to /beheer/import must look like before anything is read from it.
import { z } from "zod";
import { text } from "@/lib/domain/validation/text";

export const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;

export const uploadSchema = z.object({
  fileName: text().trim().min(1, "Kies een bestand.").max(200, "De bestandsnaam is te lang.")
    .regex(/\.(jsonl|json|txt)$/i, "Kies een JSON Lines-bestand (.jsonl)."),
  size: z.number().int().min(1, "Het bestand is leeg.").max(MAX_UPLOAD_BYTES, "Het bestand is groter dan 512 MB."),
});
