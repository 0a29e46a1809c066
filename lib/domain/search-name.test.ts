import { describe, expect, it } from "vitest";
import { birthDateQuery, classifySearchQuery, looksLikeNationalNumber, nameAndBirthYearQuery, normalizeSearchQuery, toSearchName } from "./search-name";

describe("search name", () => {
  it("removes accents, case and punctuation", () => {
    expect(toSearchName("Öztürk-Yılmaz", "Ayşe")).toBe("ozturk yilmaz ayse");
    expect(normalizeSearchQuery("  EL   Amrani ")).toBe("el amrani");
    expect(normalizeSearchQuery("Łukasz Nørgaard")).toBe("lukasz norgaard");
  });
  it("recognises a national number typed with dots and dashes", () => {
    expect(looksLikeNationalNumber("85.07.30-033.28")).toBe(true);
    expect(looksLikeNationalNumber("El Amrani")).toBe(false);
    expect(looksLikeNationalNumber("--")).toBe(false);
  });
});

describe("birth date and birth year in a search", () => {
  it("reads dd/mm/jjjj and refuses days that do not exist", () => {
    expect(birthDateQuery("30/07/1985")).toBe("1985-07-30");
    expect(birthDateQuery(" 1/2/2001 ")).toBe("2001-02-01");
    expect(birthDateQuery("31/02/1985")).toBeNull();
    expect(birthDateQuery("1985-07-30")).toBeNull();
  });

  it("splits a name and a birth year", () => {
    expect(nameAndBirthYearQuery("El Amrani 1985")).toEqual({ name: "El Amrani", year: 1985 });
    expect(nameAndBirthYearQuery("1985")).toBeNull();
    expect(nameAndBirthYearQuery("Peeters")).toBeNull();
  });
});

describe("one reading of a search query", () => {
  it("tells a birth date, a name with a year, a national number and name words apart", () => {
    expect(classifySearchQuery("30/07/1985")).toEqual({ kind: "birth-date", date: "1985-07-30" });
    expect(classifySearchQuery("El Amrani 1985")).toEqual({
      kind: "name-and-year",
      year: 1985,
      rest: { kind: "name", words: ["el", "amrani"], literal: [] },
    });
    expect(classifySearchQuery("85.07.30-033.28")).toEqual({ kind: "national-number", digits: "85073003328" });
    expect(classifySearchQuery("8507")).toEqual({ kind: "national-number", digits: "8507" });
    expect(classifySearchQuery("Öztürk-Yılmaz")).toEqual({ kind: "name", words: ["ozturk", "yilmaz"], literal: [] });
  });
  it("keeps the tokens with a LIKE wildcard to match them as typed, and finds no words in punctuation", () => {
    expect(classifySearchQuery("100% peeters")).toEqual({ kind: "name", words: ["100", "peeters"], literal: ["100%"] });
    expect(classifySearchQuery("?!")).toEqual({ kind: "name", words: [], literal: [] });
  });
});
