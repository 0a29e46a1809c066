/**
 * Belgian national number (rijksregisternummer) and BIS number: validation, formatting, masking
 * and generation.
 *
 * Layout: 11 digits `YYMMDDSSSCC`. SSS is a sequence number (odd = male, even = female), CC a
 * check number: `97 - (YYMMDDSSS mod 97)` for births before 2000, `97 - (2YYMMDDSSS mod 97)` for
 * births from 2000 (the 2 is prefixed because the century is not in the number). BIS numbers
 * (for people not in the national register) use the same checksum with 20 (gender unknown) or
 * 40 (gender known) added to the month.
 */
import { msg, type MsgLike } from "@/lib/i18n/message";
import { UUID_PATTERN } from "./kit";

export type Gender = "M" | "V";

export type NationalNumberCheck = { ok: true; birthDate: string; gender: Gender | null; isBis: boolean } | { ok: false; reason: MsgLike };

/** Strips the usual separators (dots, dashes, spaces, slashes) users type or paste. */
export function normalizeNationalNumber(input: string): string {
  return input.replace(/[\s.\-/]/g, "");
}

function checkDigits(nine: string, born2000: boolean): number {
  // 2YYMMDDSSS exceeds 2^31 but stays far below 2^53, so plain numbers are exact.
  const n = Number(born2000 ? `2${nine}` : nine);
  return 97 - (n % 97);
}

function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

const pad2 = (n: number) => String(n).padStart(2, "0");

/**
 * Validates a national or BIS number, optionally against a known birth date (YYYY-MM-DD) and
 * gender. Reasons are message keys (messages/<locale>/errors.json), told in the reader's language.
 */
export function validateNationalNumber(input: string, expected: { birthDate?: string; gender?: Gender } = {}): NationalNumberCheck {
  const nn = normalizeNationalNumber(input);
  if (!/^\d{11}$/.test(nn)) {
    return { ok: false, reason: "nationalNumber.digits" };
  }
  const nine = nn.slice(0, 9);
  const cc = Number(nn.slice(9));
  const yy = Number(nn.slice(0, 2));
  let mm = Number(nn.slice(2, 4));
  const dd = Number(nn.slice(4, 6));
  const seq = Number(nn.slice(6, 9));

  let isBis = false;
  let genderKnown = true;
  if (mm >= 40) {
    isBis = true;
    mm -= 40;
  } else if (mm >= 20) {
    isBis = true;
    genderKnown = false;
    mm -= 20;
  }

  // The checksum tells the century: try both, the matching one decides.
  let century: 1900 | 2000;
  if (checkDigits(nine, false) === cc) century = 1900;
  else if (checkDigits(nine, true) === cc) century = 2000;
  else return { ok: false, reason: "nationalNumber.checksum" };

  if (seq === 0 || seq === 999) {
    return { ok: false, reason: "nationalNumber.sequence" };
  }

  // BIS numbers (and a few register numbers) may carry an unknown birth date as month or day 00.
  const dateUnknown = mm === 0 || dd === 0;
  const year = century + yy;
  if (!dateUnknown && !isRealDate(year, mm, dd)) {
    return { ok: false, reason: "nationalNumber.birthDateInvalid" };
  }
  const birthDate = dateUnknown ? "" : `${year}-${pad2(mm)}-${pad2(dd)}`;
  const gender: Gender | null = genderKnown ? (seq % 2 === 1 ? "M" : "V") : null;

  if (expected.birthDate !== undefined && !dateUnknown && expected.birthDate !== birthDate) {
    return {
      ok: false,
      reason: msg("nationalNumber.birthDateMismatch", { given: expected.birthDate, inNumber: birthDate }),
    };
  }
  if (expected.gender !== undefined && gender !== null && expected.gender !== gender) {
    return {
      ok: false,
      reason: msg("nationalNumber.genderMismatch", { given: expected.gender, inNumber: gender }),
    };
  }
  return { ok: true, birthDate, gender, isBis };
}

export function isValidNationalNumber(nn: string): boolean {
  return validateNationalNumber(nn).ok;
}

/** `85073003328` → `85.07.30-033.28` (input may already carry separators). */
export function formatNationalNumber(nn: string): string {
  const d = normalizeNationalNumber(nn);
  if (!/^\d{11}$/.test(d)) return nn;
  return `${d.slice(0, 2)}.${d.slice(2, 4)}.${d.slice(4, 6)}-${d.slice(6, 9)}.${d.slice(9, 11)}`;
}

/** Shows only the birth-date part, as screens do by default: `85.07.30-***.**`. */
export function maskNationalNumber(nn: string): string {
  if (/^\d{2}\.\d{2}\.\d{2}-\*{3}\.\*{2}$/.test(nn)) return nn; // masked already (audit rows are masked when written)
  const d = normalizeNationalNumber(nn);
  if (!/^\d{11}$/.test(d)) return "***********";
  return `${d.slice(0, 2)}.${d.slice(2, 4)}.${d.slice(4, 6)}-***.**`;
}

// Any run of exactly 11 digits, or the written form 85.07.30-033.28 (with dots, dashes or spaces
// as separators): whatever looks like a national number, valid or not, is masked. A UUID is
// matched first and kept: its last group is 12 hex characters, and about one random UUID in a
// hundred has 11 digits in a row there (an audit row's newcomer ids were being "masked").
const UUID = UUID_PATTERN;
const NATIONAL_NUMBER_IN_TEXT = new RegExp(`(${UUID})|(?<!\\d)(?:\\d{11}|\\d{2}[.\\s]?\\d{2}[.\\s]?\\d{2}[-.\\s]?\\d{3}[.\\s]?\\d{2})(?!\\d)`, "gi");
// The wide form, for log lines (an error text is free-form): every run of 11 or more digits and
// every spacing of the written form, also inside longer digit strings; blanked entirely.
const NATIONAL_NUMBER_IN_LOG = new RegExp(`(${UUID})|\\d{11,}|\\d{2}[.\\s-]?\\d{2}[.\\s-]?\\d{2}[.\\s-]?\\d{3}[.\\s-]?\\d{2}`, "gi");

/**
 * Masks every national number in a text (audit rows): `… 85073003328 …` → `… 85.07.30-***.** …`.
 * `{ wide: true }` (log lines) blanks more (see NATIONAL_NUMBER_IN_LOG) and keeps no birth date.
 */
export function maskNationalNumbersInText(text: string, opts: { wide?: boolean } = {}): string {
  if (opts.wide) return text.replace(NATIONAL_NUMBER_IN_LOG, (_m, uuid?: string) => uuid ?? "[rijksregisternummer]");
  return text.replace(NATIONAL_NUMBER_IN_TEXT, (m, uuid?: string) => uuid ?? maskNationalNumber(m));
}

/** The same, through every string (and 11-digit number) of a JSON-like value; keys are kept. */
export function maskNationalNumbersDeep<T>(value: T): T {
  if (typeof value === "string") return maskNationalNumbersInText(value) as T;
  if (typeof value === "number" && Number.isInteger(value) && String(Math.abs(value)).length === 11) return maskNationalNumber(String(value)) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => maskNationalNumbersDeep(v)) as T;
  if (value !== null && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, maskNationalNumbersDeep(v)])) as T;
  }
  return value;
}

/**
 * Builds a valid number for a birth date (YYYY-MM-DD) and sequence (1..998; its parity must
 * match the gender the caller wants). `bis` adds 40 to the month (BIS number, gender known).
 */
export function makeNationalNumber(birthDate: string, sequence: number, opts: { bis?: boolean } = {}): string {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 998) {
    throw new RangeError(`sequence out of range: ${sequence}`);
  }
  const year = Number(birthDate.slice(0, 4));
  const month = Number(birthDate.slice(5, 7)) + (opts.bis ? 40 : 0);
  const nine = `${birthDate.slice(2, 4)}${pad2(month)}${birthDate.slice(8, 10)}${String(sequence).padStart(3, "0")}`;
  return nine + pad2(checkDigits(nine, year >= 2000));
}
