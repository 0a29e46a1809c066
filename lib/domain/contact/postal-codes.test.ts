import { describe, expect, it } from "vitest";
import { checkBelgianAddress, placeKey, placesOf } from "./postal-codes";
import list from "./postal-codes-be.json";

describe("Belgian postal codes", () => {
  it("accepts a known code with one of its names, whatever the case, accents or hyphens", () => {
    expect(checkBelgianAddress("2000", "Antwerpen")).toEqual({ ok: true });
    expect(checkBelgianAddress("9000", "gent")).toEqual({ ok: true });
    expect(checkBelgianAddress("2040", "Berendrecht")).toEqual({ ok: true });
    expect(checkBelgianAddress("1000", "Brussel")).toEqual({ ok: true });
    expect(checkBelgianAddress("1000", "Bruxelles")).toEqual({ ok: true });
    expect(checkBelgianAddress("3010", "Kessel-Lo")).toEqual({ ok: true });
    expect(checkBelgianAddress("9600", "Ronse")).toEqual({ ok: true });
    expect(checkBelgianAddress("2600")).toEqual({ ok: true });
  });

  it("refuses a name of another code, an unknown code and a malformed one", () => {
    expect(checkBelgianAddress("2000", "Gent")).toEqual({ ok: false, reason: "municipalityMismatch" });
    expect(checkBelgianAddress("1100")).toEqual({ ok: false, reason: "postalCodeUnknown" });
    expect(checkBelgianAddress("9999")).toEqual({ ok: false, reason: "postalCodeUnknown" });
    expect(checkBelgianAddress("200")).toEqual({ ok: false, reason: "postalCodeFormat" });
    expect(checkBelgianAddress("20001")).toEqual({ ok: false, reason: "postalCodeFormat" });
    expect(checkBelgianAddress("2OOO")).toEqual({ ok: false, reason: "postalCodeFormat" });
  });

  it("accepts a Walloon code by its range, without a name check (the list does not name them)", () => {
    expect(checkBelgianAddress("4000", "Liège")).toEqual({ ok: true });
    expect(checkBelgianAddress("1348", "Louvain-la-Neuve")).toEqual({ ok: true });
  });

  it("ships a list of 4-digit codes with names", () => {
    const entries = Object.entries(list);
    expect(entries.length).toBeGreaterThan(500);
    for (const [code, names] of entries) {
      expect(code).toMatch(/^\d{4}$/);
      expect(names.length).toBeGreaterThan(0);
    }
    expect(placesOf("9000")).toContain("Gent");
    expect(placeKey("Sint-Job-In-'t-Goor")).toBe("sintjobintgoor");
  });
});
