// Publications (issue 13): the stored figures are exactly what the page shows (with and without
// the disclosure control), the row is immutable for the app role, a corrected record shows in the
// diff as exactly the cells it changed, a DEFINITIEF links its VOORLOPIG, staff are refused (and
// audited), another agency's manager cannot open it, and the CLI publishes, shows and diffs.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { publicationMasks } from "@/lib/domain/reports/disclosure/protect";
import { publishedTable } from "@/lib/domain/reports/publication/figures";
import { answerSpecs } from "@/lib/domain/reports/publication/spec";
import { db } from "@/lib/server/db";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/server/errors";
import { getAnswer } from "@/lib/server/reports/get-answer";
import { getReport } from "@/lib/server/reports/get-report";
import { diffPublication, getPublication, listPublications } from "@/lib/server/reports/publications";
import { publishReport } from "@/lib/server/reports/publish";
import { createTestAgency, createTestNewcomer, createTestUser, type TestAgency } from "../support/factories";
import { addEvent } from "../support/report-factories";

const run = promisify(execFile);
const base = { questionNumber: 113, from: 2020, to: 2022, asOf: "2023-01-15", forPublication: false } as const;

/** An agency with contracts of a few nationalities: some cells 1–4 (hidden for publication), some larger. */
async function agencyWithContracts(): Promise<TestAgency> {
  const a = await createTestAgency();
  const plan: [string, string, number][] = [
    ["MAR", "2021-03-01", 6],
    ["MAR", "2022-03-01", 7],
    ["AFG", "2021-05-01", 2],
    ["AFG", "2022-05-01", 8],
    ["SYR", "2022-06-01", 1],
    ["SYR", "2020-06-01", 9],
  ];
  for (const [nationality, date, n] of plan) for (let i = 0; i < n; i++) await addEvent(await createTestNewcomer(a), { type: "CONTRACT", date, nationality });
  return a;
}

describe("publishing", () => {
  it("stores a page report exactly as the page shows it, with and without suppression", async () => {
    const a = await agencyWithContracts();
    const manager = await createTestUser("MANAGER", a);
    const q = { measure: "contracts", by: ["nationality"], from: 2020, to: 2022, asOf: "2023-01-15" };
    const page = await getReport(manager, q);
    for (const forPublication of [false, true]) {
      const { id } = await publishReport(manager, {
        ...base,
        title: "Contracten per nationaliteit",
        tables: "contracts:nationality",
        status: "VOORLOPIG",
        forPublication,
      });
      const { publication, check } = await getPublication(manager, id);
      const [mask] = await publicationMasks([page], forPublication, page.agency);
      expect(publication.figures).toEqual([publishedTable({ measure: "contracts", by: ["nationality"], from: 2020, to: 2022 }, page, mask ?? null)]);
      expect(publication.agencyCode).toBe(a.agencyCode);
      expect(check.unchanged).toBe(true);
      const shown = JSON.stringify(publication.figures);
      if (forPublication) expect(shown).toContain('"x"');
      else expect(shown).not.toContain('"x"');
    }
  });

  it("stores the full answer as the answer page shows it for publication, quickly", async () => {
    const a = await agencyWithContracts();
    const manager = await createTestUser("MANAGER", a);
    const started = performance.now();
    const { id } = await publishReport(manager, { ...base, title: "Antwoord vraag 113", tables: "answer", status: "VOORLOPIG", forPublication: true });
    const ms = performance.now() - started;
    console.info(`publishing the full answer took ${Math.round(ms)} ms`);
    // the target is < 2 s (issue 13); the bound leaves room for a loaded shared test machine
    expect(ms).toBeLessThan(5000);
    const answer = await getAnswer(manager, { from: 2020, to: 2022, asOf: "2023-01-15" });
    const reports = answer.parts.flatMap((p) => p.reports);
    // the tables by office are protected and stored with their agency subtotals, as the page prints them
    const subtotals = answer.parts.flatMap((p) => p.reports.map(() => p.table.agencySubtotals === true));
    const masks = await publicationMasks(reports, true, answer.agency, subtotals);
    const specs = answerSpecs(2020, 2022);
    const { publication } = await getPublication(manager, id);
    expect(publication.tables).toEqual(specs);
    expect(publication.figures).toEqual(specs.map((s, i) => publishedTable(s, reports[i]!, masks[i] ?? null, subtotals[i])));
  });

  it("lists exactly the changed cells after a record changes; the check, as recorded on the instant of publication, still holds", async () => {
    const a = await agencyWithContracts();
    const manager = await createTestUser("MANAGER", a);
    const { id } = await publishReport(manager, { ...base, title: "Voor de correctie", tables: "contracts:nationality", status: "VOORLOPIG" });
    // a correction: one 2021 contract of a Moroccan newcomer is moved to 2022
    const moved = await db.trackEvent.findFirstOrThrow({
      where: { agencyCode: a.agencyCode, nationalityCode: "MAR", type: "CONTRACT", date: new Date("2021-03-01") },
    });
    await db.trackEvent.update({ where: { id: moved.id }, data: { date: new Date("2022-02-01T00:00:00Z") } });
    const diff = await diffPublication(manager, id, "now");
    expect(diff.unchanged).toBe(false);
    const cells = diff.tables[0]!.changes.map((c) => [c.keys.join(","), c.column, c.old, c.new, c.difference]);
    expect(cells).toEqual([
      ["MAR", 2021, 6, 5, -1],
      ["MAR", 2022, 7, 8, 1],
      ["", 2021, 23 - 15, 23 - 16, -1],
      ["", 2022, 16, 17, 1],
    ]);
    const { check, diff: sinceNow, publication } = await getPublication(manager, id);
    // knowledge time: recomputed as recorded on taken_at, the publication is reproduced exactly
    expect(check.unchanged).toBe(true);
    expect(check.tables.flatMap((t) => t.changes)).toEqual([]);
    expect(sinceNow!.tables[0]!.changes).toEqual(diff.tables[0]!.changes);
    // the stored figures did not change
    expect(publication.figures[0]!.rows.find((r) => r.keys[0] === "MAR")!.values).toEqual([0, 6, 7]);
  });

  it("links a DEFINITIEF to its VOORLOPIG, once, and diffs the two", async () => {
    const a = await agencyWithContracts();
    const manager = await createTestUser("MANAGER", a);
    const prov = await publishReport(manager, { ...base, title: "Voorlopig", tables: "contracts:nationality", status: "VOORLOPIG" });
    await addEvent(await createTestNewcomer(a), { type: "CONTRACT", date: "2022-09-01", nationality: "SYR" });
    const def = await publishReport(manager, { ...base, title: "Definitief", tables: "contracts:nationality", status: "DEFINITIEF", provisionalId: prov.id });
    const { publication } = await getPublication(manager, def.id);
    expect(publication.provisionalId).toBe(prov.id);
    expect((await getPublication(manager, prov.id)).publication.definitiveId).toBe(def.id);
    const diff = await diffPublication(manager, def.id, prov.id);
    expect(diff).toMatchObject({ old: prov.id, new: def.id });
    expect(diff.tables[0]!.changes.map((c) => [c.keys.join(","), c.column, c.difference])).toEqual([
      ["SYR", 2022, 1],
      ["SYR", "total", 1],
      ["", 2022, 1],
      ["", "total", 1],
    ]);
    // a second DEFINITIEF for the same VOORLOPIG, a VOORLOPIG naming one, other tables: all refused, all at once
    const again = publishReport(manager, { ...base, title: "Nog eens", tables: "contracts:nationality", status: "DEFINITIEF", provisionalId: prov.id });
    await expect(again).rejects.toMatchObject({ fieldMessages: { provisionalId: "publications.provisionalFinalised" } });
    const wrong = publishReport(manager, { ...base, title: "Fout", tables: "contracts:nope", status: "VOORLOPIG", provisionalId: prov.id });
    await expect(wrong).rejects.toBeInstanceOf(ValidationError);
    await expect(wrong).rejects.toMatchObject({ fieldMessages: { tables: expect.anything(), provisionalId: "publications.provisionalOnlyDefinitive" } });
    await expect(publishReport(manager, { ...base, title: "x", tables: "answer", status: "VOORLOPIG" })).rejects.toMatchObject({
      fieldMessages: { title: "publications.titleMin" },
    });
    const list = await listPublications(manager);
    expect(list.items.map((i) => i.id)).toEqual([def.id, prov.id]);
  });

  it("refuses staff (audited) and hides a publication from another agency's manager (audited)", async () => {
    const a = await agencyWithContracts();
    const staff = await createTestUser("STAFF", a);
    await expect(publishReport(staff, { ...base, title: "Niet toegelaten", tables: "answer", status: "VOORLOPIG" })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.auditLog.count({ where: { userId: staff.userId, action: "publication.create.denied" } })).toBe(1);
    expect(await db.publication.count({ where: { publishedById: staff.userId } })).toBe(0);

    const manager = await createTestUser("MANAGER", a);
    const { id } = await publishReport(manager, { ...base, title: "Eigen agentschap", tables: "contracts:gender", status: "VOORLOPIG" });
    const other = await createTestUser("MANAGER", await createTestAgency());
    await expect(getPublication(other, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(diffPublication(other, id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.auditLog.count({ where: { userId: other.userId, action: "publication.view.denied", entityId: id } })).toBe(2);
    expect((await listPublications(other)).items.map((i) => i.id)).not.toContain(id);
    // admins and Flemish-scope managers see it
    for (const actor of [await createTestUser("ADMIN"), await createTestUser("MANAGER", null)])
      expect((await getPublication(actor, id)).publication.id).toBe(id);
  });
});

describe.skipIf(!inject("appDatabaseUrl"))("a publication is immutable", () => {
  it("refuses UPDATE, DELETE and TRUNCATE as the app role", async () => {
    const a = await createTestAgency();
    const manager = await createTestUser("MANAGER", a);
    const { id } = await publishReport(manager, { ...base, title: "Onveranderlijk", tables: "contracts:agency", status: "VOORLOPIG" });
    const app = new pg.Client({ connectionString: inject("appDatabaseUrl")! });
    await app.connect();
    try {
      await expect(app.query(`UPDATE publication SET title = 'anders' WHERE id = $1`, [id])).rejects.toThrow(/permission denied|immutable/);
      await expect(app.query(`DELETE FROM publication WHERE id = $1`, [id])).rejects.toThrow(/permission denied|immutable/);
      await expect(app.query(`TRUNCATE publication`)).rejects.toThrow(/permission denied|immutable/);
      // the app may still read and add
      expect((await app.query(`SELECT title FROM publication WHERE id = $1`, [id])).rows).toEqual([{ title: "Onveranderlijk" }]);
    } finally {
      await app.end();
    }
    // and the trigger holds for the owner too
    await expect(db.$executeRaw`UPDATE publication SET title = 'anders' WHERE id = ${id}::uuid`).rejects.toThrow(/immutable/);
  });
});

describe("npm run publish / npm run publication (child processes)", () => {
  const cli = (script: string, args: string[]) =>
    run(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", script, ...args], {
      env: { ...process.env, DATABASE_URL: inject("databaseUrl") },
    });

  it("publishes, shows (json and csv) and diffs as a named manager", { timeout: 300_000 }, async () => {
    const a = await agencyWithContracts();
    const manager = await createTestUser("MANAGER", a);
    const args = ["--title", "CLI", "--question", "113", "--tables", "contracts:nationality", "--from", "2020", "--to", "2022", "--as-of", "2023-01-15"];
    const out = await cli("scripts/publish.ts", [...args, "--publication", "--as", manager.email]);
    const id = out.stdout.trim();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const shown = JSON.parse((await cli("scripts/publication.ts", ["show", id, "--format", "json", "--as", manager.email])).stdout);
    const { publication } = await getPublication(manager, id);
    expect(shown).toMatchObject({ id, status: "VOORLOPIG", forPublication: true, contentHash: publication.contentHash, figures: publication.figures });
    const csv = (await cli("scripts/publication.ts", ["show", id, "--format", "csv", "--as", manager.email])).stdout;
    expect(csv.split("\n")[1]).toContain("2020");
    expect(csv).toContain(";x;");
    await addEvent(await createTestNewcomer(a), { type: "CONTRACT", date: "2020-09-01", nationality: "MAR" });
    const diff = JSON.parse((await cli("scripts/publication.ts", ["diff", id, "--against", "now", "--format", "json", "--as", manager.email])).stdout);
    expect(diff.unchanged).toBe(false);
    expect(diff.tables[0].changes.length).toBeGreaterThan(0);
    // staff cannot publish from the command line either
    const staff = await createTestUser("STAFF", a);
    await expect(cli("scripts/publish.ts", [...args, "--as", staff.email])).rejects.toMatchObject({ code: 1 });
  });
});
