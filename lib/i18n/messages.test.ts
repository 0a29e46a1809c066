import { describe, expect, it } from "vitest";
import { codes, dvzFollowUps } from "@/lib/domain/codes";
import { provinces } from "@/lib/domain/reports/province";
import { LOCALES, localeFromAcceptLanguage, localeOf } from "./locale";
import { catalogues, dynamicMessage, translator, type Namespace } from "./messages";

type Tree = { [k: string]: string | Tree };
function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === "string") out.set(prefix + k, v);
    else for (const [kk, vv] of leaves(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("message catalogues", () => {
  const namespaces = Object.keys(catalogues.nl) as Namespace[];
  for (const locale of LOCALES.filter((l) => l !== "nl")) {
    for (const ns of namespaces) {
      it(`${locale}/${ns}.json has exactly the keys and placeholders of nl/${ns}.json`, () => {
        const nl = leaves(catalogues.nl[ns] as Tree);
        const other = leaves(catalogues[locale][ns] as Tree);
        expect([...other.keys()].sort()).toEqual([...nl.keys()].sort());
        for (const [key, text] of nl) expect(placeholders(other.get(key) ?? ""), `${ns}.${key}`).toEqual(placeholders(text));
      });
    }
  }

  it("has no empty messages", () => {
    for (const locale of LOCALES)
      for (const ns of namespaces) for (const [key, text] of leaves(catalogues[locale][ns] as Tree)) expect(text.trim(), `${locale}/${ns}.${key}`).not.toBe("");
  });
});

// The Dutch code labels of messages/nl/codes.json are those of the reference lists, so that
// the Dutch pages read exactly as before and a renamed code shows up here.
describe("messages/nl/codes.json", () => {
  it("equals the labels of the code lists", () => {
    const nl = catalogues.nl.codes as Record<string, Record<string, string>>;
    const asMap = (list: readonly { code: string; label: string }[]) => Object.fromEntries(list.map((c) => [c.code, c.label]));
    expect(nl.infringementTypes).toEqual(asMap(codes.infringementTypes));
    expect(nl.genders).toEqual(asMap(codes.genders));
    expect(nl.targetGroups).toEqual(asMap(codes.targetGroups));
    expect(nl.nationalityGroups).toEqual(asMap(codes.nationalityGroups));
    expect(nl.provinces).toEqual(asMap(provinces));
    expect(nl.followUps).toEqual(asMap(dvzFollowUps));
    expect(nl.decisions).toEqual({ ...asMap(codes.decisions), IN_BEHANDELING: "in behandeling" });
  });
});

describe("translator", () => {
  it("looks up dotted keys per language and fills placeholders", () => {
    expect(translator("common")("nav.dossiers")).toBe("Dossiers");
    expect(translator("common", "en")("signedInAs", { name: "Ann" })).toBe("Signed in as Ann");
  });
  it("renders a missing key as a recognisable marker", () => {
    // @ts-expect-error a key that does not exist fails the type check
    expect(translator("common", "en")("nav.nope")).toBe("⟦common.nav.nope⟧");
    expect(dynamicMessage("fines", "en", "outcome.NOPE")).toBeUndefined();
    expect(dynamicMessage("fines", "en", "outcome.BOETE")).toBe("Fine");
  });
});

describe("choosing the language", () => {
  it("takes the actor's locale, Dutch when unknown", () => {
    expect(localeOf({ locale: "en" })).toBe("en");
    expect(localeOf({ locale: "fr" })).toBe("nl");
    expect(localeOf(null)).toBe("nl");
  });
  it("reads Accept-Language: English first → English, otherwise Dutch", () => {
    expect(localeFromAcceptLanguage("en-GB,en;q=0.9,nl;q=0.8")).toBe("en");
    expect(localeFromAcceptLanguage("nl-BE,nl;q=0.9,en;q=0.8")).toBe("nl");
    expect(localeFromAcceptLanguage("fr-BE,fr;q=0.9,en;q=0.5")).toBe("en");
    expect(localeFromAcceptLanguage("fr-BE")).toBe("nl");
    expect(localeFromAcceptLanguage("nl;q=0.5, en;q=0.8")).toBe("en");
    expect(localeFromAcceptLanguage(null)).toBe("nl");
  });
});
