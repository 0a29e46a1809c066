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
