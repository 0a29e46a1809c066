// The server the Playwright tests run against: a fresh database (embedded PostgreSQL under
// .data/e2e-pg, or a new database on the server of DATABASE_URL) with migrations, code lists,
// demo accounts and the demo data set, and the production build on E2E_PORT (see scripts/lib/e2e-ports.ts).
// Writes .data/e2e-state.json so that tests can reach the same database.
import { DEMO_FINE_IBAN } from "../lib/domain/letters/fine-letter";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres, type RunningPostgres } from "../lib/db/embedded-postgres";
import { rolePasswordFile } from "../lib/db/local-database";
import { migrate } from "../lib/db/migrate";
import { ensureRoles } from "../lib/db/roles";
import { seedDemoUsers, seedReferenceData } from "../lib/db/seed";
import { loadDemoDataIfEmpty } from "./lib/demo-data";
import { e2ePgPort, e2ePort } from "./lib/e2e-ports";
import { actionsKey, authSecret, buildIfNeeded, startNext, waitForHttp } from "./lib/next-server";

const log = (l: string) => console.log(`[e2e-server] ${l}`);
const DB_NAME = "inburgering_e2e";
export const E2E_STATE_FILE = path.join(process.cwd(), ".data", "e2e-state.json");

async function recreateDatabase(serverUrl: string) {
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS "${DB_NAME}" WITH (FORCE)`);
  await c.query(`CREATE DATABASE "${DB_NAME}" TEMPLATE template0 ENCODING 'UTF8'`);
  await c.end();
}

async function main() {
  const port = e2ePort;
  let server: RunningPostgres | null = null;
  let serverUrl: string;
  if (process.env.DATABASE_URL) {
    const u = new URL(process.env.DATABASE_URL);
    u.pathname = "/postgres";
    serverUrl = u.toString();
  } else {
    server = await startEmbeddedPostgres({ dataDir: path.join(process.cwd(), ".data", "e2e-pg"), port: e2ePgPort, log });
    serverUrl = server.url("postgres");
  }
  await recreateDatabase(serverUrl);
  const u = new URL(serverUrl);
  u.pathname = `/${DB_NAME}`;
  let databaseUrl = u.toString();
  let appUrl = databaseUrl;
  if (server) {
    // as in the embedded default: migrations and data as the owner, the app as its own role, so
    // the e2e tier exercises least privilege for real
    const roles = await ensureRoles(serverUrl, DB_NAME, rolePasswordFile());
    databaseUrl = roles.ownerUrl;
    appUrl = roles.appUrl;
  }
  await migrate(databaseUrl, log);
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  await seedReferenceData(c);
  await seedDemoUsers(c);
  await c.end();
  await loadDemoDataIfEmpty(databaseUrl, log);
  buildIfNeeded(log);

  const baseUrl = `http://127.0.0.1:${port}`;
  fs.mkdirSync(path.dirname(E2E_STATE_FILE), { recursive: true });
  // appUrl: e2e/two-instances.spec.ts starts more instances of the app, as the app's role
  fs.writeFileSync(E2E_STATE_FILE, JSON.stringify({ databaseUrl, baseUrl, appUrl }));
  const app = startNext(port, {
    DATABASE_URL: appUrl,
    NEXTAUTH_URL: baseUrl,
    NEXTAUTH_SECRET: authSecret(),
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: actionsKey(),
    FINE_PAYMENT_IBAN: process.env.FINE_PAYMENT_IBAN ?? DEMO_FINE_IBAN,
  });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    app.kill("SIGTERM");
    await server?.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
  app.once("exit", () => void stop());
  await waitForHttp(`${baseUrl}/login`);
  log(`klaar op ${baseUrl}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
