// The contact details of a newcomer, each optional but validated: the address (Belgian postal code
// and municipality against the reference list, postal-codes.ts; abroad only the format), phone
// (libphonenumber, stored in E.164), e-mail and the preferred contact language. The same fields and
// rules serve the forms (newcomer.schema.ts) and the import (one home for the rule).
import { parsePhoneNumberFromString } from "libphonenumber-js";
import { z } from "zod";
import { text } from "@/lib/domain/validation/text";
import type { ErrorKey } from "@/lib/i18n/message";
import { checkBelgianAddress } from "./postal-codes";

/** Languages a letter or a call can be offered in (ISO 639 codes; labels by Intl.DisplayNames). */
export const CONTACT_LANGUAGES = [
  "nl",
  "fr",
  "en",
  "de",
  "ar",
  "tr",
  "ru",
  "uk",
  "es",
  "pt",
  "it",
  "pl",
  "ro",
  "bg",
  "sq",
  "fa",
  "prs",
  "ps",
  "ur",
  "so",
  "ti",
  "am",
  "ku",
  "hy",
  "ka",
  "ne",
  "zh",
] as const;

/** The countries the address form offers (any ISO 3166 code is valid in the import), Belgium first. */
export const ADDRESS_COUNTRIES = [
  "BE",
  "NL",
  "FR",
  "DE",
  "LU",
  "GB",
  "IE",
  "ES",
  "PT",
  "IT",
  "AT",
  "CH",
  "DK",
  "SE",
  "NO",
  "FI",
  "PL",
  "CZ",
  "SK",
  "HU",
  "RO",
  "BG",
  "GR",
  "HR",
  "SI",
  "RS",
  "BA",
  "AL",
  "MK",
  "XK",
  "UA",
  "RU",
  "TR",
  "MA",
  "DZ",
  "TN",
  "EG",
  "SY",
  "IQ",
  "IR",
  "AF",
  "PK",
  "IN",
  "CN",
  "US",
  "CA",
  "BR",
  "CD",
  "CM",
  "GN",
  "NG",
  "ER",
  "ET",
  "SO",
] as const;

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v === null ? undefined : v);
const optionalText = (max: number, tooLong: ErrorKey) => z.preprocess(blank, text().trim().max(max, tooLong).optional());

/** A country as an ISO 3166 alpha-2 code that Intl knows (it returns the code itself for an unknown one). */
const regionNames = new Intl.DisplayNames(["en"], { type: "region", fallback: "code" });
/** Codes Intl names that are no country (unknown, unions, user-assigned). */
const NOT_COUNTRIES = new Set(["ZZ", "EU", "EZ", "UN", "QO", "XA", "XB"]);
export const isCountryCode = (c: string) => /^[A-Z]{2}$/.test(c) && !NOT_COUNTRIES.has(c) && regionNames.of(c) !== c;

export const contactFields = {
  street: optionalText(100, "contact.streetTooLong"),
  houseNumber: z.preprocess(
    blank,
    text()
      .trim()
      .regex(/^\d{1,5}[A-Za-z]{0,3}(-\d{1,5}[A-Za-z]{0,3})?$/, "contact.houseNumberInvalid")
      .optional(),
  ),
  boxNumber: z.preprocess(
    blank,
    text()
      .trim()
      .regex(/^[A-Za-z0-9.\-/]{1,10}$/, "contact.boxNumberInvalid")
      .optional(),
  ),
  postalCode: z.preprocess(blank, text().trim().max(12, "contact.postalCodeFormat").optional()),
  city: optionalText(80, "contact.municipalityTooLong"),
  countryCode: z.preprocess(
    blank,
    text()
      .trim()
      .transform((s) => s.toUpperCase())
      .refine(isCountryCode, "contact.countryInvalid")
      .optional(),
  ),
  phoneNumber: z.preprocess(
    blank,
    text()
      .trim()
      .max(40, "contact.phoneInvalid")
      .transform((s, ctx) => {
        const p = parsePhoneNumberFromString(s, "BE");
        if (!p?.isValid()) {
          ctx.addIssue({ code: "custom", message: "contact.phoneInvalid" });
          return z.NEVER;
        }
        return p.number;
      })
      .optional(),
  ),
  emailAddress: z.preprocess(
    blank,
    text()
      .trim()
      .max(254, "contact.emailInvalid")
      .refine((s) => z.email().safeParse(s).success, "contact.emailInvalid")
      .transform((s) => s.toLowerCase())
      .optional(),
  ),
  contactLanguage: z.preprocess(blank, z.enum(CONTACT_LANGUAGES, { message: "contact.languageInvalid" }).optional()),
};

export interface ContactValues {
  street?: string;
  houseNumber?: string;
  boxNumber?: string;
  postalCode?: string;
  city?: string;
  countryCode?: string;
  phoneNumber?: string;
  emailAddress?: string;
  contactLanguage?: string;
}

/** The stored country: only with an address (the form always sends one), Belgium when none is given. */
export function countryOf(v: ContactValues): string | undefined {
  const hasAddress = Boolean(v.street || v.houseNumber || v.boxNumber || v.postalCode || v.city);
  return hasAddress ? (v.countryCode ?? "BE") : undefined;
}

const POSTAL_PROBLEMS: Record<"postalCodeFormat" | "postalCodeUnknown" | "municipalityMismatch", [keyof ContactValues, ErrorKey]> = {
  postalCodeFormat: ["postalCode", "contact.postalCodeFormat"],
  postalCodeUnknown: ["postalCode", "contact.postalCodeUnknown"],
  municipalityMismatch: ["city", "contact.municipalityMismatch"],
};

/** The rules across the address fields, every problem at once: [field, message key][]. */
export function contactProblems(v: ContactValues): [keyof ContactValues, ErrorKey][] {
  const out: [keyof ContactValues, ErrorKey][] = [];
  if (v.houseNumber && !v.street) out.push(["street", "contact.streetRequired"]);
  if (v.boxNumber && !v.houseNumber) out.push(["houseNumber", "contact.houseNumberRequired"]);
  if (v.street && !v.postalCode) out.push(["postalCode", "contact.postalCodeRequired"]);
  if (v.postalCode && !v.city) out.push(["city", "contact.municipalityRequired"]);
  if (v.city && !v.postalCode) out.push(["postalCode", "contact.postalCodeRequired"]);
  const country = countryOf(v);
  if (v.postalCode && country === "BE") {
    const check = checkBelgianAddress(v.postalCode, v.city);
    if (!check.ok) out.push(POSTAL_PROBLEMS[check.reason]);
  } else if (v.postalCode && !/^[A-Za-z0-9][A-Za-z0-9 -]{1,11}$/.test(v.postalCode)) {
    out.push(["postalCode", "contact.postalCodeFormatAbroad"]);
  }
  return out;
}

/** The same rules as zod issues, for a schema's superRefine (with ALWAYS: also when a field failed). */
export function checkContact(v: ContactValues, ctx: z.RefinementCtx) {
  const strings = Object.fromEntries(Object.entries(v).filter(([, x]) => typeof x === "string" && x.trim() !== "")) as ContactValues;
  for (const [path, message] of contactProblems(strings)) ctx.addIssue({ code: "custom", path: [path], message });
}

/** Run a refinement even when a field of the object failed: every error of a submission at once. */
export const ALWAYS = { when: () => true };

/** The contact columns as stored (null: not known), in the exchange format's key order. */
export interface StoredContact {
  street: string | null;
  houseNumber: string | null;
  boxNumber: string | null;
  postalCode: string | null;
  city: string | null;
  countryCode: string | null;
  phoneNumber: string | null;
  emailAddress: string | null;
  contactLanguage: string | null;
}

export const CONTACT_KEYS = [
  "street",
  "houseNumber",
  "boxNumber",
  "postalCode",
  "city",
  "countryCode",
  "phoneNumber",
  "emailAddress",
  "contactLanguage",
] as const satisfies readonly (keyof StoredContact)[];

/** Validated values → the stored columns (country Belgium when an address has none). */
export function storedContact(v: ContactValues): StoredContact {
  return {
    street: v.street ?? null,
    houseNumber: v.houseNumber ?? null,
    boxNumber: v.boxNumber ?? null,
    postalCode: v.postalCode ?? null,
    city: v.city ?? null,
    countryCode: countryOf(v) ?? null,
    phoneNumber: v.phoneNumber ?? null,
    emailAddress: v.emailAddress ?? null,
    contactLanguage: v.contactLanguage ?? null,
  };
}

/** The contact schema of the exchange format's `contact` object: only these keys, every error at once. */
export const exchangeContactSchema = z.strictObject(contactFields, { error: () => ({ message: "line.unknownField" }) }).superRefine(checkContact, ALWAYS);
