// Which office an address belongs to, where the rule is clear (issue 14): the city of Antwerp
// (its districts' postal codes) → Atlas, the city of Ghent (its sub-municipalities) → IN-Gent,
// the Brussels-Capital Region → AGII Brussel, elsewhere in Flanders the AGII office of the
// province of the postal code. Wallonia and abroad have no office: null, the user decides.
// The rule only proposes: a change of office is the existing, audited move.

/** The districts of the city of Antwerp (Atlas serves the city, not the province). */
const ANTWERP_CITY = new Set(["2000", "2018", "2020", "2030", "2040", "2050", "2060", "2100", "2140", "2170", "2180", "2600", "2610", "2660"]);
/** The city of Ghent and its sub-municipalities (IN-Gent). */
const GHENT_CITY = new Set(["9000", "9030", "9031", "9032", "9040", "9041", "9042", "9050", "9051", "9052"]);

/** Postal code ranges of the Flemish provinces and Brussels (bpost's numbering by province). */
const RANGES: readonly [number, number, string][] = [
  [1000, 1299, "AGII_BRUSSEL"],
  [1500, 1999, "AGII_VLAAMS_BRABANT"],
  [2000, 2999, "AGII_ANTWERPEN"],
  [3000, 3499, "AGII_VLAAMS_BRABANT"],
  [3500, 3999, "AGII_LIMBURG"],
  [8000, 8999, "AGII_WEST_VLAANDEREN"],
  [9000, 9999, "AGII_OOST_VLAANDEREN"],
];

/** The office code the address belongs to, or null when no rule applies. */
export function officeForAddress(address: { countryCode?: string | null; postalCode?: string | null }): string | null {
  const country = (address.countryCode ?? "BE").toUpperCase();
  const code = address.postalCode?.trim() ?? "";
  if (country !== "BE" || !/^\d{4}$/.test(code)) return null;
  if (ANTWERP_CITY.has(code)) return "ATLAS";
  if (GHENT_CITY.has(code)) return "IN_GENT";
  const n = Number(code);
  return RANGES.find(([lo, hi]) => n >= lo && n <= hi)?.[2] ?? null;
}
