// The app's database role (inburgering_app, set up by the same code as the embedded default):
// the audit log stays append-only against the app itself, the role cannot switch triggers off,
// is no superuser and owns nothing, and still does everything the app does, the bulk import
// (/beheer/import runs it inside the app) included.
import crypto from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { syntheticExchangeText } from "@/bench/support/synthetic-newcomers";
import { migrate } from "@/lib/db/migrate";
import { ensureRoles } from "@/lib/db/roles";
import { seedReferenceData } from "@/lib/db/seed";
import { BULK_IMPORT_MIN_LINES } from "@/lib/server/exchange/bulk-load";
import { importExchangeFile } from "@/lib/server/exchange/import-exchange";
import { counts, query, writeTempFile } from "@/tests/support/exchange-factories";

const appUrl = inject("appDatabaseUrl");
const ownerUrl = inject("ownerDatabaseUrl");

const inDatabase = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

describe.skipIf(!appUrl || !ownerUrl)("the app's database role", () => {
  const app = new pg.Client({ connectionString: appUrl! });
  beforeAll(async () => {
    await app.connect();
    await app.query(`INSERT INTO audit_log (action, entity_type) VALUES ('test.least-privilege', 'test')`);
  });
  afterAll(() => app.end());

  it("may insert and read the audit log, but not change or erase it", async () => {
    const rows = await app.query(`SELECT id FROM audit_log WHERE action = 'test.least-privilege'`);
    expect(rows.rowCount).toBe(1);
    await expect(app.query(`UPDATE audit_log SET action = 'x' WHERE action = 'test.least-privilege'`)).rejects.toThrow(/permission denied/);
    await expect(app.query(`DELETE FROM audit_log WHERE action = 'test.least-privilege'`)).rejects.toThrow(/permission denied/);
    await expect(app.query(`TRUNCATE audit_log`)).rejects.toThrow(/permission denied/);
  });

  it("may move a printed letter to another dossier (a merge), but not rewrite what was printed", async () => {
    // a statement that matches no row still needs the privilege: permission is checked before any row
    await expect(app.query(`UPDATE letter SET newcomer_id = newcomer_id WHERE false`)).resolves.toBeDefined();
    await expect(app.query(`UPDATE letter SET kind = 'INVITATION' WHERE false`)).rejects.toThrow(/permission denied/);
    await expect(app.query(`UPDATE letter SET printed_at = now() WHERE false`)).rejects.toThrow(/permission denied/);
  });

  it("cannot switch the append-only triggers off", async () => {
    await expect(app.query(`SET session_replication_role = replica`)).rejects.toThrow(/permission denied/);
    await app.query("BEGIN");
    try {
      await expect(app.query(`SET LOCAL session_replication_role = replica`)).rejects.toThrow(/permission denied/);
    } finally {
      await app.query("ROLLBACK");
    }
    await expect(app.query(`ALTER TABLE audit_log DISABLE TRIGGER ALL`)).rejects.toThrow(/must be owner|permission denied/);
    await expect(app.query(`DROP TRIGGER audit_log_no_update_delete ON audit_log`)).rejects.toThrow(/must be owner|permission denied/);
    const still = await app.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'test.least-privilege'`);
    expect(still.rows[0].n).toBe(1);
  });

  it("is no superuser, creates no roles or databases, and owns nothing", async () => {
    const role = await app.query(`SELECT rolsuper, rolcreatedb, rolcreaterole, rolbypassrls FROM pg_roles WHERE rolname = current_user`);
    expect(role.rows[0]).toEqual({ rolsuper: false, rolcreatedb: false, rolcreaterole: false, rolbypassrls: false });
    const owned = await app.query(`
      SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE c.relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)
      UNION ALL SELECT p.proname FROM pg_proc p WHERE p.proowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)
      UNION ALL SELECT nspname FROM pg_namespace WHERE nspowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)`);
    expect(owned.rows).toEqual([]);
    const tables = await app.query(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user`);
    expect(tables.rows[0].n).toBe(0);
    // the owner's stash of dropped definitions is out of reach (no executing definitions of the app's choosing)
    await expect(
      app.query(`INSERT INTO inburgering_private.bulk_load_dropped (kind, table_name, name, definition) VALUES ('index', 'x', 'x', 'x')`),
    ).rejects.toThrow(/permission denied/);
  });

  it("imports a large file in bulk-load mode, indexes and foreign keys put back", async () => {
    // a database of its own (the bulk load locks its tables exclusively), set up like production
    const name = `least_privilege_${crypto.randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: inDatabase(inject("databaseUrl"), "postgres") });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}" OWNER inburgering_owner TEMPLATE template0 ENCODING 'UTF8'`);
    try {
      const owner = inDatabase(ownerUrl!, name);
      await migrate(owner, () => {});
      const c = new pg.Client({ connectionString: owner });
      await c.connect();
      await seedReferenceData(c);
      await c.end();
      const structure = `SELECT (SELECT count(*) FROM pg_indexes WHERE schemaname = 'public')::int AS indexes,
                                (SELECT count(*) FROM pg_constraint WHERE contype = 'f')::int AS keys`;
      const [before] = await query(owner, structure);

      const lines = BULK_IMPORT_MIN_LINES + 100;
      const result = await importExchangeFile({ databaseUrl: inDatabase(appUrl!, name), filePath: writeTempFile(syntheticExchangeText(lines)) });
      expect(result).toMatchObject({ ok: true, newcomers: lines });
      expect((await counts(owner)).newcomers).toBe(lines);
      expect(await query(owner, structure)).toEqual([before]);
      const [facts] = await query<{ n: number }>(owner, `SELECT count(*)::int AS n FROM report_fact`);
      expect(facts!.n).toBeGreaterThan(0);
      const [firsts] = await query<{ n: number }>(owner, `SELECT count(*)::int AS n FROM track_event WHERE is_first_of_type`);
      expect(firsts!.n).toBeGreaterThan(0);
      const [stash] = await query<{ n: number }>(owner, `SELECT count(*)::int AS n FROM inburgering_private.bulk_load_dropped`);
      expect(stash!.n).toBe(0);
      // vacuumed after the commit, by the app's role (its MAINTAIN grant): nothing left for autovacuum to do while staff work
      const vacuumed = await query<{ relname: string; vacuumed: boolean }>(
        owner,
        `SELECT relname, last_vacuum IS NOT NULL AS vacuumed FROM pg_stat_user_tables WHERE relname = ANY(bulk_loaded_tables()) ORDER BY relname`,
      );
      expect(vacuumed).toHaveLength(8);
      expect(vacuumed.filter((t) => !t.vacuumed).map((t) => t.relname)).toEqual([]);
      const [dead] = await query<{ n: number }>(owner, `SELECT n_dead_tup::int AS n FROM pg_stat_user_tables WHERE relname = 'newcomer'`);
      expect(dead!.n).toBe(0);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    }
  }, 120_000);

  it("takes over a database that an older version created and migrated as the superuser", async () => {
    const name = `takeover_${crypto.randomBytes(4).toString("hex")}`;
    const superuser = inDatabase(inject("databaseUrl"), "postgres");
    const admin = new pg.Client({ connectionString: superuser });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE template0 ENCODING 'UTF8'`);
    try {
      await migrate(inDatabase(superuser, name), () => {}); // as before: everything owned by postgres
      const roles = await ensureRoles(superuser, name, inject("dbRolesFile"));
      const [owners] = await query<{ others: number; mine: number }>(
        roles.ownerUrl,
        `
        SELECT count(*) FILTER (WHERE r.rolname <> 'inburgering_owner')::int AS others,
               count(*) FILTER (WHERE r.rolname = 'inburgering_owner')::int AS mine
          FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_roles r ON r.oid = c.relowner
         WHERE n.nspname IN ('public', 'inburgering_private') AND c.relkind IN ('r', 'v', 'S', 'i')`,
      );
      expect(owners).toMatchObject({ others: 0 });
      expect(owners!.mine).toBeGreaterThan(10);
      const [fn] = await query<{ owner: string }>(roles.ownerUrl, `SELECT proowner::regrole::text AS owner FROM pg_proc WHERE proname = 'bulk_load_drop'`);
      expect(fn!.owner).toBe("inburgering_owner");
      // the app works and is still refused what it was refused
      const c = new pg.Client({ connectionString: roles.appUrl });
      await c.connect();
      try {
        await c.query(`INSERT INTO audit_log (action, entity_type) VALUES ('test.takeover', 'test')`);
        await expect(c.query(`DELETE FROM audit_log`)).rejects.toThrow(/permission denied/);
      } finally {
        await c.end();
      }
      // and the owner can run later migrations (nothing pending: the bookkeeping is readable)
      expect((await migrate(roles.ownerUrl, () => {})).applied).toEqual([]);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    }
  }, 120_000);
});
