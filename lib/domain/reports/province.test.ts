import { describe, expect, it } from "vitest";
import { knownOfficeCodes, provinceOf, provinces } from "./province";

describe("province of an office", () => {
  it("maps every office of the code list to a real province", () => {
    for (const office of knownOfficeCodes) expect(provinceOf(office), office).not.toBe("ONBEKEND");
  });
  it("places the city agencies in their provinces and unknown offices nowhere", () => {
    expect(provinceOf("ATLAS")).toBe("ANTWERPEN");
    expect(provinceOf("IN_GENT")).toBe("OOST_VLAANDEREN");
    expect(provinceOf("AGII_BRUSSEL")).toBe("BRUSSEL");
    expect(provinceOf("NIEUW_KANTOOR")).toBe("ONBEKEND");
    expect(provinces.map((p) => p.code)).toContain("ONBEKEND");
  });
});
