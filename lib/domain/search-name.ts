// The searchable form of a name: lower case, accents and punctuation removed, single spaces.
// Stored on the newcomer (search_name, trigram-indexed) and applied to what users type, so
// "Öztürk", "ozturk" and "OZTÜRK" all find the same person.
import { hasLikeWildcard } from "./validation/like";

/** "Öztürk-Yılmaz", "Ayşe" → "ozturk yilmaz ayse" (last name first, as stored). */
export function toSearchName(lastName: string, firstName: string): string {
  return normalizeSearchQuery(`${lastName} ${firstName}`);
}

/** Normalises free text typed in the search box the same way the stored name is normalised. */
export function normalizeSearchQuery(input: string): string {
  return input
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ı/g, "i")
    .replace(/ß/g, "ss")
    .replace(/[øØ]/g, "o")
    .replace(/[łŁ]/g, "l")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** Is the query a (partial) national number rather than a name? Digits with dots, dashes, spaces. */
export function looksLikeNationalNumber(input: string): boolean {
  return /^[\d.\-\s]+$/.test(input.trim()) && /\d/.test(input);
}

/** A birth date typed as dd/mm/jjjj (d/m/jjjj too) → YYYY-MM-DD, or null (not such a date, or no real day). */
export function birthDateQuery(input: string): string | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(input.trim());
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** "El Amrani 1985": a name with a birth year (a word of four digits, 1900–2099) → the year and the name, else null. */
export function nameAndBirthYearQuery(input: string): { name: string; year: number } | null {
  const words = input.trim().split(/\s+/);
  const i = words.findIndex((w) => /^(19|20)\d\d$/.test(w));
  if (i < 0 || words.length < 2) return null;
  return { year: Number(words[i]), name: words.filter((_, j) => j !== i).join(" ") };
}

/**
 * What a search box query asks for — the one reading of it that the dossier list's SQL
 * (searchFilter in lib/server/dossiers/list-newcomers.ts) and its name-word path
 * (name-word-search.ts) both follow: a birth date, a name with a birth year, a (partial) national
 * number, or name words. `literal`: the typed tokens holding a LIKE wildcard (`%`, `_`, `\`),
 * which normalising would drop, matched as typed.
 */
export type SearchQuery =
  | { kind: "birth-date"; date: string }
  | { kind: "name-and-year"; year: number; rest: SearchQuery }
  | { kind: "national-number"; digits: string }
  | { kind: "name"; words: string[]; literal: string[] };

export function classifySearchQuery(input: string): SearchQuery {
  const date = birthDateQuery(input);
  if (date) return { kind: "birth-date", date };
  const withYear = nameAndBirthYearQuery(input);
  if (withYear) return { kind: "name-and-year", year: withYear.year, rest: classifySearchQuery(withYear.name) };
  if (looksLikeNationalNumber(input)) return { kind: "national-number", digits: input.replace(/\D/g, "").slice(0, 11) };
  const words = normalizeSearchQuery(input).split(" ").filter(Boolean);
  return { kind: "name", words, literal: input.split(/\s+/).filter(hasLikeWildcard) };
}
