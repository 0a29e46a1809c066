import "server-only";
// What an upload to /beheer/import must look like before anything is read from it.
import { z } from "zod";
import { text } from "@/lib/domain/validation/text";

export const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;

export const uploadSchema = z.object({
  fileName: text()
    .trim()
    .min(1, "import.chooseFile")
    .max(200, "import.fileNameTooLong")
    .regex(/\.(jsonl|json|txt)$/i, "import.chooseJsonl"),
  size: z.number().int().min(1, "import.fileEmpty").max(MAX_UPLOAD_BYTES, "import.fileTooLarge"),
});
