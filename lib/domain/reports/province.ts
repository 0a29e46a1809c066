// The province of an office, an extra report dimension besides docs/DOMAIN.md's. Atlas (city of
// Antwerp) lies in the province of Antwerp, IN-Gent (city of Ghent) in East Flanders, and each
// AGII office is named after its province or Brussels. Offices a user adds later map to
// ONBEKEND until they are added here.
import { codes } from "@/lib/domain/codes";

export type ProvinceCode = "ANTWERPEN" | "LIMBURG" | "OOST_VLAANDEREN" | "VLAAMS_BRABANT" | "WEST_VLAANDEREN" | "BRUSSEL" | "ONBEKEND";

export const provinces: { code: ProvinceCode; label: string }[] = [
  { code: "ANTWERPEN", label: "Antwerpen" },
  { code: "LIMBURG", label: "Limburg" },
  { code: "OOST_VLAANDEREN", label: "Oost-Vlaanderen" },
  { code: "VLAAMS_BRABANT", label: "Vlaams-Brabant" },
  { code: "WEST_VLAANDEREN", label: "West-Vlaanderen" },
  { code: "BRUSSEL", label: "Brussel" },
  { code: "ONBEKEND", label: "onbekend" },
];

export const provinceOfOffice: Readonly<Record<string, ProvinceCode>> = {
  ATLAS: "ANTWERPEN",
  IN_GENT: "OOST_VLAANDEREN",
  AGII_ANTWERPEN: "ANTWERPEN",
  AGII_LIMBURG: "LIMBURG",
  AGII_OOST_VLAANDEREN: "OOST_VLAANDEREN",
  AGII_VLAAMS_BRABANT: "VLAAMS_BRABANT",
  AGII_WEST_VLAANDEREN: "WEST_VLAANDEREN",
  AGII_BRUSSEL: "BRUSSEL",
};

export function provinceOf(officeCode: string): ProvinceCode {
  return provinceOfOffice[officeCode] ?? "ONBEKEND";
}

/** Every office of the code list, for the test that none is forgotten. */
export const knownOfficeCodes = codes.offices.map((o) => o.code);
