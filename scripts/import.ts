// npm run import -- FILE.jsonl — imports a dossier exchange file (docs/DOMAIN.md) into the database
// of DATABASE_URL or the embedded one. Validates the whole file first; on any error nothing is
// imported, every error is listed as line, field and reason, and the exit code is 1.
// Run with `tsx --conditions=react-server` (package.json) so lib/server's "server-only" marker
// resolves to its empty module outside Next.js.
import fs from "node:fs";
import { importExchangeFile } from "../lib/server/exchange/import-exchange";
import { prepareDatabase } from "./lib/prepare-database";

function progressLine(phase: string) {
  let last = 0;
  return (done: number, total: number) => {
    const t = Date.now();
    if (done < total && t - last < 250) return;
    last = t;
    const pct = total ? Math.floor((done / total) * 100) : 100;
    process.stderr.write(`\r${phase}: ${done}/${total} regels (${pct}%)   `);
    if (done >= total) process.stderr.write("\n");
  };
}

async function main() {
  const file = process.argv[2];
  if (!file || !fs.existsSync(file)) {
    console.error("Gebruik: npm run import -- BESTAND.jsonl");
    process.exit(2);
  }
  const database = await prepareDatabase({ log: () => {} });
  process.env.DATABASE_URL ??= database.url; // the engine reads its configuration (RETENTION_NUMBER_KEY) through lib/server/env.ts
  try {
    let report = progressLine("Controleren");
    const result = await importExchangeFile({
      databaseUrl: database.url,
      filePath: file,
      onPhase: (phase) => {
        if (phase === "IMPORTING") report = progressLine("Importeren");
      },
      onProgress: (d, t) => report(d, t),
    });
    if (!result.ok) {
      // line 0: an error of the whole file (an empty file)
      for (const e of result.errors) console.error(e.line === 0 ? e.reason : `regel ${e.line}, veld ${e.field || "(regel)"}: ${e.reason}`);
      console.error(`${result.errors.length} fout(en): er werd niets geïmporteerd.`);
      process.exitCode = 1;
      return;
    }
    // steps out of the usual order: imported all the same, reported per line
    for (const w of result.warnings) console.warn(`regel ${w.line}, veld ${w.field}: ${w.reason}`);
    if (result.warnings.length > 0) console.warn(`${result.warnings.length} waarschuwing(en): de regels werden toch geïmporteerd.`);
    console.log(`Geïmporteerd: ${result.newcomers} nieuwe inburgeraars, ${result.events} gebeurtenissen in ${result.seconds.toFixed(1)} s.`);
    if (result.previouslyAnonymised) {
      const n = result.previouslyAnonymised;
      console.log(`${n} nieuwe inburgeraars dragen het rijksregisternummer van een geanonimiseerd dossier: aangemaakt als nieuwe persoon.`);
    }
  } finally {
    await database.close();
  }
}

main().catch((e: unknown) => {
  console.error(`Import mislukt, er werd niets gewijzigd: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
