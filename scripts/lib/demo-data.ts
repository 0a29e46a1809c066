// Loads the demo data set into an empty database: the generator (lib/demo-data) writes the
// person-level records that reproduce answer nr. 113 to a JSONL file in the exchange format,
// and the real import engine (lib/server/exchange) loads it — the same path a real migration
// takes. Runs only when the database holds no newcomer yet, so a second `npm run demo` reuses
// the data. Needs `tsx --conditions=react-server` (the import engine is server-only).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { writeDemoFile } from "../../lib/demo-data/write";
import { importExchangeFile } from "../../lib/server/exchange/import-exchange";

export const DEMO_SEED = 113;

async function hasNewcomers(databaseUrl: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    const r = await c.query<{ any: boolean }>("SELECT EXISTS (SELECT 1 FROM newcomer) AS any");
    return r.rows[0]!.any;
  } finally {
    await c.end();
  }
}

export async function loadDemoDataIfEmpty(databaseUrl: string, log: (l: string) => void): Promise<void> {
  if (await hasNewcomers(databaseUrl)) {
    log("Demodata: de database bevat al inburgeraars, niets geladen.");
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "inburgering-demo-"));
  const file = path.join(dir, "demo.jsonl");
  try {
    const started = Date.now();
    const written = await writeDemoFile(file, { scale: 1, seed: DEMO_SEED });
    log(`Demodata gegenereerd: ${written.newcomers} inburgeraars, ${written.events} gebeurtenissen (${((Date.now() - started) / 1000).toFixed(1)} s).`);
    let lastShown = 0;
    let phase = "controleren";
    const result = await importExchangeFile({
      databaseUrl,
      filePath: file,
      onPhase: (p) => {
        if (p === "IMPORTING") phase = "importeren";
      },
      onProgress: (done, total) => {
        const now = Date.now();
        if (now - lastShown > 2000 || done === total) {
          lastShown = now;
          log(`Demodata ${phase}: ${done}/${total} regels`);
        }
      },
    });
    if (!result.ok) {
      const first = result.errors
        .slice(0, 5)
        .map((e) => `regel ${e.line}, ${e.field}: ${e.reason}`)
        .join("; ");
      throw new Error(`De demodata konden niet geïmporteerd worden: ${first}`);
    }
    log(`Demodata geladen: ${result.newcomers} inburgeraars, ${result.events} gebeurtenissen (${result.seconds.toFixed(1)} s import).`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
