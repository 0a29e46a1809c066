import { z } from "zod";
import { DVZ_FOLLOW_UPS } from "@/lib/domain/code-sets";
import { text } from "@/lib/domain/validation/text";
import { isoDate, versionField } from "@/lib/server/fines/decision.schema";
import { isUuid } from "@/lib/domain/kit";

const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

export const dvzSearchSchema = z.object({
  q: text().trim().min(2, "dvz.searchMin").max(100, "form.searchTooLong"),
});

export const generateAdviceSchema = z.object({
  newcomerId: text().refine(isUuid, "dvz.chooseNewcomer"),
  /** the advice's date; the records as of that date decide contract and attestation */
  date: z.preprocess(blankToUndefined, isoDate.optional()),
});

export const followUpSchema = z.object({
  followUp: z.enum(DVZ_FOLLOW_UPS, { message: "dvz.chooseFollowUp" }),
  on: z.preprocess(blankToUndefined, isoDate.optional()),
  version: versionField,
});

export const dvzExportSchema = z.object({ from: isoDate, to: isoDate }).refine((v) => v.from <= v.to, { path: ["to"], message: "form.endBeforeStart" });

/** The advice list's name filter as its export posts it: cut to 100 like the page, no control characters (NUL broke the audit row). */
export const adviceListFilterSchema = z.object({
  naam: z.preprocess((v) => (typeof v === "string" ? v.slice(0, 100) : ""), text()),
});
