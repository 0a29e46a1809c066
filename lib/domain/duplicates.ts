// Likely duplicate persons and what merging two dossiers changes (issue 14). Pure rules: the
// database finds the candidates with the same key (newcomer_search_name_birth_date_idx), these
// functions say why two dossiers match, which number a merge keeps and what the reports see.
import { validateNationalNumber } from "./national-number";

/** BIS_AND_NATIONAL: one person first known under a BIS number, later under a national number. */
export type DuplicateReason = "BIS_AND_NATIONAL" | "SAME_NAME_BIRTH_DATE";

export interface DuplicateCandidate {
  /** the stored search name (lib/domain/search-name.ts): accents and case already ignored */
  searchName: string;
  /** YYYY-MM-DD */
  birthDate: string;
  nationalNumber: string;
}

/** A BIS number (month + 20 or + 40), as opposed to a national-register number. */
export function isBisNumber(nationalNumber: string): boolean {
  const check = validateNationalNumber(nationalNumber);
  return check.ok && check.isBis;
}

/** Why two dossiers are likely the same person, or null: same name (accents and case ignored) and same birth date. */
export function duplicateReason(a: DuplicateCandidate, b: DuplicateCandidate): DuplicateReason | null {
  if (a.nationalNumber === b.nationalNumber) return null;
  if (a.searchName !== b.searchName || a.birthDate !== b.birthDate) return null;
  return isBisNumber(a.nationalNumber) !== isBisNumber(b.nationalNumber) ? "BIS_AND_NATIONAL" : "SAME_NAME_BIRTH_DATE";
}

/**
 * The numbers after a merge: the surviving dossier (the user's choice) keeps the national number
 * — the merged one's when the survivor only had a BIS number — and the other becomes an alias.
 */
export function numbersAfterMerge(survivorNumber: string, mergedNumber: string): { kept: string; alias: string; keptFrom: "survivor" | "merged" } {
  if (isBisNumber(survivorNumber) && !isBisNumber(mergedNumber)) return { kept: mergedNumber, alias: survivorNumber, keptFrom: "merged" };
  return { kept: survivorNumber, alias: mergedNumber, keptFrom: "survivor" };
}

export interface MergeEvent {
  type: string;
  /** YYYY-MM-DD */
  date: string;
  live: boolean;
}

/**
 * What a merge changes in the reports: the first-of-type facts (first extraction, first contract,
 * …) are per person, so a step both dossiers have was counted as two "firsts" and becomes one,
 * in the year of the earlier. Every other fact (each event) is counted as before. One line per
 * type that both dossiers have live; the rest is unchanged.
 */
export function mergeEffect(survivor: readonly MergeEvent[], merged: readonly MergeEvent[]) {
  const firstOf = (events: readonly MergeEvent[], type: string) =>
    events
      .filter((e) => e.live && e.type === type)
      .map((e) => e.date)
      .sort()[0];
  const types = [...new Set([...survivor, ...merged].filter((e) => e.live).map((e) => e.type))].sort();
  const lines: { type: string; count: number; firstYears: number[]; firstYearAfter: number }[] = [];
  for (const type of types) {
    const a = firstOf(survivor, type);
    const b = firstOf(merged, type);
    if (a === undefined || b === undefined) continue;
    const count = [...survivor, ...merged].filter((e) => e.live && e.type === type).length;
    const [ya, yb] = [Number(a.slice(0, 4)), Number(b.slice(0, 4))];
    lines.push({ type, count, firstYears: [ya, yb].sort((p, q) => p - q), firstYearAfter: Math.min(ya, yb) });
  }
  return lines;
}
