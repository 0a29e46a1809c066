// Belgian postal codes and their place names, from the reference list beside this file
// (postal-codes-be.json; source and licence in README.md). The list covers Brussels and Flanders,
// where the agencies work, in full; a Walloon postal code (1300–1499, 4000–7999) is accepted by its
// range without a name check (see README.md).
import places from "./postal-codes-be.json";

const PLACES: Readonly<Record<string, readonly string[]>> = places;

/** Walloon ranges: real Belgian codes the list does not name (no agency office there). */
const WALLOON_RANGES: readonly [number, number][] = [
  [1300, 1499],
  [4000, 7999],
];

const isWalloon = (code: string) => WALLOON_RANGES.some(([lo, hi]) => Number(code) >= lo && Number(code) <= hi);

/** Case, accents, hyphens, apostrophes and spaces do not count when a name is compared. */
export function placeKey(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

export type PostalCodeCheck = { ok: true } | { ok: false; reason: "postalCodeFormat" | "postalCodeUnknown" | "municipalityMismatch" };

/** A Belgian postal code (4 digits, known) and, when given, a municipality name that belongs to it. */
export function checkBelgianAddress(postalCode: string, municipality?: string): PostalCodeCheck {
  if (!/^\d{4}$/.test(postalCode)) return { ok: false, reason: "postalCodeFormat" };
  const names = PLACES[postalCode];
  if (!names) return isWalloon(postalCode) ? { ok: true } : { ok: false, reason: "postalCodeUnknown" };
  if (municipality === undefined) return { ok: true };
  const key = placeKey(municipality);
  return names.some((n) => placeKey(n) === key) ? { ok: true } : { ok: false, reason: "municipalityMismatch" };
}

/** The place names of a postal code as listed (for a hint in the form), or []. */
export function placesOf(postalCode: string): readonly string[] {
  return PLACES[postalCode] ?? [];
}
