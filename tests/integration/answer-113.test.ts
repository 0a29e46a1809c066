// The demo data set reproduces the minister's answer to written question nr. 113 (2023): generate
// it, import it with the real import engine into a database of its own, run the real report
// engine, and compare every published cell (tests/fixtures/sv113-2023.json). This is the test
// that makes the generator and the report layer agree with docs/DOMAIN.md rather than with each other.
// The printed answer's defects (knownDefects in the fixture) are asserted as what they are.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import fixture from "../fixtures/sv113-2023.json";
import { ensureDatabaseExists } from "@/lib/db/local-database";
import { migrate } from "@/lib/db/migrate";
import { seedReferenceData } from "@/lib/db/seed";
import { writeDemoFile } from "@/lib/demo-data/write";
import { importExchangeFile } from "@/lib/server/exchange/import-exchange";
import { runReport } from "@/lib/domain/reports/run-report";
import { footnoteFigures } from "@/lib/domain/reports/answer-texts";

type YearCells = Record<string, number>;
type Report = Awaited<ReturnType<typeof runReport>>;

const AS_OF = fixture.asOf;
let pool: pg.Pool;
let dir: string;

beforeAll(async () => {
  const base = new URL(inject("databaseUrl"));
  const name = `answer113_${process.pid}`;
  const server = new URL(base.toString());
  server.pathname = "/postgres";
  await ensureDatabaseExists(server.toString(), name);
  base.pathname = `/${name}`;
  const url = base.toString();
  await migrate(url, () => {});
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await seedReferenceData(c);
  await c.end();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "answer113-"));
  const file = path.join(dir, "demo.jsonl");
  await writeDemoFile(file, { scale: 1, seed: 113 });
  const result = await importExchangeFile({ databaseUrl: url, filePath: file });
  if (!result.ok) throw new Error(`import failed: ${JSON.stringify(result.errors.slice(0, 5))}`);
  pool = new pg.Pool({ connectionString: url, max: 2 });
}, 600_000);

afterAll(async () => {
  await pool?.end();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

async function report(measure: string, by: string[], years: number[]): Promise<Report> {
  const r = await runReport(pool, { measure, by, from: Math.min(...years), to: Math.max(...years), asOf: AS_OF, agency: null });
  // every report: the totals are the sum of its rows
  for (const year of years) {
    expect(r.totals.values[String(year)]).toBe(r.rows.reduce((s, row) => s + (row.values[String(year)] ?? 0), 0));
  }
  expect(r.totals.total).toBe(r.rows.reduce((s, row) => s + row.total, 0));
  return r;
}

function cell(r: Report, keys: string[], year: string): number {
  const row = r.rows.find((x) => x.keys.length === keys.length && x.keys.every((k, i) => String(k) === keys[i]));
  return row?.values[year] ?? 0;
}

const yearsOf = (table: Record<string, YearCells>) => [...new Set(Object.values(table).flatMap((c) => Object.keys(c)))].map(Number).sort();

/** Compares every cell of a one-dimension table; `defects` maps "KEY.YEAR" to the consistent figure. */
async function expectTable(table: Record<string, YearCells>, measure: string, dim: string, defects: Record<string, number> = {}, extraRows: string[] = []) {
  const years = yearsOf(table);
  const r = await report(measure, [dim], years);
  const mismatches: string[] = [];
  for (const [key, cells] of Object.entries(table)) {
    for (const [year, printed] of Object.entries(cells)) {
      const expected = defects[`${key}.${year}`] ?? printed;
      const actual = cell(r, [key], year);
      if (actual !== expected) mismatches.push(`${key} ${year}: ${actual} ≠ ${expected}`);
    }
  }
  expect(mismatches).toEqual([]);
  // no figures outside the published rows (apart from rows the answer leaves out on purpose)
  const unexpected = r.rows.filter((row) => !(String(row.keys[0]) in table) && !extraRows.includes(String(row.keys[0])));
  expect(unexpected.map((row) => row.keys.join("/"))).toEqual([]);
  return r;
}

describe("demo data reproduces answer nr. 113 as of 2023-01-15", () => {
  it("Table 1: reach by office and registration, 2019–2022", async () => {
    const table = fixture.t01_reach as Record<string, Record<string, YearCells>>;
    const years = [2019, 2020, 2021, 2022];
    const r = await report("reach", ["office", "registered"], years);
    const byOffice = await report("reach", ["office"], years);
    const mismatches: string[] = [];
    for (const [office, split] of Object.entries(table)) {
      for (const year of years.map(String)) {
        for (const status of ["AANGEMELD", "NIET_AANGEMELD"] as const) {
          const actual = cell(r, [office, status], year);
          if (actual !== split[status]![year]) mismatches.push(`${office} ${status} ${year}: ${actual} ≠ ${split[status]![year]}`);
        }
        if (cell(byOffice, [office], year) !== split.ALL![year]) mismatches.push(`${office} ALL ${year}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it("Table 2: first contracts by office and by agency (printed AGII 2021 subtotal 16.005 is a defect: 16.006)", async () => {
    await expectTable(fixture.t02_contracts_office, "contracts", "office");
    expect(fixture.knownDefects[0]).toContain("16.005");
    await expectTable(fixture.t02_contracts_agency_printed, "contracts", "agency", { "AGII.2021": 16006 });
  });

  it("Tables 3–7: first contracts by nationality group, nationality, gender, target group, residence status", async () => {
    // Table 3 and Table 4 are both matched: the group is recorded on each contract (codes.json
    // nationalityGroupRule explains the 3 + 2 contracts whose recorded group differs from the rule).
    const t3 = await expectTable(fixture.t03_contracts_natgroup, "contracts", "nationality_group");
    const t4 = await expectTable(fixture.t04_contracts_nationality, "contracts", "nationality");
    expect(t3.totals.values).toEqual(t4.totals.values);
    expect(t3.totals.values).toEqual({ "2020": 18130, "2021": 23119, "2022": 20753 });
    await expectTable(fixture.t05_contracts_gender, "contracts", "gender");
    await expectTable(fixture.t06_contracts_target, "contracts", "target_group");
    await expectTable(fixture.t07_contracts_status, "contracts", "residence_status");
  });

  it("Table 8: attestations per year", async () => {
    const r = await report("attestations", ["agency"], [2019, 2020, 2021, 2022]);
    expect(r.totals.values).toEqual(fixture.t08_attestations);
  });

  it("Tables 9–11: infringement dossiers by office, type and decision", async () => {
    const t9 = await expectTable(fixture.t09_infringements_office, "infringements", "office");
    const t10 = await expectTable(fixture.t10_infringements_type, "infringements", "infringement_type");
    expect(t10.totals.values).toEqual(t9.totals.values);
    const t11 = await expectTable(fixture.t11_decisions, "infringements", "decision", {}, ["IN_BEHANDELING"]);
    // the semantics note: 2021: 6 and 2022: 339 dossiers still undecided as of 2023-01-15
    expect(cell(t11, ["IN_BEHANDELING"], "2021")).toBe(6);
    expect(cell(t11, ["IN_BEHANDELING"], "2022")).toBe(339);
    expect(t11.totals.values).toEqual(t9.totals.values);
  });

  it("Table 12: fines on 2022 dossiers by amount, count and total EUR (389 of 401 amounts known)", async () => {
    const fines = await report("fines", ["amount"], [2022]);
    const amounts = await report("fine_amount_eur", ["amount"], [2022]);
    for (const [amount, { count, totalEur }] of Object.entries(fixture.t12_fine_amounts_2022)) {
      expect(cell(fines, [amount], "2022"), `count ${amount}`).toBe(count);
      expect(cell(amounts, [amount], "2022"), `EUR ${amount}`).toBe(totalEur);
    }
    expect(cell(fines, ["ONBEKEND"], "2022")).toBe(12);
    expect(fines.totals.values["2022"]).toBe(401);
    // Table 11's footnote as printed: "* waarbij bij 389 besluiten het bedrag reeds gekend is"
    expect(footnoteFigures([{ number: 12, report: fines }])).toEqual({ knownAmountFines: 389 });
  });

  it("Tables 13–18: fines by office, nationality group, nationality, residence status, target group, gender", async () => {
    const t13 = await expectTable(fixture.t13_fines_office, "fines", "office");
    const t14 = await expectTable(fixture.t14_fines_natgroup, "fines", "nationality_group");
    const t15 = await expectTable(fixture.t15_fines_nationality, "fines", "nationality");
    await expectTable(fixture.t16_fines_status, "fines", "residence_status");
    await expectTable(fixture.t17_fines_target, "fines", "target_group");
    await expectTable(fixture.t18_fines_gender, "fines", "gender");
    expect(t13.totals.values).toEqual(fixture.t11_decisions.BOETE);
    expect(t14.totals.values).toEqual(t15.totals.values);
  });
});

// Not a table of the answer, but the one test with a full bulk import: the name words (issue 18,
// prisma/sql/reports/90-name-words.sql) are kept by a statement trigger that the bulk path's COPY
// fires too, with its foreign keys and indexes dropped and restored around it.
describe("the bulk import of the demo data", () => {
  it("leaves every newcomer's name words and the dictionary as derived from the names", async () => {
    const differ = await pool.query(`
      WITH derived AS (SELECT DISTINCT x.word, n.agency_code, n.search_name, n.id AS newcomer_id
                         FROM newcomer n CROSS JOIN LATERAL unnest(string_to_array(n.search_name, ' ')) AS x(word) WHERE x.word <> '')
      SELECT (SELECT count(*) FROM (SELECT * FROM derived EXCEPT SELECT word, agency_code, search_name, newcomer_id FROM newcomer_name_word) a) AS missing,
             (SELECT count(*) FROM (SELECT word, agency_code, search_name, newcomer_id FROM newcomer_name_word EXCEPT SELECT * FROM derived) b) AS extra,
             (SELECT count(*) FROM newcomer_name_word) AS kept,
             (SELECT count(*) FROM (SELECT DISTINCT word FROM newcomer_name_word EXCEPT SELECT word FROM name_word) c) AS not_in_dictionary`);
    expect(differ.rows[0]).toMatchObject({ missing: "0", extra: "0", not_in_dictionary: "0" });
    expect(Number(differ.rows[0].kept)).toBeGreaterThan(200_000);
  });
});
