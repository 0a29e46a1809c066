// npm run db:migrate — applies pending migrations (and the reference code lists) to the database
// of DATABASE_URL, or to the embedded one under .data/.
import { prepareDatabase } from "./lib/prepare-database";

async function main() {
  const database = await prepareDatabase({ log: (l) => console.log(l) });
  console.log(`Database is bij: ${database.embedded ? "ingebedde PostgreSQL" : "DATABASE_URL"}.`);
  await database.close();
}

main().catch((e: unknown) => {
  console.error(`Migratie mislukt: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
