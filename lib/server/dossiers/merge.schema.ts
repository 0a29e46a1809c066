// Input of the merge form (issue 14): which dossier survives, the other, and the versions read.
import { z } from "zod";
import { isUuid } from "@/lib/domain/kit";

const id = z.string({ message: "duplicates.chooseDossiers" }).refine(isUuid, "duplicates.chooseDossiers");
const version = z.coerce.number({ message: "form.versionMissing" }).int().positive("form.versionMissing");

export const mergeNewcomersSchema = z
  .object({ survivorId: id, mergedId: id, survivorVersion: version, mergedVersion: version })
  .refine((v) => v.survivorId !== v.mergedId, { path: ["mergedId"], message: "duplicates.sameDossier" });

export type MergeNewcomersInput = z.infer<typeof mergeNewcomersSchema>;
