// Applies the migrations of prisma/migrations (Prisma's layout) with plain SQL, because Prisma's
// migrate engine cannot be downloaded on these machines. Bookkeeping goes into Prisma's own
// `_prisma_migrations` table with the same checksum (sha256 of migration.sql), so that
// `prisma migrate deploy` on a connected machine sees the same history and applies the rest.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

const BOOKKEEPING = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum"            VARCHAR(64) NOT NULL,
  "finished_at"         TIMESTAMPTZ,
  "migration_name"      VARCHAR(255) NOT NULL,
  "logs"                TEXT,
  "rolled_back_at"      TIMESTAMPTZ,
  "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export function migrationsDir(root = process.cwd()) {
  return path.join(root, "prisma", "migrations");
}

export function listMigrations(dir = migrationsDir()) {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => {
      const sql = fs.readFileSync(path.join(dir, d.name, "migration.sql"), "utf8");
      return { name: d.name, sql, checksum: crypto.createHash("sha256").update(sql).digest("hex") };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

export async function migrate(databaseUrl: string, log: (l: string) => void = () => {}): Promise<MigrationResult> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // one migrator at a time (demo and tests may start together)
    await client.query("SELECT pg_advisory_lock(72707001)");
    await client.query(BOOKKEEPING);
    const done = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const byName = new Map(done.rows.map((r) => [r.migration_name, r]));
    const applied: string[] = [];
    for (const m of listMigrations()) {
      const prior = byName.get(m.name);
      if (prior?.finished_at) {
        if (prior.checksum !== m.checksum) log(`Let op: migratie ${m.name} is gewijzigd nadat ze werd toegepast.`);
        continue;
      }
      if (prior) throw new Error(`Migratie ${m.name} is eerder mislukt; herstel de database en verwijder die rij uit _prisma_migrations.`);
      // each migration in its own transaction: it applies completely or not at all
      await client.query("BEGIN");
      try {
        await client.query(m.sql);
        await client.query(`INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES ($1, $2, now(), $3, 1)`, [
          crypto.randomUUID(),
          m.checksum,
          m.name,
        ]);
        await client.query("COMMIT");
      } catch (e) {
        await client.query("ROLLBACK");
        throw new Error(`Migratie ${m.name} mislukt: ${(e as Error).message}`);
      }
      applied.push(m.name);
      log(`Migratie toegepast: ${m.name}`);
    }
    return { applied, alreadyApplied: byName.size };
  } finally {
    await client.query("SELECT pg_advisory_unlock(72707001)").catch(() => {});
    await client.end();
  }
}
