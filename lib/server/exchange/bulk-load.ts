import "server-only";
// Foreign keys checked once per import instead of once per row. PostgreSQL checks a foreign key
// with one lookup per inserted row; for a bulk import of 200,000 newcomers with 650,000 events
// those lookups are most of the time (measured: 29 s of newcomer COPY and 85 s of event COPY
// against ~10 s without them). Inside the import's transaction the constraints are dropped and
// re-added exactly as they were: re-adding checks every row in one set-based scan, and if
// anything does not match, the whole import fails and rolls back — constraints included, as
// DDL is transactional in PostgreSQL (a killed process also rolls back). The price is an
// exclusive lock on the tables until the import commits, so it is used for large imports only,
// and only when the database user owns the tables (otherwise rows are checked one by one).
import type pg from "pg";

export const BULK_IMPORT_MIN_LINES = 5_000;

interface ForeignKey { table: string; name: string; definition: string }

/** Drops the foreign keys of (and into) `tables`; returns how to put them back. */
async function dropForeignKeys(client: pg.ClientBase, tables: string[]): Promise<ForeignKey[]> {
  const r = await client.query<ForeignKey>(
    `SELECT c.conrelid::regclass::text AS table, c.conname AS name, pg_get_constraintdef(c.oid) AS definition
       FROM pg_constraint c
      WHERE c.contype = 'f' AND (c.conrelid::regclass::text = ANY($1::text[]) OR c.confrelid::regclass::text = ANY($1::text[]))
      ORDER BY c.conname`,
    [tables],
  );
  for (const fk of r.rows) await client.query(`ALTER TABLE ${fk.table} DROP CONSTRAINT "${fk.name}"`);
  return r.rows;
}

async function ownsTables(client: pg.ClientBase, tables: string[]): Promise<boolean> {
  const r = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_class WHERE oid = ANY($1::regclass[]) AND pg_has_role(relowner, 'USAGE')`,
    [tables],
  );
  return r.rows[0]!.n === tables.length;
}

/** Runs `load` with the foreign keys of `tables` checked once at the end (in the caller's transaction). */
export async function withBulkForeignKeyCheck<T>(client: pg.ClientBase, tables: string[], lines: number, load: (bulk: boolean) => Promise<T>): Promise<T> {
  if (lines < BULK_IMPORT_MIN_LINES || !(await ownsTables(client, tables))) return load(false);
  const dropped = await dropForeignKeys(client, tables);
  const result = await load(true);
  for (const fk of dropped) await client.query(`ALTER TABLE ${fk.table} ADD CONSTRAINT "${fk.name}" ${fk.definition}`);
  return result;
}
