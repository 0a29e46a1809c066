import "server-only";
// Bulk-load mode for large imports: foreign keys checked once per import instead of once per
// row, and secondary indexes rebuilt once instead of maintained row by row.
//
// PostgreSQL checks a foreign key with one lookup per inserted row, and updates every index
// (the trigram GIN index on names and the report indexes on track_event above all) per row. For
// the demo data set (201,203 newcomers, 648,047 events) that was 29 s of newcomer COPY and 85 s
// of event COPY. Inside the import's transaction the constraints and indexes are dropped and
// re-created exactly as they were (pg_get_constraintdef / pg_get_indexdef): re-adding a foreign
// key checks every row in one set-based scan, and if anything does not match the whole import
// fails and rolls back — constraints and indexes included, since DDL is transactional in
// PostgreSQL (a killed process also rolls back). Primary keys and unique indexes stay: they
// guard correctness during the load.
//
// The price is an exclusive lock on the tables until the import commits, so it is used for large
// imports only. The app's database role owns no table, so the dropping and re-creating goes
// through bulk_load_drop()/bulk_load_restore(), SECURITY DEFINER functions of the owner
// (prisma/sql/reports/70-bulk-load.sql) that keep the definitions out of the app's reach.
// dropForeignKeys/dropSecondaryIndexes below are the owner's direct path (benchmarks). Indexes are only rebuilt when the
// file adds at least a quarter of the rows already there (otherwise rebuilding the whole index
// costs more than maintaining it).
import type pg from "pg";

export const BULK_IMPORT_MIN_LINES = 5_000;
const REBUILD_INDEXES_MIN_SHARE = 0.25;

interface ForeignKey {
  table: string;
  name: string;
  definition: string;
}
interface Index {
  name: string;
  definition: string;
}

/** Drops the foreign keys of (and into) `tables`; returns how to put them back. */
export async function dropForeignKeys(client: pg.ClientBase, tables: string[]): Promise<ForeignKey[]> {
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

/** Drops the non-unique indexes of `tables` that back no constraint; returns their definitions. */
export async function dropSecondaryIndexes(client: pg.ClientBase, tables: string[]): Promise<Index[]> {
  const r = await client.query<Index>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i
      WHERE i.indrelid::regclass::text = ANY($1::text[]) AND NOT i.indisunique AND NOT i.indisprimary
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
      ORDER BY 1`,
    [tables],
  );
  for (const ix of r.rows) await client.query(`DROP INDEX ${ix.name}`);
  return r.rows;
}

/** Rows already in `table` (exact: a count on the primary key, cheap next to the load itself). */
async function rowCount(client: pg.ClientBase, table: string): Promise<number> {
  const r = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
  return r.rows[0]!.n;
}

/** How `load` runs: row by row, or in bulk-load mode with or without the indexes dropped. */
export type LoadMode = "rows" | "bulk" | "bulk-rebuilding-indexes";

/**
 * Runs `load` in bulk-load mode when the import is large (see above), in the caller's
 * transaction. `incoming` is the number of new rows for `tables[0]` (the newcomers).
 * `afterLoad` runs once the indexes and keys are back, with the same mode. Returns what `load`
 * returned and the mode it ran in (the caller VACUUMs after its commit when the indexes were rebuilt).
 */
export async function withBulkLoad<T>(
  client: pg.ClientBase,
  tables: string[],
  incoming: number,
  load: (mode: LoadMode) => Promise<T>,
  afterLoad: (mode: LoadMode) => Promise<void> = async () => {},
): Promise<{ result: T; mode: LoadMode }> {
  if (incoming < BULK_IMPORT_MIN_LINES) {
    const result = await load("rows");
    await afterLoad("rows");
    return { result, mode: "rows" };
  }
  const rebuild = incoming >= REBUILD_INDEXES_MIN_SHARE * (await rowCount(client, tables[0]!));
  const mode: LoadMode = rebuild ? "bulk-rebuilding-indexes" : "bulk";
  await client.query("SELECT bulk_load_drop($1::text[], $2)", [tables, rebuild]);
  const result = await load(mode);
  if (rebuild) await client.query("SET LOCAL maintenance_work_mem = '256MB'");
  await client.query("SELECT bulk_load_restore()");
  await afterLoad(mode);
  return { result, mode };
}

/**
 * After the commit of a load that rebuilt the indexes: VACUUM of the tables it wrote or derived
 * (bulk_loaded_tables(), prisma/sql/reports/70-bulk-load.sql). Every row it wrote is then marked
 * committed and all-visible, and the rows the derivations replaced (the track state rebuild
 * updates every newcomer) are gone. Without it the first hour of work after the demo load read a
 * heap half of dead rows and checked every row's commit status on first touch, while autovacuum
 * did the same work in the background: 50 staff right after the load had a list p95 of 235 ms and
 * a save p95 of 732 ms, against 76 ms and 199 ms once vacuumed (bench/README.md "Last"). The app's
 * role runs it through its MAINTAIN grant (PostgreSQL 17+; without it VACUUM skips the table
 * with a warning).
 */
export async function vacuumBulkLoaded(client: pg.ClientBase): Promise<void> {
  const r = await client.query<{ t: string }>("SELECT unnest(bulk_loaded_tables()) AS t");
  await client.query(`VACUUM ${r.rows.map((x) => client.escapeIdentifier(x.t)).join(", ")}`);
}
