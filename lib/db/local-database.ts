// Which PostgreSQL the command-line tools and `npm run demo` use: DATABASE_URL when it is set,
// otherwise the embedded server with its data under .data/ (started here, or reused when a
// running `npm run demo` already serves it).
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { ensureRoles } from "./roles";
import { startSupervisedPostgres } from "./supervise-postgres";

export const DEFAULT_EMBEDDED_PORT = 54329;
export const DATABASE_NAME = "inburgering";

export interface OpenDatabase {
  /** the app's role (DATABASE_URL, or inburgering_app on the embedded server) */
  url: string;
  /** the owner's role, for migrations and operator steps (MIGRATION_DATABASE_URL, else `url`) */
  ownerUrl: string;
  embedded: boolean;
  /** stops the embedded server when this process started it; otherwise does nothing */
  close: () => Promise<void>;
}

const dataRoot = () => path.join(process.cwd(), ".data");
const ownerFile = () => path.join(dataRoot(), "postgres-owner.json");
/** generated passwords of the two database roles (mode 600, kept across runs) */
export const rolePasswordFile = () => path.join(dataRoot(), "db-roles.json");

/** The process serving the embedded database, and the URLs of its roles. */
interface Owner {
  pid: number;
  port: number;
  url: string;
  ownerUrl: string;
}

function liveOwner(): Owner | null {
  try {
    const owner = JSON.parse(fs.readFileSync(ownerFile(), "utf8")) as Owner;
    if (!owner.ownerUrl) return null; // written by an older version
    process.kill(owner.pid, 0);
    return owner;
  } catch {
    return null;
  }
}

async function accepts(url: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

export async function ensureDatabaseExists(serverUrl: string, name: string) {
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  try {
    const r = await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (r.rowCount === 0) await c.query(`CREATE DATABASE "${name.replace(/"/g, '""')}" TEMPLATE template0 ENCODING 'UTF8'`);
  } finally {
    await c.end();
  }
}

/**
 * `supervise`: restart the embedded server when it dies (npm run demo, which keeps running);
 * one-shot command-line tools do without.
 */
export async function openDatabase(log: (l: string) => void = (l) => console.error(l), opts: { supervise?: boolean } = {}): Promise<OpenDatabase> {
  const external = process.env.DATABASE_URL;
  if (external) return { url: external, ownerUrl: process.env.MIGRATION_DATABASE_URL || external, embedded: false, close: async () => {} };

  const owner = liveOwner();
  if (owner && (await accepts(owner.url))) return { url: owner.url, ownerUrl: owner.ownerUrl, embedded: true, close: async () => {} };

  const port = Number(process.env.PGPORT ?? DEFAULT_EMBEDDED_PORT);
  const serverOpts = { dataDir: path.join(dataRoot(), "pg"), port, log };
  const server = opts.supervise ? await startSupervisedPostgres(serverOpts) : await startEmbeddedPostgres(serverOpts);
  let roles: Awaited<ReturnType<typeof ensureRoles>>;
  try {
    await ensureDatabaseExists(server.url("postgres"), DATABASE_NAME);
    // the superuser sets up both roles (and takes over a database an older version created)
    roles = await ensureRoles(server.url("postgres"), DATABASE_NAME, rolePasswordFile());
  } catch (e) {
    await server.stop();
    throw e;
  }
  const url = roles.appUrl;
  fs.mkdirSync(dataRoot(), { recursive: true });
  fs.writeFileSync(ownerFile(), JSON.stringify({ pid: process.pid, port, url, ownerUrl: roles.ownerUrl } satisfies Owner), { mode: 0o600 });
  return {
    url,
    ownerUrl: roles.ownerUrl,
    embedded: true,
    close: async () => {
      await server.stop();
      if (liveOwner()?.pid === process.pid || !liveOwner()) fs.rmSync(ownerFile(), { force: true });
    },
  };
}
