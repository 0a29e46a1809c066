// Integration tests run against a real PostgreSQL: a fresh embedded server in a temporary folder
// (the default), or a fresh database on the server of TEST_DATABASE_URL / DATABASE_URL.
// Migrations and the reference code lists are applied once; each test file creates the
// agencies, users and newcomers it needs, so files never depend on each other's data.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { freePort, startEmbeddedPostgres } from "../../lib/db/embedded-postgres";
import { ensureDatabaseExists } from "../../lib/db/local-database";
import { migrate } from "../../lib/db/migrate";
import { ensureRoles } from "../../lib/db/roles";
import { seedReferenceData } from "../../lib/db/seed";

declare module "vitest" {
  export interface ProvidedContext {
    /** superuser: what the tests use to arrange and inspect */
    databaseUrl: string;
    /** the app's least-privileged role (inburgering_app), null on an external server */
    appDatabaseUrl: string | null;
    /** the owner role (inburgering_owner), null on an external server */
    ownerDatabaseUrl: string | null;
    /** the passwords file of both roles (for tests that run the role set-up again) */
    dbRolesFile: string;
  }
}

export default async function setup(project: TestProject) {
  const external = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  let url: string;
  let teardown: () => Promise<void>;
  let server: string;
  let rolesFile = "";
  if (external) {
    const name = `inburgering_test_${crypto.randomBytes(4).toString("hex")}`;
    const serverUrl = new URL(external);
    serverUrl.pathname = "/postgres";
    server = serverUrl.toString();
    await ensureDatabaseExists(server, name);
    const u = new URL(external);
    u.pathname = `/${name}`;
    url = u.toString();
    teardown = async () => {
      const c = new pg.Client({ connectionString: server });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    };
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "inburgering-test-"));
    fs.chmodSync(dir, 0o755);
    const pgServer = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port: await freePort(), log: () => {} });
    await ensureDatabaseExists(pgServer.url(), "inburgering_test");
    url = pgServer.url("inburgering_test");
    server = pgServer.url();
    rolesFile = path.join(dir, "db-roles.json");
    teardown = async () => {
      await pgServer.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    };
  }
  // as the embedded default does: both roles, migrations as the owner (an external server the
  // tests cannot create roles on migrates as the given user, and the least-privilege tests skip)
  let appDatabaseUrl: string | null = null;
  let migrationUrl = url;
  if (!external) {
    const roles = await ensureRoles(server, new URL(url).pathname.slice(1), rolesFile);
    appDatabaseUrl = roles.appUrl;
    migrationUrl = roles.ownerUrl;
  }
  await migrate(migrationUrl);
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await seedReferenceData(c);
  await c.end();
  process.env.DATABASE_URL = url;
  project.provide("databaseUrl", url);
  project.provide("appDatabaseUrl", appDatabaseUrl);
  project.provide("ownerDatabaseUrl", external ? null : migrationUrl);
  project.provide("dbRolesFile", rolesFile);
  return teardown;
}
