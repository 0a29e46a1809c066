// Who sees which figures (scope from the Actor, never from the URL), and the scripting
// interface `npm run report` run as a child process against the test database.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, inject, it } from "vitest";
import { ForbiddenError } from "@/lib/server/errors";
import { getReport } from "@/lib/server/reports/get-report";
import { createTestAgency, createTestNewcomer, createTestUser } from "../support/factories";
import { addDecision, addEvent } from "../support/report-factories";

const run = promisify(execFile);

describe("report scope", () => {
  it("gives an agency manager their own agency only, whatever agency is asked for", async () => {
    const mine = await createTestAgency();
    const other = await createTestAgency();
    await addEvent(await createTestNewcomer(mine), { type: "CONTRACT", date: "2021-03-01" });
    await addEvent(await createTestNewcomer(other), { type: "CONTRACT", date: "2021-03-01" });
    await addEvent(await createTestNewcomer(other), { type: "CONTRACT", date: "2021-04-01" });
    const manager = await createTestUser("MANAGER", mine);
    const q = { measure: "contracts", by: ["agency"], from: 2021, to: 2021, asOf: "2023-01-15" };
    for (const agency of [null, other.agencyCode]) {
      const r = await getReport(manager, { ...q, agency });
      expect(r.agency).toBe(mine.agencyCode);
      expect(r.rows.map((row) => row.keys[0])).toEqual([mine.agencyCode]);
    }
  });

  it("lets a Flemish-scope manager and an admin see all agencies or filter one", async () => {
    const a = await createTestAgency();
    const b = await createTestAgency();
    await addEvent(await createTestNewcomer(a), { type: "ATTESTATION", date: "2021-03-01" });
    await addEvent(await createTestNewcomer(b), { type: "ATTESTATION", date: "2021-03-01" });
    for (const actor of [await createTestUser("MANAGER", null), await createTestUser("ADMIN")]) {
      const all = await getReport(actor, { measure: "attestations", by: ["agency"], from: 2021, to: 2021, asOf: "2023-01-15" });
      expect(all.rows.map((r) => r.keys[0])).toEqual(expect.arrayContaining([a.agencyCode, b.agencyCode]));
      const one = await getReport(actor, { measure: "attestations", by: ["agency"], from: 2021, to: 2021, asOf: "2023-01-15", agency: b.agencyCode });
      expect(one.rows.map((r) => r.keys[0])).toEqual([b.agencyCode]);
    }
  });

  it("refuses staff", async () => {
    const a = await createTestAgency();
    const staff = await createTestUser("STAFF", a);
    await expect(getReport(staff, { measure: "contracts", by: ["office"], from: 2021, to: 2021, asOf: "2023-01-15" })).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("npm run report (child process)", () => {
  const cli = (args: string[]) =>
    run(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "scripts/report.ts", ...args], {
      env: { ...process.env, DATABASE_URL: inject("databaseUrl") },
    });

  it("prints exactly the documented JSON shape", async () => {
    const a = await createTestAgency();
    for (const [nat, year] of [
      ["AFG", 2021],
      ["AFG", 2022],
      ["MAR", 2022],
    ] as const) {
      const n = await createTestNewcomer(a);
      const inf = await addEvent(n, { type: "INFRINGEMENT", date: `${year}-02-01`, nationality: nat });
      await addDecision(inf.id, { outcome: "BOETE", on: `${year}-03-01`, amountEur: 375 });
    }
    const { stdout } = await cli([
      "fines",
      "--by",
      "nationality",
      "--from",
      "2020",
      "--to",
      "2022",
      "--as-of",
      "2023-01-15",
      "--agency",
      a.agencyCode,
      "--format",
      "json",
    ]);
    expect(JSON.parse(stdout)).toEqual({
      measure: "fines",
      by: ["nationality"],
      years: [2020, 2021, 2022],
      asOf: "2023-01-15",
      rows: [
        { keys: ["AFG"], labels: ["Afghanistan"], values: { "2020": 0, "2021": 1, "2022": 1 }, total: 2 },
        { keys: ["MAR"], labels: ["Marokko"], values: { "2020": 0, "2021": 0, "2022": 1 }, total: 1 },
      ],
      totals: { values: { "2020": 0, "2021": 1, "2022": 2 }, total: 3 },
    });
    const csv = await cli([
      "fines",
      "--by",
      "nationality",
      "--from",
      "2020",
      "--to",
      "2022",
      "--as-of",
      "2023-01-15",
      "--agency",
      a.agencyCode,
      "--format",
      "csv",
    ]);
    expect(csv.stdout.split("\r\n")[1]).toBe("Afghanistan;0;1;1;2");
  });

  it("exits non-zero with a Dutch message on a bad request", async () => {
    await expect(cli(["contracts", "--by", "decision", "--from", "2020", "--to", "2022"])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining("bestaat niet voor contracts"),
    });
  });
});
