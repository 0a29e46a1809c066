// `npm start` in production refuses an unsafe configuration: no NEXTAUTH_SECRET, or one shorter
// than 32 bytes, stops it with a clear message and a non-zero exit code, before it touches the
// database or serves anything.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const tsxCli = path.resolve("node_modules/tsx/dist/cli.mjs");

function start(env: Record<string, string | undefined>) {
  const { NEXTAUTH_SECRET: _s, MIGRATION_DATABASE_URL: _m, ...rest } = process.env;
  return spawnSync(process.execPath, [tsxCli, "scripts/start.ts"], {
    env: { ...rest, NODE_ENV: "production", PORT: "1", ...env } as NodeJS.ProcessEnv,
    encoding: "utf8",
    timeout: 60_000,
  });
}

describe("npm start (production)", () => {
  it("refuses to start without NEXTAUTH_SECRET", () => {
    const r = start({ DATABASE_URL: process.env.DATABASE_URL });
    expect(r.status).not.toBe(0);
    expect(r.status).not.toBeNull();
    expect(r.stderr).toMatch(/NEXTAUTH_SECRET ontbreekt/);
    expect(r.stdout).not.toMatch(/Migratie toegepast|draait op/);
  }, 70_000);

  it("refuses a secret shorter than 32 bytes", () => {
    const r = start({ DATABASE_URL: process.env.DATABASE_URL, NEXTAUTH_SECRET: "kort-geheim-van-31-bytes-lang!!" });
    expect(r.status).not.toBe(0);
    expect(r.status).not.toBeNull();
    expect(r.stderr).toMatch(/NEXTAUTH_SECRET is te kort \(31 bytes\)/);
  }, 70_000);

  it("refuses to start without DATABASE_URL (no embedded database in production)", () => {
    const r = start({ DATABASE_URL: "", NEXTAUTH_SECRET: "x".repeat(48) });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/DATABASE_URL ontbreekt/);
  }, 70_000);
});

describe("npm run user:create", () => {
  const run = (args: string[], input: string) =>
    spawnSync(process.execPath, [tsxCli, "--conditions=react-server", "scripts/user-create.ts", ...args], {
      input,
      encoding: "utf8",
      timeout: 60_000,
      env: process.env,
    });

  it("creates an admin with the password from stdin, hashed and audited as the command line", async () => {
    const email = `eerste-${Date.now()}@beheer.test`;
    const r = run(["--email", email, "--role", "ADMIN", "--name", "Eerste Beheerder"], "een-lang-wachtwoord-123\n");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/aangemaakt/);
    const { db } = await import("@/lib/server/db");
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user).toMatchObject({ role: "ADMIN", name: "Eerste Beheerder", active: true, agencyCode: null });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "user.create", entityId: user.id } });
    expect(audit).toMatchObject({ userId: null, reason: "opdrachtregel (npm run user:create)" });
    expect(JSON.stringify(audit.after)).not.toContain("een-lang-wachtwoord");
  }, 70_000);

  it("refuses a short password and a bad e-mail address and role, all at once, creating nothing", () => {
    const r = run(["--email", "geen-adres", "--role", "BAAS"], "kort\n");
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/email: Dit is geen geldig e-mailadres/);
    expect(r.stderr).toMatch(/role: Kies een rol/);
    expect(r.stderr).toMatch(/password: Het wachtwoord moet minstens 12 tekens hebben/);
    expect(r.stderr).toMatch(/geen gebruiker aangemaakt/);
  }, 70_000);
});
