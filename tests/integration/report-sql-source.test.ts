// The report view, triggers and functions have one source: prisma/sql/reports/*.sql (current
// definitions, applied by migrations that `npm run db:sql` generates from them). The migrated test
// database must define exactly what the files say: a scratch database gets the same migrations
// and then the files on top, and every definition (as PostgreSQL prints it, with who may execute
// it) must come out the same. A file changed without a new migration, a migration that changed
// an object behind the files' back, or an object no file defines fails here.
import crypto from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { migrate } from "@/lib/db/migrate";
import { reportSqlObjects, reportSqlScript } from "@/lib/db/report-sql";
import { reportCountKey, reportCountKeySql } from "@/lib/domain/reports/count-key";
import { differences, readDefinitions } from "@/tests/support/db-definitions";

const inDatabase = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

// the audit log's append-only guard is no report SQL: it stays in migration 20261128180000_init
const notReportSql = [
  "function audit_log_append_only()",
  "trigger audit_log_no_truncate on audit_log",
  "trigger audit_log_no_update_delete on audit_log",
  // the publications' immutability guard (migration 20261202010300_publication), like the audit log's
  "function publication_immutable()",
  "trigger publication_no_truncate on publication",
  "trigger publication_no_update_delete on publication",
  // retention (issue 15, migration 20261202120000_retention): the audit log's redaction and purge, beside its guard
  "function retention_redact_json(jsonb,text[],text)",
  "function retention_redact_audit(uuid[],text[],text)",
  "function retention_purge_audit(text[],text[],timestamp with time zone)",
  // the planner statistics taken again after an anonymisation (migration 20261202200200_retention_statistics)
  "function retention_refresh_statistics()",
];

describe("report SQL: the database defines what prisma/sql/reports says", () => {
  const db = new pg.Client({ connectionString: inject("databaseUrl") });
  beforeAll(() => db.connect());
  afterAll(() => db.end());

  it("gives the same definitions as the migrations with the files applied on top", async () => {
    const name = `report_sql_${crypto.randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: inDatabase(inject("databaseUrl"), "postgres") });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE template0 ENCODING 'UTF8'`);
    try {
      await migrate(inDatabase(inject("databaseUrl"), name), () => {});
      const scratch = new pg.Client({ connectionString: inDatabase(inject("databaseUrl"), name) });
      await scratch.connect();
      try {
        await scratch.query("BEGIN");
        await scratch.query(reportSqlScript());
        await scratch.query("COMMIT");
        const fromFiles = await readDefinitions(scratch);
        const migrated = await readDefinitions(db);
        expect(
          differences(migrated, fromFiles),
          "prisma/sql/reports differs from the migrations: run `npm run db:sql -- NAME` (with --rebuild when the view changed)",
        ).toEqual([]);
      } finally {
        await scratch.end();
      }
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    }
  }, 120_000);

  it("has no view, function or trigger that no file defines", async () => {
    const files = reportSqlObjects();
    const defined = new Set([...files.functions, ...files.views, ...files.triggers]);
    const nameOf = (key: string) =>
      key
        .split(" ")[1]!
        .replace(/\(.*$/, "")
        .replace(/^public\./, "");
    const strays = Object.keys(await readDefinitions(db)).filter((k) => !notReportSql.includes(k) && !defined.has(nameOf(k)));
    expect(strays).toEqual([]);
    // and each file object exists (a typo in a name would otherwise pass the line above)
    const present = new Set(Object.keys(await readDefinitions(db)).map(nameOf));
    expect([...defined].filter((n) => !present.has(n))).toEqual([]);
  });

  it.skipIf(!inject("ownerDatabaseUrl"))("leaves the objects owned by the owner role", async () => {
    const r = await db.query<{ name: string }>(
      `
      SELECT p.proname AS name FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
       WHERE n.nspname = 'public' AND p.proname = ANY($1) AND p.proowner <> 'inburgering_owner'::regrole
      UNION ALL
      SELECT c.relname FROM pg_class c WHERE c.oid = 'report_fact_source'::regclass AND c.relowner <> 'inburgering_owner'::regrole`,
      [reportSqlObjects().functions],
    );
    expect(r.rows).toEqual([]);
  });
});

describe("the report_count key is written once per language and agrees everywhere", () => {
  const db = new pg.Client({ connectionString: inject("databaseUrl") });
  beforeAll(() => db.connect());
  afterAll(() => db.end());

  const columns = async (table: string) =>
    (
      await db.query<{ name: string }>(
        `SELECT attname AS name FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum`,
        [table],
      )
    ).rows.map((r) => r.name);

  it("report_count_key() in SQL equals lib/domain/reports/count-key.ts", async () => {
    const r = await db.query<{ all: string; rolled: string }>(`SELECT report_count_key() AS all, report_count_key(true) AS rolled`);
    expect(r.rows[0]).toEqual({ all: reportCountKeySql(), rolled: reportCountKeySql(true) });
  });

  it("is the key of report_count's unique index and the columns of report_count, report_fact and the view", async () => {
    const key = [...reportCountKey];
    const index = await db.query<{ name: string }>(`
      SELECT a.attname AS name FROM pg_index i CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY k(attnum, ord)
        JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
       WHERE i.indexrelid = 'report_count_key'::regclass ORDER BY k.ord`);
    expect(index.rows.map((r) => r.name)).toEqual(["grain", ...key, "from_year", "to_year"]);
    // report_count is written by column names (a column added later comes after n): any order
    expect((await columns("report_count")).sort()).toEqual(["id", "grain", ...key, "from_year", "to_year", "n"].sort());
    // report_fact is filled from the view by column names (report_fact_sync): the view's columns and the knowledge time, any order
    expect((await columns("report_fact")).sort()).toEqual(["event_id", "valid_from", "valid_to", "newcomer_id", ...key, "recorded_from", "recorded_to"].sort());
    expect(await columns("report_fact_source")).toEqual(["event_id", "valid_from", "valid_to", "newcomer_id", ...key]);
    // report_month_count: the same key and the month (right after the type in its unique index)
    const monthIndex = await db.query<{ name: string }>(`
      SELECT a.attname AS name FROM pg_index i CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY k(attnum, ord)
        JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
       WHERE i.indexrelid = 'report_month_count_key'::regclass ORDER BY k.ord`);
    expect(monthIndex.rows.map((r) => r.name)).toEqual(["grain", "type", "month", ...key.filter((c) => c !== "type")]);
    expect((await columns("report_month_count")).sort()).toEqual(["id", "grain", ...key, "month", "starts", "ends"].sort());
  });
});
