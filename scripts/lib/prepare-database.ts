// Opens the database (DATABASE_URL or the embedded server), applies pending migrations and loads
// the reference code lists. Shared by every command-line entry point.
import pg from "pg";
import { openDatabase, type OpenDatabase } from "../../lib/db/local-database";
import { migrate } from "../../lib/db/migrate";
import { seedDemoUsers, seedReferenceData } from "../../lib/db/seed";

export async function prepareDatabase(opts: { demoUsers?: boolean; supervise?: boolean; log?: (l: string) => void } = {}): Promise<OpenDatabase> {
  const log = opts.log ?? ((l: string) => console.error(l));
  const database = await openDatabase(log, { supervise: opts.supervise });
  try {
    // migrations and code lists as the owner; the app itself connects as database.url
    await migrate(database.ownerUrl, log);
    const client = new pg.Client({ connectionString: database.ownerUrl });
    await client.connect();
    try {
      await seedReferenceData(client);
      if (opts.demoUsers) await seedDemoUsers(client);
    } finally {
      await client.end();
    }
    return database;
  } catch (e) {
    await database.close();
    throw e;
  }
}
