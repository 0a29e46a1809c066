// Helpers for the exchange (import/export) tests: a fresh, empty database of their own on the
// test server (so "the database as it was" and "an empty database" mean exactly that), exchange
// files on disk, and a fingerprint of every imported row (xmin included: a row rewritten with
// the same values still changes it).
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { inject } from "vitest";
import { migrate } from "@/lib/db/migrate";
import { seedReferenceData } from "@/lib/db/seed";

export async function createEmptyDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = new URL(inject("databaseUrl"));
  const name = `exchange_${crypto.randomBytes(4).toString("hex")}`;
  const server = new URL(base);
  server.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: server.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}" TEMPLATE template0 ENCODING 'UTF8'`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  await migrate(url.toString(), () => {});
  const c = new pg.Client({ connectionString: url.toString() });
  await c.connect();
  await seedReferenceData(c);
  await c.end();
  return {
    url: url.toString(),
    drop: async () => {
      const a = new pg.Client({ connectionString: server.toString() });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await a.end();
    },
  };
}

export function writeTempFile(content: string, name = "dossiers.jsonl"): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "exchange-test-"));
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

export async function query<T extends pg.QueryResultRow = Record<string, unknown>>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql, params)).rows;
  } finally {
    await c.end();
  }
}

/** A hash over every row (and its xmin) of the tables an import writes, plus their counts. */
export async function fingerprint(url: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of ["newcomer", "track_event", "infringement_decision", "audit_log", "import_run"]) {
    const [row] = await query<{ n: string; h: string | null }>(
      url,
      `SELECT count(*)::text AS n, md5(string_agg(t::text || ':' || t.xmin::text, ',' ORDER BY t::text)) AS h FROM "${table}" t`,
    );
    out[table] = `${row!.n}:${row!.h ?? ""}`;
  }
  return out;
}

export async function counts(url: string): Promise<{ newcomers: number; events: number; decisions: number }> {
  const [r] = await query<{ n: number; e: number; d: number }>(
    url,
    `SELECT (SELECT count(*) FROM newcomer)::int AS n, (SELECT count(*) FROM track_event)::int AS e, (SELECT count(*) FROM infringement_decision)::int AS d`,
  );
  return { newcomers: r!.n, events: r!.e, decisions: r!.d };
}
