// The answer as printed: the tables by office with their agency subtotals (bold) and the offices
// beneath, the subtotals the shown figures of the disclosure model (hidden ones read the mark),
// and the same layout and footnotes in the workbook.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import fixture from "@/tests/fixtures/sv113-2023.json";
import { answerTables } from "./answer-tables";
import { answerFootnotes, footnoteFigures } from "./answer-texts";
import { answerWorkbook } from "./answer-workbook";
import { report } from "./disclosure/fixture.test-support";
import { protectTables, SUPPRESSED } from "./disclosure/protect";
import { displayLines } from "./display-grid";

type Years = Record<string, number>;
const rows = (t: Record<string, Years>) => Object.entries(t).map(([k, ys]) => [[k], ys] as [string[], Years]);
const t09 = () => report("infringements", ["office"], 2019, 2022, rows(fixture.t09_infringements_office));
const t10 = () => report("infringements", ["infringement_type"], 2019, 2022, rows(fixture.t10_infringements_type));
const table = (n: number) => answerTables.find((t) => t.number === n)!;

describe("displayLines", () => {
  it("prints Table 9 as printed: Atlas and IN-Gent as agency lines, the Vlaams Agentschap with its total and its offices beneath", () => {
    const lines = displayLines(t09(), null, { agencySubtotals: true });
    expect(lines.map((l) => [l.kind, l.keys.join(",")])).toEqual([
      ["agency", "ATLAS"],
      ["agency", "IN_GENT"],
      ["agency", "AGII"],
      ["office", "AGII_ANTWERPEN"],
      ["office", "AGII_LIMBURG"],
      ["office", "AGII_OOST_VLAANDEREN"],
      ["office", "AGII_VLAAMS_BRABANT"],
      ["office", "AGII_WEST_VLAANDEREN"],
    ]);
    const agii = lines[2]!;
    expect(agii.labels).toEqual(["Vlaams Agentschap"]);
    // every subtotal is the sum of its offices: 1.435 − 514 − 210 = 711 in 2019 (the Totaal line of Table 9)
    const offices = lines.filter((l) => l.kind === "office");
    agii.cells.forEach((v, j) => expect(v).toBe(offices.reduce((s, o) => s + (o.cells[j] as number), 0)));
    expect(agii.cells[0]).toBe(1435 - 514 - 210);
  });

  it("prints Table 1 as printed: the agency line, a province's line under the Vlaams Agentschap, the registered split beneath", () => {
    const reach = Object.entries(fixture.t01_reach).flatMap(([office, v]) => [
      [[office, "AANGEMELD"], v.AANGEMELD] as [string[], Years],
      [[office, "NIET_AANGEMELD"], v.NIET_AANGEMELD] as [string[], Years],
    ]);
    const lines = displayLines(report("reach", ["office", "registered"], 2019, 2022, reach), null, { agencySubtotals: true });
    expect(lines.slice(0, 4).map((l) => [l.kind, l.keys.join(",")])).toEqual([
      ["agency", "ATLAS,"],
      ["office", "ATLAS,AANGEMELD"],
      ["office", "ATLAS,NIET_AANGEMELD"],
      ["agency", "IN_GENT,"],
    ]);
    // Atlas as printed: 8.147 in 2019 (its ALL row)
    expect(lines[0]!.cells.slice(0, 4)).toEqual(Object.values(fixture.t01_reach.ATLAS.ALL));
    const agiiAt = lines.findIndex((l) => l.keys[0] === "AGII");
    expect(lines[agiiAt]!.labels).toEqual(["Vlaams Agentschap", ""]);
    expect(lines[agiiAt]!.cells.slice(0, 4)).toEqual([34117, 28058, 26418, 31085]);
    expect(lines.slice(agiiAt + 1, agiiAt + 4).map((l) => [l.kind, l.keys.join(","), l.cells[0]])).toEqual([
      ["office", "AGII_ANTWERPEN,", 6381],
      ["detail", "AGII_ANTWERPEN,AANGEMELD", 2914],
      ["detail", "AGII_ANTWERPEN,NIET_AANGEMELD", 3467],
    ]);
  });

  it("without agency subtotals the rows are as they were", () => {
    expect(displayLines(t09(), null).every((l) => l.kind === "row")).toBe(true);
  });

  it("Table 2 (by agency and office): the agency line puts the agency's name in the agency column", () => {
    const r = report("contracts", ["agency", "office"], 2020, 2022, [
      [["AGII", "AGII_LIMBURG"], { 2020: 10, 2021: 20, 2022: 30 }],
      [["AGII", "AGII_BRUSSEL"], { 2020: 1, 2021: 2, 2022: 3 }],
      [["ATLAS", "ATLAS"], { 2020: 7, 2021: 8, 2022: 9 }],
    ]);
    const lines = displayLines(r, null, { agencySubtotals: true });
    expect(lines.map((l) => [l.kind, l.labels, l.cells])).toEqual([
      ["agency", ["ATLAS", "ATLAS"], [7, 8, 9, 24]],
      ["agency", ["Vlaams Agentschap", ""], [11, 22, 33, 66]],
      ["office", ["AGII", "AGII_LIMBURG"], [10, 20, 30, 60]],
      ["office", ["AGII", "AGII_BRUSSEL"], [1, 2, 3, 6]],
    ]);
  });

  it("for publication the subtotals are cells of the model: a hidden one reads the mark, a shown one is the sum of its offices", async () => {
    const r = report("fines", ["office"], 2021, 2022, [
      [["ATLAS"], { 2021: 40, 2022: 50 }],
      [["AGII_LIMBURG"], { 2021: 3, 2022: 30 }],
      [["AGII_ANTWERPEN"], { 2021: 20, 2022: 25 }],
      [["AGII_BRUSSEL"], { 2021: 30, 2022: 2 }],
    ]);
    const [mask] = await protectTables([{ report: r, agencySubtotals: true }]);
    // rows come in the reference list's order: the agencies in the order of their first office
    expect(mask!.subtotals.map((s) => s.key)).toEqual(["ATLAS", "AGII"]);
    const lines = displayLines(r, mask!, { agencySubtotals: true });
    const agii = lines.find((l) => l.kind === "agency" && l.keys[0] === "AGII")!;
    const offices = lines.filter((l) => l.kind === "office");
    expect(offices.map((o) => o.keys[0])).toEqual(["AGII_ANTWERPEN", "AGII_LIMBURG", "AGII_BRUSSEL"]);
    // the small cells are hidden; the AGII line shows the true sums or the mark, never a sum of shown figures only
    expect(offices[1]!.cells[0]).toBe(SUPPRESSED);
    expect(offices[2]!.cells[1]).toBe(SUPPRESSED);
    const sums = [3 + 20 + 30, 30 + 25 + 2, 53 + 57];
    agii.cells.forEach((v, j) => expect(v === SUPPRESSED || v === sums[j]).toBe(true));
  });
});

describe("the answer's workbook", () => {
  it("has the agency lines (bold) with the offices indented beneath, and Table 10's footnote under its table", async () => {
    const buf = await answerWorkbook(
      [
        { table: table(9), reports: [t09()] },
        { table: table(10), reports: [t10()] },
      ],
      false,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const s9 = wb.getWorksheet("Tabel 9")!;
    const values = (ws: ExcelJS.Worksheet) => (ws.getSheetValues().filter(Boolean) as unknown[][]).map((r) => r.filter((v) => v !== undefined));
    const v9 = values(s9);
    const agiiAt = v9.findIndex((r) => r[0] === "Vlaams Agentschap");
    expect(v9[agiiAt]).toEqual(["Vlaams Agentschap", 711, 623, 841, 633, 2808]);
    expect(v9[agiiAt + 1]![0]).toBe("    AGII_ANTWERPEN");
    const agiiRow = s9.getColumn(1).values.indexOf("Vlaams Agentschap");
    expect(s9.getRow(agiiRow).font?.bold).toBe(true);
    const v10 = values(wb.getWorksheet("Tabel 10")!);
    expect(v10.find((r) => String(r[0]).startsWith("Onrechtmatig") || String(r[0]).includes("*"))![0]).toMatch(/\*$/);
    const totalAt = v10.findIndex((r) => r[0] === "Totaal");
    expect(v10.slice(totalAt + 1).map((r) => r[0])).toEqual(["*Enige mogelijke inbreuk van rechthebbende inburgeraars. Bestaat niet meer sinds 1/3/2022"]);
  });
});

// Table 11's footnote as printed ("401*", "* waarbij bij 389 besluiten het bedrag reeds gekend is"):
// the number is Table 12's fines without the "onbekend" ones (the printed 12), and "voor publicatie"
// it is left out when it would give a hidden cell away.
const t11 = () => report("infringements", ["decision"], 2019, 2022, rows(fixture.t11_decisions));
const t12 = (unknown = 12) =>
  report("fines", ["amount"], 2022, 2022, [
    ...Object.entries(fixture.t12_fine_amounts_2022).map(([k, c]) => [[k], { 2022: c.count }] as [string[], Years]),
    [["ONBEKEND"], { 2022: unknown }],
  ]);
const noMask = (r: ReturnType<typeof t12>) => ({
  inner: r.rows.map(() => [false]),
  rowTotal: r.rows.map(() => false),
  colTotal: [false],
  grand: false,
  subtotals: [],
});

describe("Table 11's footnote", () => {
  it("counts the last year's fines whose amount is known (389 of 401), in the workbook under Table 11 with the mark on 'boete'", async () => {
    const r12 = t12();
    expect(r12.totals.values["2022"]).toBe(401);
    expect(footnoteFigures([{ number: 12, report: r12 }])).toEqual({ knownAmountFines: 389 });
    const buf = await answerWorkbook(
      [
        { table: table(11), reports: [t11()] },
        { table: table(12), reports: [r12] },
      ],
      false,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const v11 = (wb.getWorksheet("Tabel 11")!.getSheetValues().filter(Boolean) as unknown[][]).map((r) => r.filter((v) => v !== undefined));
    expect(v11.find((r) => String(r[0]).startsWith("BOETE"))).toEqual(["BOETE*", 822, 646, 809, 401, 2678]); // the fixture labels are the codes;
    const totalAt = v11.findIndex((r) => r[0] === "Totaal");
    expect(v11.slice(totalAt + 1).map((r) => r[0])).toEqual(["* waarbij bij 389 besluiten het bedrag reeds gekend is"]);
    expect(answerFootnotes(11, "nl", { knownAmountFines: null })).toEqual([]);
    expect(answerFootnotes(11, "en", { knownAmountFines: 389 })[0]!.text).toContain("389");
  });

  it("for publication: shown when it follows from shown cells, left out when it would give a hidden cell away", async () => {
    const r12 = t12(3); // 1–4 fines without an amount: primary-suppressed
    const unknownAt = r12.rows.findIndex((r) => r.keys[0] === "ONBEKEND");
    const [mask] = await protectTables([{ report: r12 }], { cache: false });
    expect(mask!.inner[unknownAt]![0]).toBe(true);
    // the number is printed only when no hidden cell of Table 12 can be worked out from it and the shown figures
    const figures = footnoteFigures([{ number: 12, report: r12, mask }]);
    const knownHidden = r12.rows.some((_, i) => i !== unknownAt && mask!.inner[i]![0]);
    if (knownHidden || mask!.colTotal[0]) expect(figures.knownAmountFines).toBeNull();
    else expect(figures.knownAmountFines).toBe(389);
    // (hand-made masks) every known-amount cell shown: the number is their sum, nothing new; one of
    // them hidden too: number − the shown ones would give it away, total − number the "onbekend";
    // the total and "onbekend" shown: the number is their difference
    const totalShown = { ...noMask(r12), inner: r12.rows.map((_, i) => [i === unknownAt]) };
    const oneKnownHidden = { ...totalShown, inner: r12.rows.map((_, i) => [i === unknownAt || i === 0]) };
    expect(footnoteFigures([{ number: 12, report: r12, mask: totalShown }])).toEqual({ knownAmountFines: 389 });
    expect(footnoteFigures([{ number: 12, report: r12, mask: oneKnownHidden }])).toEqual({ knownAmountFines: null });
    expect(footnoteFigures([{ number: 12, report: r12, mask: { ...oneKnownHidden, inner: r12.rows.map((_, i) => [i === 0]) } }])).toEqual({
      knownAmountFines: 389,
    });
    expect(footnoteFigures([{ number: 12, report: r12, mask: noMask(r12) }])).toEqual({ knownAmountFines: 389 });
  });
});
