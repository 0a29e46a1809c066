import { describe, expect, it } from "vitest";
import { birthDateQuery, looksLikeNationalNumber, nameAndBirthYearQuery, normalizeSearchQuery, toSearchName } from "./search-name";

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
