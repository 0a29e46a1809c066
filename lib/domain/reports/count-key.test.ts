// The report_count key's SQL copy (report_count_key() in prisma/sql/reports/10-count-key.sql)
// must list the same columns as the TypeScript constant, in the same order: a quick check without
// a database (tests/integration/report-sql-source.test.ts checks the tables and the index too).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { reportCountKey, reportCountKeySql, rolledUpColumns } from "./count-key";

const sqlFile = fs.readFileSync(path.join(process.cwd(), "prisma", "sql", "reports", "10-count-key.sql"), "utf8");

describe("the report_count key", () => {
  it("is the same list in the SQL file as in count-key.ts", () => {
    const array = /ARRAY\[([^\]]*)\]/.exec(sqlFile)?.[1] ?? "";
    expect([...array.matchAll(/'(\w+)'/g)].map((m) => m[1])).toEqual([...reportCountKey]);
    // the SQL drops the same rolled-up columns
    for (const c of rolledUpColumns) expect(sqlFile).toContain(`CASE WHEN rolled_up THEN '${c}' END`);
    expect(sqlFile.match(/CASE WHEN rolled_up THEN/g)).toHaveLength(rolledUpColumns.length);
  });

  it("rolled up leaves out exactly the columns the coarser grains roll up", () => {
    expect(reportCountKeySql(true).split(", ")).toEqual(reportCountKey.filter((c) => !(rolledUpColumns as readonly string[]).includes(c)));
    expect(reportCountKeySql().split(", ")).toHaveLength(14);
  });
});
