// A throw-away embedded PostgreSQL for a benchmark, with fresh databases migrated and seeded
// with the reference code lists, so every run measures the same empty schema.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort, startEmbeddedPostgres } from "../../lib/db/embedded-postgres";
import { ensureDatabaseExists } from "../../lib/db/local-database";
import { migrate } from "../../lib/db/migrate";
import { seedReferenceData } from "../../lib/db/seed";

export interface BenchServer {
  database: (name: string) => Promise<string>;
  stop: () => Promise<void>;
}

/** `keep`: a directory that holds the database between runs (a 10× load takes many minutes); by default a fresh one, removed at stop. */
export async function startBenchServer(keep?: string): Promise<BenchServer> {
  const dir = keep ?? fs.mkdtempSync(path.join(os.tmpdir(), "inburgering-bench-"));
  fs.mkdirSync(dir, { recursive: true });
  fs.chmodSync(dir, 0o755);
  const server = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port: await freePort(), log: () => {} });
  return {
    database: async (name) => {
      await ensureDatabaseExists(server.url("postgres"), name);
      const url = server.url(name);
      await migrate(url);
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await seedReferenceData(c);
      await c.end();
      return url;
    },
    stop: async () => {
      await server.stop();
      if (!keep) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
