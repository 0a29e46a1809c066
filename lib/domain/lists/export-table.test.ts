// The one table writer of the list exports: the same formula guard in CSV and XLSX, ISO dates
// (real date cells in XLSX), numbers as numbers, and the cap said in the file when it was hit.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { type ExportTable, tableToCsv, tableToXlsx } from "./export-table";

const table = (over: Partial<ExportTable> = {}): ExportTable => ({
  sheetName: "dossiers",
  columns: [
    { header: "naam", kind: "text" },
    { header: "geboortedatum", kind: "date" },
    { header: "bedrag_eur", kind: "number" },
  ],
  rows: [
    ['=HYPERLINK("http://x","klik")', "1990-05-17", 375],
    ["+32 475", "2001-12-31", null],
    ["-1", null, -5],
    ["@SUM(A1)", "2020-02-29", 0],
    ["Van der Berg, Jan", "1985-01-01", 100],
  ],
  cappedNote: null,
  ...over,
});

async function readXlsx(buf: Buffer) {
  const wb = new ExcelJS.Workbook();
  // exceljs' load types predate Buffer<ArrayBufferLike>
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb.worksheets[0]!;
}

describe("tableToCsv", () => {
  it("guards every text cell that a spreadsheet would run, quotes as RFC 4180, keeps ISO dates and numbers", () => {
    const lines = tableToCsv(table()).split("\r\n");
    expect(lines[0]).toBe("naam,geboortedatum,bedrag_eur");
    expect(lines[1]).toBe(`"'=HYPERLINK(""http://x"",""klik"")",1990-05-17,375`);
    expect(lines[2]).toBe("'+32 475,2001-12-31,");
    expect(lines[3]).toBe("'-1,,-5");
    expect(lines[4]).toBe("'@SUM(A1),2020-02-29,0");
    expect(lines[5]).toBe('"Van der Berg, Jan",1985-01-01,100');
    expect(lines[6]).toBe("");
    expect(lines).toHaveLength(7);
  });

  it("quotes a text with a line break, so a note over two lines stays one field of one row", () => {
    const csv = tableToCsv(
      table({
        rows: [
          ["regel 1\nregel 2", null, 1],
          ["oud\rnieuw", null, 2],
        ],
      }),
    );
    expect(csv).toBe('naam,geboortedatum,bedrag_eur\r\n"regel 1\nregel 2",,1\r\n"oud\rnieuw",,2\r\n');
  });

  it("says in its last line that the export was cut at the cap", () => {
    const lines = tableToCsv(table({ cappedNote: "Let op: afgekapt na de eerste 10.000 rijen" }))
      .trimEnd()
      .split("\r\n");
    expect(lines.at(-1)).toBe("Let op: afgekapt na de eerste 10.000 rijen");
  });
});

describe("tableToXlsx", () => {
  it("writes text as strings with the same guard (never a formula), dates as date cells, numbers as numbers", async () => {
    const ws = await readXlsx(await tableToXlsx(table()));
    expect(ws.getRow(1).values).toEqual([undefined, "naam", "geboortedatum", "bedrag_eur"]);
    for (let r = 2; r <= 6; r++) expect(ws.getCell(r, 1).type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell(2, 1).value).toBe(`'=HYPERLINK("http://x","klik")`);
    expect(ws.getCell(3, 1).value).toBe("'+32 475");
    expect(ws.getCell(4, 1).value).toBe("'-1");
    expect(ws.getCell(5, 1).value).toBe("'@SUM(A1)");
    expect(ws.getCell(2, 2).type).toBe(ExcelJS.ValueType.Date);
    expect((ws.getCell(2, 2).value as Date).toISOString()).toBe("1990-05-17T00:00:00.000Z");
    expect(ws.getCell(2, 2).numFmt).toBe("yyyy-mm-dd");
    expect(ws.getCell(2, 3).value).toBe(375);
    expect(ws.getCell(4, 3).value).toBe(-5);
    expect(ws.getCell(3, 3).value).toBeNull();
  });

  it("says above the header that the export was cut at the cap", async () => {
    const ws = await readXlsx(await tableToXlsx(table({ cappedNote: "=afgekapt" })));
    expect(ws.getCell(1, 1).value).toBe("'=afgekapt");
    expect(ws.getCell(2, 1).value).toBe("naam");
    expect(ws.rowCount).toBe(7);
  });
});
