import { describe, expect, it } from "vitest";
import { codes } from "@/lib/domain/codes";
import { officeForAddress } from "./office-from-address";

const office = (postalCode: string, countryCode?: string) => officeForAddress({ postalCode, countryCode });

describe("the office of an address", () => {
  it("sends the city of Antwerp to Atlas and the rest of the province to AGII Antwerpen", () => {
    for (const pc of ["2000", "2018", "2060", "2100", "2140", "2170", "2180", "2600", "2610", "2660", "2040"]) expect(office(pc)).toBe("ATLAS");
    for (const pc of ["2070", "2640", "2800", "2300", "2900"]) expect(office(pc)).toBe("AGII_ANTWERPEN");
  });

  it("sends the city of Ghent to IN-Gent and the rest of East Flanders to AGII Oost-Vlaanderen", () => {
    for (const pc of ["9000", "9030", "9031", "9032", "9040", "9041", "9042", "9050", "9051", "9052"]) expect(office(pc)).toBe("IN_GENT");
    for (const pc of ["9060", "9070", "9090", "9100", "9300", "9999"]) expect(office(pc)).toBe("AGII_OOST_VLAANDEREN");
  });

  it("sends Brussels to AGII Brussel and the other provinces to their AGII office", () => {
    expect(office("1000")).toBe("AGII_BRUSSEL");
    expect(office("1210")).toBe("AGII_BRUSSEL");
    expect(office("1500")).toBe("AGII_VLAAMS_BRABANT");
    expect(office("3000")).toBe("AGII_VLAAMS_BRABANT");
    expect(office("3499")).toBe("AGII_VLAAMS_BRABANT");
    expect(office("3500")).toBe("AGII_LIMBURG");
    expect(office("3999")).toBe("AGII_LIMBURG");
    expect(office("8000")).toBe("AGII_WEST_VLAANDEREN");
    expect(office("8999")).toBe("AGII_WEST_VLAANDEREN");
  });

  it("proposes nothing for Wallonia, abroad or an unusable code", () => {
    for (const pc of ["1300", "1499", "4000", "5000", "6000", "7999"]) expect(office(pc)).toBeNull();
    expect(office("2000", "NL")).toBeNull();
    expect(office("")).toBeNull();
    expect(office("20000")).toBeNull();
    expect(officeForAddress({})).toBeNull();
  });

  it("only names offices of the code list", () => {
    const known = new Set(codes.offices.map((o) => o.code));
    for (let pc = 1000; pc <= 9999; pc++) {
      const o = office(String(pc));
      if (o) expect(known.has(o)).toBe(true);
    }
  });
});
