import { describe, expect, it } from "vitest";
import { looksLikeNationalNumber, normalizeSearchQuery, toSearchName } from "./search-name";

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
