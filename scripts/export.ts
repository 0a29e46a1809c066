// npm run export -- FILE.jsonl — writes every newcomer with all events in the exchange format
// (docs/DOMAIN.md), in a stable order, from the database of DATABASE_URL or the embedded one.
// Run with `tsx --conditions=react-server` (package.json), as scripts/import.ts.
import { exportExchangeFile } from "../lib/server/exchange/export-exchange";
import { prepareDatabase } from "./lib/prepare-database";

async function main() {
  const file = process.argv[2];
  if (!file) {
    console.error("Gebruik: npm run export -- BESTAND.jsonl");
    process.exit(2);
  }
  const database = await prepareDatabase({ log: () => {} });
  try {
    const started = performance.now();
    const { newcomers, anonymisedLeftOut } = await exportExchangeFile({ databaseUrl: database.url, filePath: file });
    console.log(`Geëxporteerd: ${newcomers} inburgeraars naar ${file} in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
    // issue 15: anonymised dossiers have no number to carry; said, not silently dropped
    if (anonymisedLeftOut > 0) console.log(`Niet geëxporteerd: ${anonymisedLeftOut} geanonimiseerde dossiers.`);
  } finally {
    await database.close();
  }
}

main().catch((e: unknown) => {
  console.error(`Export mislukt: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
