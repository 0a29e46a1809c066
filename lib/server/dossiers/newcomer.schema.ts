// Input of the newcomer forms (create, edit, move) and of the list query. Code lists that users
// maintain (nationality, residence status, office) are checked against the database by the data
// layer; everything that can be checked without I/O is checked here.
import { z } from "zod";
import { issueMessage } from "@/lib/domain/kit";
import { GENDERS, NATIONALITY_GROUPS, TARGET_GROUPS } from "@/lib/domain/code-sets";
import { text } from "@/lib/domain/validation/text";
import { normalizeNationalNumber, validateNationalNumber } from "@/lib/domain/national-number";
import { futureDateProblem } from "@/lib/domain/track/track-rules";
import { todayIso } from "@/lib/i18n/format";
import type { ErrorKey, MsgLike } from "@/lib/i18n/message";
import { ALWAYS, checkContact, contactFields } from "@/lib/domain/contact/contact.schema";

const blank = (v: unknown) => (v === "" || v === null ? undefined : v);
export const isoDate = text({ message: "form.dateRequired" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "form.dateValid")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), "form.dateValid");
const name = (required: ErrorKey, tooLong: ErrorKey) => text({ message: required }).trim().min(1, required).max(100, tooLong);
const code = (message: ErrorKey) => text({ message }).trim().min(1, message).max(64, message);

const newcomerFields = z.object({
  nationalNumber: text({ message: "newcomer.nationalNumberRequired" }).trim().min(1, "newcomer.nationalNumberRequired").transform(normalizeNationalNumber),
  lastName: name("newcomer.lastNameRequired", "newcomer.lastNameTooLong"),
  firstName: name("newcomer.firstNameRequired", "newcomer.firstNameTooLong"),
  birthDate: isoDate,
  gender: z.enum(GENDERS, { message: "newcomer.chooseGender" }),
  nationalityCode: code("newcomer.chooseNationality").transform((s) => s.toUpperCase()),
  nationalityGroup: z.preprocess(blank, z.enum(NATIONALITY_GROUPS, { message: "form.chooseNationalityGroup" }).optional()),
  residenceStatusCode: code("newcomer.chooseResidenceStatus"),
  targetGroup: z.enum(TARGET_GROUPS, { message: "form.chooseTargetGroup" }),
  officeCode: code("newcomer.chooseOffice"),
  ...contactFields,
});

/** The national number must pass its checksum and agree with the birth date and the gender. */
function checkNationalNumber<T extends { nationalNumber: string; birthDate: string; gender: "M" | "V" }>(v: T, ctx: z.RefinementCtx) {
  const future = futureDateProblem(v.birthDate, todayIso());
  if (future) ctx.addIssue({ code: "custom", path: ["birthDate"], ...issueMessage(future) });
  const check = validateNationalNumber(v.nationalNumber, { birthDate: v.birthDate, gender: v.gender });
  if (!check.ok) ctx.addIssue({ code: "custom", path: ["nationalNumber"], ...issueMessage(check.reason) });
}

export const createNewcomerSchema = newcomerFields.superRefine(checkNationalNumber).superRefine(checkContact, ALWAYS);

/**
 * The cross-field rules (future birth date, checksum and its agreement with birth date and
 * gender) over the fields that are valid on their own. zod runs a superRefine only once the whole
 * object parses, so a form with a missing name reported the checksum and the birth date only in
 * the next round; the data layer adds these to the field errors instead (every error at once).
 */
export function newcomerCrossFieldErrors(input: unknown): Record<string, MsgLike> {
  const raw = (typeof input === "object" && input !== null ? input : {}) as Record<string, unknown>;
  const f = newcomerFields.shape;
  const birth = f.birthDate.safeParse(raw.birthDate);
  const gender = f.gender.safeParse(raw.gender);
  const errors: Record<string, MsgLike> = {};
  if (birth.success) {
    const future = futureDateProblem(birth.data, todayIso());
    if (future) errors.birthDate = future;
  }
  const blankNumber = typeof raw.nationalNumber !== "string" || raw.nationalNumber.trim() === "";
  const nn = f.nationalNumber.safeParse(raw.nationalNumber);
  if (!blankNumber && nn.success) {
    const expected: { birthDate?: string; gender?: "M" | "V" } = {};
    if (birth.success) expected.birthDate = birth.data;
    if (gender.success) expected.gender = gender.data;
    const check = validateNationalNumber(nn.data, expected);
    if (!check.ok) errors.nationalNumber = check.reason;
  }
  return errors;
}

/** The code fields of a form as typed (trimmed, upper-case nationality), for the reference checks of a form that did not parse. */
export function typedCodes(input: unknown): { nationalityCode?: string; residenceStatusCode?: string; officeCode?: string } {
  const raw = (typeof input === "object" && input !== null ? input : {}) as Record<string, unknown>;
  const pick = (k: string) => (typeof raw[k] === "string" && raw[k].trim() !== "" && raw[k].length <= 64 ? raw[k].trim() : undefined);
  const out: { nationalityCode?: string; residenceStatusCode?: string; officeCode?: string } = {};
  const nat = pick("nationalityCode");
  if (nat !== undefined) out.nationalityCode = nat.toUpperCase();
  const res = pick("residenceStatusCode");
  if (res !== undefined) out.residenceStatusCode = res;
  const off = pick("officeCode");
  if (off !== undefined) out.officeCode = off;
  return out;
}

/**
 * Editing: the form shows the number masked (opening it must not reveal it), so an empty field
 * means "unchanged"; the data layer then checks the stored number against birth date and gender.
 */
export const updateNewcomerSchema = newcomerFields
  .omit({ officeCode: true })
  .extend({
    nationalNumber: z.preprocess(
      (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
      z.string().trim().transform(normalizeNationalNumber).optional(),
    ),
    version: z.coerce.number({ message: "form.versionMissing" }).int().positive("form.versionMissing"),
  })
  .superRefine((v, ctx) => {
    if (v.nationalNumber !== undefined) checkNationalNumber({ ...v, nationalNumber: v.nationalNumber }, ctx);
    else {
      const future = futureDateProblem(v.birthDate, todayIso());
      if (future) ctx.addIssue({ code: "custom", path: ["birthDate"], ...issueMessage(future) });
    }
  })
  .superRefine(checkContact, ALWAYS);

export const moveNewcomerSchema = z.object({
  officeCode: code("newcomer.chooseNewOffice"),
  version: z.coerce.number({ message: "form.versionMissing" }).int().positive("form.versionMissing"),
  reason: z.preprocess(blank, text({ multiline: true }).trim().max(500, "form.reasonTooLong").optional()),
});

export const TRACK_STATUS_FILTERS = ["GEEN", "EXTRACTION", "INVITATION", "REGISTRATION", "CONTRACT", "ATTESTATION"] as const;
export const SORTS = ["naam", "-naam", "geboortedatum", "-geboortedatum", "nieuwste"] as const;

export const listNewcomersSchema = z.object({
  q: z.preprocess(blank, text().trim().max(100, "form.searchTooLong").optional()),
  office: z.preprocess(blank, text().max(64).optional()),
  targetGroup: z.preprocess(blank, z.enum(TARGET_GROUPS).optional()),
  status: z.preprocess(blank, z.enum(TRACK_STATUS_FILTERS).optional()),
  extractionYear: z.preprocess(blank, z.coerce.number().int().min(1990).max(2100).optional()),
  sort: z.preprocess(blank, z.enum(SORTS).default("naam")),
  page: z.preprocess(blank, z.coerce.number().int().min(1).max(100_000).default(1)),
});

export type CreateNewcomerInput = z.infer<typeof createNewcomerSchema>;
export type UpdateNewcomerInput = z.infer<typeof updateNewcomerSchema>;
export type ListNewcomersQuery = z.infer<typeof listNewcomersSchema>;
export type TrackStatusFilter = (typeof TRACK_STATUS_FILTERS)[number];
