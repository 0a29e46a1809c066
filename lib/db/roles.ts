// The two database roles of least privilege, set up by a superuser on a server this project runs
// itself (the embedded default, the e2e server, the integration tests):
// - inburgering_owner owns the database and every schema object and runs the migrations;
// - inburgering_app is what the running app connects as: no superuser, owns nothing, rights
//   granted by migration 20261201000100_least_privilege (audit_log: SELECT and INSERT only).
// Both are login roles with generated passwords kept in a mode-600 file, the same on every run.
// An external PostgreSQL gets the same roles from prisma/sql/create-roles.sql.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

export const OWNER_ROLE = "inburgering_owner";
export const APP_ROLE = "inburgering_app";

export interface RoleUrls {
  /** the owner: migrations, code lists, demo data, operator tools */
  ownerUrl: string;
  /** the app's role */
  appUrl: string;
}

interface Passwords {
  owner: string;
  app: string;
}

function passwords(file: string): Passwords {
  try {
    const p = JSON.parse(fs.readFileSync(file, "utf8")) as Passwords;
    if (p.owner && p.app) return p;
  } catch {
    /* first run */
  }
  const p: Passwords = { owner: crypto.randomBytes(24).toString("hex"), app: crypto.randomBytes(24).toString("hex") };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(p), { mode: 0o600 });
  return p;
}

function withCredentials(url: string, user: string, password: string, database: string): string {
  const u = new URL(url);
  u.username = user;
  u.password = password;
  u.pathname = `/${database}`;
  return u.toString();
}

const quoteLiteral = (s: string) => `'${s.replace(/'/g, "''")}'`;

async function ensureLoginRole(c: pg.Client, name: string, password: string) {
  const exists = await c.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [name]);
  // the migration may have made the app role NOLOGIN (developer set-up): make it a login role
  const verb = exists.rowCount ? "ALTER" : "CREATE";
  await c.query(`${verb} ROLE ${name} LOGIN PASSWORD ${quoteLiteral(password)} NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS`);
}

/**
 * Creates (or refreshes) both roles on the server of `superuserUrl`, makes the owner the owner of
 * `database` and of every object in it that a superuser created (a database of an older version,
 * migrated as `postgres`), and returns the URLs of both roles.
 */
export async function ensureRoles(superuserUrl: string, database: string, passwordFile: string): Promise<RoleUrls> {
  const pw = passwords(passwordFile);
  const server = new pg.Client({ connectionString: superuserUrl });
  await server.connect();
  try {
    // roles are cluster-wide: one set-up at a time (tests and e2e may start together)
    await server.query("SELECT pg_advisory_lock(72707002)");
    await ensureLoginRole(server, OWNER_ROLE, pw.owner);
    await ensureLoginRole(server, APP_ROLE, pw.app);
    await server.query(`ALTER DATABASE "${database.replace(/"/g, '""')}" OWNER TO ${OWNER_ROLE}`);
    await server.query("SELECT pg_advisory_unlock(72707002)");
  } finally {
    await server.end();
  }
  const inDb = new pg.Client({
    connectionString: withCredentials(superuserUrl, new URL(superuserUrl).username, decodeURIComponent(new URL(superuserUrl).password), database),
  });
  await inDb.connect();
  try {
    await takeOver(inDb);
  } finally {
    await inDb.end();
  }
  return {
    ownerUrl: withCredentials(superuserUrl, OWNER_ROLE, pw.owner, database),
    appUrl: withCredentials(superuserUrl, APP_ROLE, pw.app, database),
  };
}

/** Moves the objects of the public and private schemas that a superuser owns to the owner role. */
async function takeOver(c: pg.Client) {
  const r = await c.query<{ stmt: string }>(`
    WITH mine AS (SELECT oid FROM pg_roles WHERE rolsuper)
    SELECT format('ALTER SCHEMA %I OWNER TO ${OWNER_ROLE}', n.nspname) AS stmt
      FROM pg_namespace n WHERE n.nspname IN ('public', 'inburgering_private') AND n.nspowner IN (SELECT oid FROM mine)
    UNION ALL
    SELECT format('ALTER %s %s OWNER TO ${OWNER_ROLE}',
                  CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END, c.oid::regclass)
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname IN ('public', 'inburgering_private') AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
       AND c.relowner IN (SELECT oid FROM mine)
       -- sequences of serial columns follow their table
       AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i')))
       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e')
    UNION ALL
    SELECT format('ALTER ROUTINE %s OWNER TO ${OWNER_ROLE}', p.oid::regprocedure)
      FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
     WHERE n.nspname IN ('public', 'inburgering_private') AND p.proowner IN (SELECT oid FROM mine)
       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
    UNION ALL
    SELECT format('ALTER TYPE %s OWNER TO ${OWNER_ROLE}', t.oid::regtype)
      FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
     WHERE n.nspname = 'public' AND t.typtype IN ('e', 'd') AND t.typowner IN (SELECT oid FROM mine)
       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = t.oid AND d.deptype = 'e')`);
  for (const { stmt } of r.rows) await c.query(stmt);
  // grants made by a migration that ran as the superuser keep working; objects the owner adds
  // from now on get the app's rights by default (as migration 20261201000100 sets up for its runner)
  if ((await c.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [APP_ROLE])).rowCount) {
    await c.query(`ALTER DEFAULT PRIVILEGES FOR ROLE ${OWNER_ROLE} IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${APP_ROLE}`);
    await c.query(`ALTER DEFAULT PRIVILEGES FOR ROLE ${OWNER_ROLE} IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${APP_ROLE}`);
    await c.query(`ALTER DEFAULT PRIVILEGES FOR ROLE ${OWNER_ROLE} IN SCHEMA public GRANT EXECUTE ON FUNCTIONS TO ${APP_ROLE}`);
  }
}
