// Invented but plausible contact details for the demo set (issue 14): an address in the area of
// the newcomer's office — a postal code the office rule (office-from-address.ts) gives to that very
// office, so the rule and the letters can be tried at once — a street from a list of common Flemish
// street names, and for some a mobile number, an e-mail address at example.org and a contact
// language. Drawn from an RNG of their own, so the rest of the data set (and its oracle) is unchanged.
import { officeForAddress } from "@/lib/domain/contact/office-from-address";
import places from "@/lib/domain/contact/postal-codes-be.json";
import type { ExchangeContact, ExchangeNewcomer } from "@/lib/domain/exchange/record";
import type { Rng } from "./rng";

const STREETS = [
  "Kerkstraat",
  "Stationsstraat",
  "Dorpsstraat",
  "Molenstraat",
  "Schoolstraat",
  "Nieuwstraat",
  "Kapelstraat",
  "Beekstraat",
  "Veldstraat",
  "Lindenlaan",
  "Hoogstraat",
  "Langestraat",
  "Brugstraat",
  "Meersstraat",
  "Kasteelstraat",
  "Bergstraat",
  "Sint-Jansstraat",
  "Steenweg",
  "Processiestraat",
  "Beukenlaan",
];
/** Belgian mobile prefixes (04xx without the 0): valid numbers for libphonenumber. */
const MOBILE_PREFIXES = ["470", "471", "472", "475", "476", "477", "478", "479", "485", "486", "494", "495"];
const LANGUAGES = ["nl", "fr", "en", "ar", "tr", "ru", "uk", "es", "ro", "pl", "fa", "ti", "so"];

/** The postal codes of each office's area, from the reference list through the office rule. */
const CODES_BY_OFFICE = (() => {
  const out = new Map<string, string[]>();
  for (const code of Object.keys(places)) {
    const office = officeForAddress({ postalCode: code });
    if (office) out.set(office, [...(out.get(office) ?? []), code]);
  }
  return out;
})();

/** A name of the postal code as people write it: Dutch (the list ends with it) in Brussels. */
function placeName(rng: Rng, code: string): string {
  const names = (places as Record<string, string[]>)[code]!;
  return Number(code) < 1300 ? names[names.length - 1]! : rng.pick(names);
}

const asciiLower = (s: string) =>
  s
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z]/g, "");

export function demoContact(rng: Rng, n: Pick<ExchangeNewcomer, "office" | "firstName" | "lastName">): ExchangeContact | undefined {
  const codes = CODES_BY_OFFICE.get(n.office);
  if (!codes || rng.chance(0.03)) return undefined; // a few have no known address (yet)
  const postalCode = rng.pick(codes);
  const contact: ExchangeContact = {
    street: rng.pick(STREETS),
    houseNumber: String(rng.int(1, 240)) + (rng.chance(0.08) ? "A" : ""),
    ...(rng.chance(0.2) ? { boxNumber: String(rng.int(1, 30)) } : {}),
    postalCode,
    city: placeName(rng, postalCode),
    countryCode: "BE",
  };
  if (rng.chance(0.7)) contact.phoneNumber = `+32${rng.pick(MOBILE_PREFIXES)}${String(rng.int(0, 999_999)).padStart(6, "0")}`;
  if (rng.chance(0.35)) contact.emailAddress = `${asciiLower(n.firstName)}.${asciiLower(n.lastName)}${rng.int(1, 99)}@example.org`;
  if (rng.chance(0.6)) contact.contactLanguage = rng.pick(LANGUAGES);
  return contact;
}
