// npm run retention -- --dry-run | --apply [--before YYYY-MM-DD] [--batch N] [--agency CODE]
// The retention rules (lib/domain/retention/rules.ts, issue 15): --dry-run lists what is due and
// changes nothing; --apply anonymises the due dossiers without a legal hold, in batches that each
// commit as a whole (a killed run is resumed by running it again), then deletes the sign-in
// attempts, sessions, search tokens, import error lists and audit rows past their term. --before
// narrows the dossiers to those whose last activity is before that day (never beyond the rule).
// Audited as "npm run retention" (whoever runs it has the database).
import { parseArgs } from "node:util";
import { prepareDatabase } from "./lib/prepare-database";

const USAGE = "Gebruik: npm run retention -- --dry-run | --apply [--before JJJJ-MM-DD] [--batch N] [--agency CODE]";

async function main() {
  const { values } = parseArgs({
    options: {
      "dry-run": { type: "boolean", default: false },
      apply: { type: "boolean", default: false },
      before: { type: "string" },
      batch: { type: "string" },
      agency: { type: "string" },
    },
  });
  if (values["dry-run"] === values.apply) throw new Error("Kies --dry-run of --apply.");
  const before = values.before ? new Date(`${values.before}T00:00:00Z`) : null;
  if (before && (!/^\d{4}-\d{2}-\d{2}$/.test(values.before!) || Number.isNaN(before.getTime()))) throw new Error("--before: een datum JJJJ-MM-DD.");
  const batchSize = values.batch ? Number(values.batch) : 500;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) throw new Error("--batch: een geheel getal van 1 tot 10000.");
  const database = await prepareDatabase({ log: () => {} });
  process.env.DATABASE_URL = database.url; // the data layer's connection: the app's role
  const { db } = await import("../lib/server/db");
  try {
    const { runRetention } = await import("../lib/server/retention/run");
    const r = await runRetention(null, {
      apply: values.apply,
      before,
      batchSize,
      agency: values.agency ?? null,
      onBatch: (done) => console.error(`… ${done} dossiers geanonimiseerd`),
    });
    const day = r.before.toISOString().slice(0, 10);
    console.log(`Dossiers met laatste activiteit vóór ${day}: ${r.dueDossiers} te anonimiseren, waarvan ${r.heldDossiers} onder bewaring.`);
    if (values.apply) console.log(`Geanonimiseerd: ${r.anonymised}.`);
    const p = r.purge;
    console.log(
      `${values.apply ? "Verwijderd" : "Te verwijderen"}: ${p.loginAttempts} aanmeldpogingen, ${p.sessions} sessies, ${p.searchTokens} zoekopdrachten, ` +
        `${p.importErrors} foutlijsten van imports, ${p.auditRows} auditregels.`,
    );
  } finally {
    await db.$disconnect().catch(() => {});
    await database.close();
  }
}

main().catch((e: unknown) => {
  console.error(`${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
  process.exit(1);
});
