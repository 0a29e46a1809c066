// Input of the forms that record, correct and cancel a step of the track. Rules that need the
// newcomer's other records (order of the steps, infringement types) are checked by the data layer.
import { z } from "zod";
import { INFRINGEMENT_TYPES, NATIONALITY_GROUPS, RECORDABLE_EVENT_TYPES, TARGET_GROUPS } from "@/lib/domain/code-sets";
import { text } from "@/lib/domain/validation/text";
import { isoDate } from "@/lib/server/dossiers/newcomer.schema";
import { futureDateProblem } from "@/lib/domain/track/track-rules";
import { todayIso } from "@/lib/i18n/format";
import type { MsgLike } from "@/lib/i18n/message";

const blank = (v: unknown) => (v === "" || v === null ? undefined : v);
const note = z.preprocess(blank, text({ multiline: true }).trim().max(1000, "form.noteTooLong").optional());
const optionalCode = z.preprocess(blank, text().trim().max(64).optional());

/** Classification given on the record; omitted fields are taken from the newcomer. */
const classification = {
  officeCode: optionalCode,
  nationalityCode: optionalCode,
  nationalityGroup: z.preprocess(blank, z.enum(NATIONALITY_GROUPS, { message: "form.chooseNationalityGroup" }).optional()),
  residenceStatusCode: optionalCode,
  targetGroup: z.preprocess(blank, z.enum(TARGET_GROUPS, { message: "form.chooseTargetGroup" }).optional()),
};

/** Staff record these steps here; DVZ advices are made by ADMINs elsewhere (lib/server/dvz). */
export const RECORDABLE_TYPES = RECORDABLE_EVENT_TYPES;

/** The warnings (codes of stepOrderWarningOf) the user confirmed: "A,B" from the form, or a list. */
const confirmWarnings = z.preprocess(
  (v) => (v === undefined || v === null || v === "" ? [] : typeof v === "string" ? v.split(",") : v),
  z.array(text().trim().max(64)).max(8).default([]),
);

const base = { date: isoDate, note, ...classification, confirmWarnings };

export const recordEventSchema = z.discriminatedUnion(
  "type",
  [
    z.object({ type: z.literal("EXTRACTION"), ...base }),
    z.object({ type: z.literal("INVITATION"), ...base }),
    z.object({ type: z.literal("REGISTRATION"), ...base }),
    z.object({ type: z.literal("CONTRACT"), ...base }),
    z.object({ type: z.literal("ATTESTATION"), ...base }),
    z.object({ type: z.literal("INFRINGEMENT"), ...base, infringementType: z.enum(INFRINGEMENT_TYPES, { message: "form.chooseInfringementType" }) }),
  ],
  { error: () => "track.chooseStep" },
);

export const correctEventSchema = z.object({
  date: isoDate,
  note,
  infringementType: z.preprocess(blank, z.enum(INFRINGEMENT_TYPES, { message: "form.chooseInfringementType" }).optional()),
  reason: text({ multiline: true, message: "track.correctionReason" }).trim().min(3, "track.correctionReason").max(500, "form.reasonTooLong"),
  version: z.coerce.number({ message: "form.versionMissing" }).int().positive("form.versionMissing"),
});

export const cancelEventSchema = z.object({
  reason: text({ multiline: true, message: "track.cancelReason" }).trim().min(3, "track.cancelReason").max(500, "form.reasonTooLong"),
  version: z.coerce.number({ message: "form.versionMissing" }).int().positive("form.versionMissing"),
});

export type RecordEventInput = z.infer<typeof recordEventSchema>;

/**
 * The date rule over a form that did not parse (zod stops before the data layer's checks): a date
 * in the future is reported with the form's other errors instead of in the next round.
 */
export function eventDateErrors(input: unknown): Record<string, MsgLike> {
  const raw = (typeof input === "object" && input !== null ? input : {}) as Record<string, unknown>;
  const date = isoDate.safeParse(raw.date);
  const future = date.success ? futureDateProblem(date.data, todayIso()) : null;
  return future ? { date: future } : {};
}
