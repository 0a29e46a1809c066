// npm start — the production start: the production build against the PostgreSQL of DATABASE_URL
// (no embedded database), after applying pending migrations (as MIGRATION_DATABASE_URL, the
// owner role, when set) and loading the reference code lists. Seeds no accounts: the first admin
// comes from `npm run user:create`. Refuses to start on an unsafe configuration, listing every
// problem at once.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { migrate } from "../lib/db/migrate";
import { seedReferenceData } from "../lib/db/seed";
import { startNext, waitForHttp } from "./lib/next-server";
import { productionConfigErrors } from "./lib/production-config";

const log = (l: string) => console.log(l);

function buildIfMissing() {
  const root = process.cwd();
  if (fs.existsSync(path.join(root, ".next", "BUILD_ID"))) return;
  log("Geen productiebuild gevonden: de build wordt nu gemaakt (next build, ± 1 minuut)…");
  const r = spawnSync(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (r.status !== 0) throw new Error("next build is mislukt.");
}

async function warnings(appUrl: string) {
  const c = new pg.Client({ connectionString: appUrl });
  await c.connect();
  try {
    const role = await c.query<{ rolsuper: boolean; owns: number }>(
      `SELECT r.rolsuper, (SELECT count(*)::int FROM pg_class WHERE relowner = r.oid AND relnamespace = 'public'::regnamespace) AS owns
         FROM pg_roles r WHERE r.rolname = current_user`,
    );
    if (role.rows[0]?.rolsuper) {
      console.warn(
        "WAARSCHUWING: de app verbindt als superuser. Dan kan ze het auditlog wijzigen; " +
          "gebruik de rol inburgering_app (prisma/sql/create-roles.sql, zie README).",
      );
    } else if ((role.rows[0]?.owns ?? 0) > 0) {
      console.warn(
        "WAARSCHUWING: de databaserol van de app is eigenaar van tabellen; " +
          "gebruik de rol inburgering_app en MIGRATION_DATABASE_URL voor de eigenaar (zie README).",
      );
    }
    const admins = await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM app_user WHERE role = 'ADMIN' AND active`);
    if (admins.rows[0]!.n === 0) log("Er is nog geen beheerder: maak er een aan met `npm run user:create -- --email … --role ADMIN`.");
  } finally {
    await c.end();
  }
}

async function main() {
  (process.env as Record<string, string>).NODE_ENV = "production";
  const errors = productionConfigErrors(process.env);
  if (errors.length > 0) {
    console.error("De app start niet: de configuratie is niet veilig voor productie.");
    for (const e of errors) console.error(`  - ${e}`);
    process.exit(1);
  }
  const appUrl = process.env.DATABASE_URL!;
  const ownerUrl = process.env.MIGRATION_DATABASE_URL || appUrl;
  await migrate(ownerUrl, log);
  const c = new pg.Client({ connectionString: ownerUrl });
  await c.connect();
  try {
    await seedReferenceData(c);
  } finally {
    await c.end();
  }
  await warnings(appUrl);
  buildIfMissing();

  const port = Number(process.env.PORT ?? 3000);
  const env: Record<string, string> = {
    DATABASE_URL: appUrl,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET!,
    // read by Next itself (not by lib/server/env.ts): the same on every instance behind the balancer
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY!,
  };
  if (process.env.NEXTAUTH_URL) env.NEXTAUTH_URL = process.env.NEXTAUTH_URL;
  env.FINE_PAYMENT_IBAN = process.env.FINE_PAYMENT_IBAN!;
  // the owner's credentials stay with this process: the app never sees them
  delete process.env.MIGRATION_DATABASE_URL;
  const app = startNext(port, env);
  const stop = () => app.kill("SIGTERM");
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  app.once("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
  await waitForHttp(`http://127.0.0.1:${port}/login`, 120_000).catch(() => {});
  log(`De app draait op poort ${port}${process.env.NEXTAUTH_URL ? ` (${process.env.NEXTAUTH_URL})` : ""}.`);
}

main().catch((e: unknown) => {
  console.error(`De app start niet: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
