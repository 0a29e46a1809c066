// The XLSX downloads (a report, the answer's workbook) state the kennisdatum under the title, beside
// the peildatum, when the figures are as recorded on an instant; and nothing when they are as now.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { answerTables } from "./answer-tables";
import { answerWorkbook } from "./answer-workbook";
import { report } from "./disclosure/fixture.test-support";
import { reportWorkbook } from "./xlsx";

const r = report("contracts", ["nationality"], 2021, 2022, [[["MAR"], { 2021: 6, 2022: 7 }]]);

async function firstLines(buf: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => [String(ws.getCell(1, 1).value ?? ""), String(ws.getCell(2, 1).value ?? "")]);
}

describe("the kennisdatum in the XLSX downloads", () => {
  it("is stated under the title of a report as recorded on an instant, in Brussels time", async () => {
    const [[title, line]] = (await firstLines(await reportWorkbook({ ...r, recordedOn: "2023-01-15T18:00:00.000Z" }, null))) as [[string, string]];
    expect(title).toContain("peildatum 2023-01-15");
    expect(line).toBe("Kennisdatum 15/01/2023 19:00: de cijfers zoals geregistreerd op dat ogenblik");
    const [[, none]] = (await firstLines(await reportWorkbook(r, null))) as [[string, string]];
    expect(none).toBe("");
  });

  it("is stated on every sheet of the answer's workbook", async () => {
    const table = answerTables.find((t) => t.measures.length === 1 && t.by.join() === "nationality")!;
    const sheets = await firstLines(await answerWorkbook([{ table, reports: [{ ...r, recordedOn: "2023-01-15T18:00:00.000Z" }] }], false, null, "en"));
    expect(sheets.map(([, line]) => line)).toEqual(["Knowledge time 15/01/2023 19:00: the figures as recorded at that instant"]);
  });
});
