import { describe, expect, it } from "vitest";
import { toDvzCsv } from "./csv";

describe("DVZ file", () => {
  it("holds exactly the five legal columns", () => {
    const csv = toDvzCsv([{ lastName: "El Amrani", firstName: "Samira", nationalNumber: "85073003328", contractSigned: true, attestationObtained: false }]);
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe("achternaam,voornaam,rijksregisternummer,contract_ondertekend,attest_behaald");
    expect(lines[1]).toBe("El Amrani,Samira,85073003328,ja,nee");
  });
  it("neutralises formula-like cells and quotes separators", () => {
    const row = (lastName: string) =>
      toDvzCsv([{ lastName, firstName: "X", nationalNumber: "85073003328", contractSigned: false, attestationObtained: false }]).split("\r\n")[1];
    expect(row('=HYPERLINK("http://x","klik")')).toBe(`"'=HYPERLINK(""http://x"",""klik"")",X,85073003328,nee,nee`);
    expect(row("+32")).toBe("'+32,X,85073003328,nee,nee");
    expect(row("-1")).toBe("'-1,X,85073003328,nee,nee");
    expect(row("@SUM(A1)")).toBe("'@SUM(A1),X,85073003328,nee,nee");
    expect(row("Van der Berg, Jan")).toBe('"Van der Berg, Jan",X,85073003328,nee,nee');
    expect(row("De-Smet")).toBe("De-Smet,X,85073003328,nee,nee");
  });
});
