// The answer as printed (issue 13): a publication keeps the question text and the introduction
// chosen when publishing, returns them as stored, and they cannot be changed afterwards (the
// immutability trigger covers the new columns); the tables by office are stored with their agency
// subtotals, each the sum of its offices; the workbook of a publication holds exactly the stored
// figures and is audited.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, inject, it } from "vitest";
import { agencyOfOffice } from "@/lib/domain/codes";
import { subtotalCovers } from "@/lib/domain/reports/disclosure/display";
import { publicationWorkbook } from "@/lib/domain/reports/publication-workbook";
import { contentHash } from "@/lib/domain/reports/publication/figures";
import { db } from "@/lib/server/db";
import { exportPublication, getPublication } from "@/lib/server/reports/publications";
import { earlierTables } from "@/lib/server/reports/earlier-publications";
import { computeReports } from "@/lib/server/reports/publication-figures";
import { publishReport } from "@/lib/server/reports/publish";
import { createTestAgency, createTestNewcomer, createTestUser } from "../support/factories";
import { addEvent } from "../support/report-factories";

const base = { questionNumber: 113, from: 2020, to: 2022, asOf: "2023-01-15", forPublication: false } as const;

describe("a publication's question and introduction", () => {
  it("are stored as edited, returned as stored, and cannot be updated", async () => {
    const a = await createTestAgency();
    const manager = await createTestUser("MANAGER", a);
    const questionText = "Schriftelijke vraag nr. 113 van 06/01/2023 van Maaike De Vreese: Inburgeringstrajecten – Evolutie";
    // a line break is allowed (free text), control characters are not
    const introduction = "De cijfers geven de situatie weer op 15/01/2023.\nAangepast door de kabinetsmedewerker.";
    const { id } = await publishReport(manager, { ...base, title: "Met teksten", tables: "contracts:agency", status: "VOORLOPIG", questionText, introduction });
    const { publication } = await getPublication(manager, id);
    expect(publication).toMatchObject({ questionText, introduction });
    await expect(db.$executeRaw`UPDATE publication SET introduction = 'anders' WHERE id = ${id}::uuid`).rejects.toThrow(/immutable/);
    await expect(db.$executeRaw`UPDATE publication SET question_text = 'anders' WHERE id = ${id}::uuid`).rejects.toThrow(/immutable/);
    expect((await getPublication(manager, id)).publication).toMatchObject({ questionText, introduction });
    // empty texts are stored as none (a publication of a page's report has neither)
    const plain = await publishReport(manager, {
      ...base,
      title: "Zonder teksten",
      tables: "contracts:agency",
      status: "VOORLOPIG",
      questionText: " ",
      introduction: "",
    });
    expect((await getPublication(manager, plain.id)).publication).toMatchObject({ questionText: null, introduction: null });
  });

  it("refuses a text that is too long, with the other errors of the submission", async () => {
    const manager = await createTestUser("MANAGER", await createTestAgency());
    const long = "x".repeat(4001);
    await expect(
      publishReport(manager, { ...base, title: "x", tables: "answer", status: "VOORLOPIG", questionText: long, introduction: long }),
    ).rejects.toMatchObject({ fieldMessages: { title: "publications.titleMin", questionText: "publications.tooLong", introduction: "publications.tooLong" } });
  });
});

describe("the answer's tables by office as published", () => {
  it("store agency subtotals that are the sum of their offices; the workbook has them, the footnote, and is audited", async () => {
    const manager = await createTestUser("MANAGER", null);
    const a = await createTestAgency();
    for (let i = 0; i < 3; i++) await addEvent(await createTestNewcomer(a), { type: "CONTRACT", date: "2021-03-01", nationality: "MAR" });
    const { id } = await publishReport(manager, { ...base, title: "Antwoord", tables: "answer", status: "VOORLOPIG", introduction: "Inleiding." });
    const { publication } = await getPublication(manager, id);
    const byOffice = publication.figures.filter((t) => [1, 2, 9, 13].includes(t.spec.table ?? 0));
    // the contracts of Table 2 (the other two count infringements, none here)
    expect(byOffice.find((t) => t.spec.table === 2)!.subtotals.length).toBeGreaterThan(0);
    for (const table of byOffice) {
      // one per agency; Table 1 also one per office of an agency of several offices (the database
      // holds other tests' records too, some in the AGII offices)
      const at = table.spec.by.indexOf("office");
      const agencies = new Set(table.rows.map((r) => agencyOfOffice(r.keys[at]!) ?? "ONBEKEND"));
      const keys = new Set(table.subtotals.map((s) => s.key));
      for (const agency of agencies) expect(keys.has(agency), agency).toBe(true);
      for (const key of keys) expect(agencies.has(key) || (table.spec.table === 1 && table.rows.some((r) => r.keys[at] === key)), key).toBe(true);
      for (const s of table.subtotals) {
        const offices = table.rows.filter((r) => subtotalCovers(s.key, r.keys[at]!));
        expect(s.total).toBe(offices.reduce((sum, r) => sum + (r.total as number), 0));
      }
    }
    expect(publication.figures.filter((t) => ![1, 2, 9, 13].includes(t.spec.table ?? 0)).every((t) => t.subtotals.length === 0)).toBe(true);

    const before = await db.auditLog.count({ where: { action: "publication.export", entityId: id } });
    const p = await exportPublication(manager, id, "xlsx");
    expect(await db.auditLog.count({ where: { action: "publication.export", entityId: id } })).toBe(before + 1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await publicationWorkbook(p)) as unknown as ArrayBuffer);
    const about = wb.worksheets[0]!.getSheetValues().flat().map(String);
    expect(about).toEqual(expect.arrayContaining(["Antwoord", "Inleiding.", "voorlopig", p.contentHash]));
    const table10 = wb.getWorksheet("Tabel 10")!.getSheetValues().flat().map(String);
    expect(table10.some((v) => v.startsWith("*Enige mogelijke inbreuk"))).toBe(true);
  });
});

describe("the texts and the content hash", () => {
  it("hashes the texts with the figures: the same figures with another introduction are another publication", async () => {
    const manager = await createTestUser("MANAGER", await createTestAgency());
    const texts = { questionText: "Schriftelijke vraag nr. 113", introduction: "De cijfers geven de situatie weer op 15/01/2023." };
    const common = { ...base, title: "Hash", tables: "contracts:agency", status: "VOORLOPIG" } as const;
    const one = await publishReport(manager, { ...common, ...texts });
    const other = await publishReport(manager, { ...common, ...texts, introduction: "De cijfers geven de situatie weer op 15/03/2023." });
    const [a, b] = [(await getPublication(manager, one.id)).publication, (await getPublication(manager, other.id)).publication];
    expect(b.figures).toEqual(a.figures);
    expect(b.contentHash).not.toBe(a.contentHash);
    // the stored hash is the one of its parameters, figures and texts, so anyone can check it
    const params = { tables: a.tables, from: a.yearFrom, to: a.yearTo, asOf: a.asOf, agency: a.agencyCode, forPublication: a.forPublication };
    const stored = { title: a.title, questionNumber: a.questionNumber, questionDate: a.questionDate, questionMember: a.questionMember, ...texts };
    expect(contentHash(params, a.figures, stored)).toBe(a.contentHash);
  });
});

describe("npm run publish with the texts (child process)", () => {
  const cli = (args: string[], input?: string) =>
    new Promise<string>((resolve, reject) => {
      const child = execFile(
        process.execPath,
        [path.resolve("node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "scripts/publish.ts", ...args],
        { env: { ...process.env, DATABASE_URL: inject("databaseUrl") } },
        (error, stdout, stderr) => (error ? reject(new Error(stderr)) : resolve(stdout.trim())),
      );
      child.stdin!.end(input ?? "");
    });

  it("takes the question text from a file or standard input and the introduction from --intro", { timeout: 300_000 }, async () => {
    const manager = await createTestUser("MANAGER", await createTestAgency());
    const args = ["--title", "CLI teksten", "--question", "113", "--tables", "contracts:agency", "--from", "2020", "--to", "2022", "--as-of", "2023-01-15"];
    const questionText = "Schriftelijke vraag nr. 113 van 06/01/2023 van Maaike De Vreese:\nInburgeringstrajecten – Evolutie";
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "vraag-")), "vraag.txt");
    fs.writeFileSync(file, `${questionText}\n`);
    const intro = "De cijfers geven de situatie weer op 15/1/2023.";
    const fromFile = await cli([...args, "--question-text", file, "--intro", intro, "--as", manager.email]);
    expect((await getPublication(manager, fromFile)).publication).toMatchObject({ questionText, introduction: intro });
    const fromStdin = await cli([...args, "--question-text", "-", "--as", manager.email], questionText);
    expect((await getPublication(manager, fromStdin)).publication).toMatchObject({ questionText, introduction: null });
  });
});

describe("consistency with earlier publications' agency subtotals", () => {
  it("puts the stored subtotals of an earlier publication (hidden or shown) into the model of the next one", { timeout: 120_000 }, async () => {
    const manager = await createTestUser("MANAGER", null);
    const a = await createTestAgency();
    for (let i = 0; i < 7; i++) await addEvent(await createTestNewcomer(a), { type: "CONTRACT", date: "2021-04-01", nationality: "MAR" });
    const { id } = await publishReport(manager, { ...base, forPublication: true, title: "Eerder", tables: "answer", status: "VOORLOPIG" });
    const { publication } = await getPublication(manager, id);
    const earlier = await earlierTables(publication.tables, { from: base.from, to: base.to, agency: null, before: new Date(Date.now() + 1000) });
    const table2 = publication.figures.find((t) => t.spec.table === 2)!;
    const withSubtotals = earlier.filter((e) => e.agencySubtotals && e.report.measure === "contracts" && e.report.by.join() === table2.spec.by.join());
    expect(withSubtotals.length).toBeGreaterThan(0);
    // the stored subtotals, by key, with the stored marks (other tests' publications may be there too)
    const stored = JSON.stringify(table2.subtotals.map((s) => [s.key, s.years.map((v) => v === "x"), s.total === "x"]));
    expect(withSubtotals.map((e) => JSON.stringify(e.mask.subtotals.map((s) => [s.key, s.years, s.total])))).toContain(stored);
  });
});

describe("earlier publications with nothing recorded since", () => {
  it("take the new publication's own reports: the same tables as recomputing them, until a fact changes", { timeout: 120_000 }, async () => {
    const manager = await createTestUser("MANAGER", null);
    const a = await createTestAgency();
    for (let i = 0; i < 6; i++) await addEvent(await createTestNewcomer(a), { type: "CONTRACT", date: "2022-02-01", nationality: "SYR" });
    const spec = { tables: "contracts:nationality", from: 2020, to: 2022, asOf: "2023-01-15", forPublication: true } as const;
    await publishReport(manager, { ...spec, questionNumber: 113, title: "Eerste", status: "VOORLOPIG" });
    const specs = [{ measure: "contracts" as const, by: ["nationality" as const], from: 2020, to: 2022 }];
    const params = { from: 2020, to: 2022, agency: null, before: new Date(Date.now() + 1000) };
    const own = await computeReports(specs, { asOf: spec.asOf, agency: null, forPublication: true });
    // other test files write too: compare only when nothing was recorded in between (else both recompute anyway)
    const recomputed = await earlierTables(specs, params);
    const reused = await earlierTables(specs, params, undefined, { reports: own, recordedOn: null });
    expect(reused.map((e) => [e.report.rows, e.report.totals, e.mask])).toEqual(recomputed.map((e) => [e.report.rows, e.report.totals, e.mask]));
    // a fact changes after the publication: its tables as recorded then are recomputed, not taken from now
    await addEvent(await createTestNewcomer(a), { type: "CONTRACT", date: "2022-03-01", nationality: "SYR" });
    const now = await computeReports(specs, { asOf: spec.asOf, agency: null, forPublication: true });
    const after = await earlierTables(specs, params, undefined, { reports: now, recordedOn: null });
    expect(after.map((e) => [e.report.rows, e.report.totals, e.mask])).toEqual(recomputed.map((e) => [e.report.rows, e.report.totals, e.mask]));
  });
});
