// The searchable form of a name: lower case, accents and punctuation removed, single spaces.
// Stored on the newcomer (search_name, trigram-indexed) and applied to what users type, so
// "Öztürk", "ozturk" and "OZTÜRK" all find the same person.

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
