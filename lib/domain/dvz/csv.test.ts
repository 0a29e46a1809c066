import { describe, expect, it } from "vitest";
import { escapeCsvCell, toDvzCsv } from "./csv";

describe("DVZ file", () => {
  it("holds exactly the five legal columns", () => {
    const csv = toDvzCsv([{ lastName: "El Amrani", firstName: "Samira", nationalNumber: "85073003328", contractSigned: true, attestationObtained: false }]);
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe("achternaam,voornaam,rijksregisternummer,contract_ondertekend,attest_behaald");
    expect(lines[1]).toBe("El Amrani,Samira,85073003328,ja,nee");
  });
  it("neutralises formula-like cells and quotes separators", () => {
    expect(escapeCsvCell('=HYPERLINK("http://x","klik")')).toBe(`"'=HYPERLINK(""http://x"",""klik"")"`);
    expect(escapeCsvCell("+32")).toBe("'+32");
    expect(escapeCsvCell("-1")).toBe("'-1");
    expect(escapeCsvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(escapeCsvCell("Van der Berg, Jan")).toBe('"Van der Berg, Jan"');
    expect(escapeCsvCell("De-Smet")).toBe("De-Smet");
  });
});
