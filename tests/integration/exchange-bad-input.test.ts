// Bad bytes in an import file are refused with their line (and field), and nothing is written:
// invalid UTF-8 (was stored as U+FFFD and reported as success), a NUL character in a name (passed
// validation, then failed the whole file with PostgreSQL's "invalid byte sequence … 0x00"), and
// an empty file (the command line reported "0 new" with success).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importExchangeFile } from "@/lib/server/exchange/import-exchange";
import { syntheticNewcomer } from "@/bench/support/synthetic-newcomers";
import { createEmptyDatabase, fingerprint } from "@/tests/support/exchange-factories";

const tsxCli = path.resolve("node_modules/tsx/dist/cli.mjs");
const cli = (file: string, url: string) =>
  spawnSync(process.execPath, [tsxCli, "--conditions=react-server", "scripts/import.ts", file], {
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
  });

function writeBytes(content: Buffer | string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "exchange-bad-")), "dossiers.jsonl");
  fs.writeFileSync(file, content);
  return file;
}

describe("import of bad bytes", () => {
  let db: { url: string; drop: () => Promise<void> };
  beforeAll(async () => {
    db = await createEmptyDatabase();
  });
  afterAll(async () => {
    await db.drop();
  });

  it("refuses a line that is not valid UTF-8, with its line and field, and writes nothing", async () => {
    const good = JSON.stringify(syntheticNewcomer(40_000));
    // "Müller" in Latin-1: 0xFC is not valid UTF-8
    const latin1 = Buffer.from(JSON.stringify({ ...syntheticNewcomer(40_001), lastName: "M\u00fcller" }), "latin1");
    const file = writeBytes(Buffer.concat([Buffer.from(`${good}\n`), latin1, Buffer.from(`\n${good.replace("40000", "x")}\n`)]));
    const before = await fingerprint(db.url);
    const result = await importExchangeFile({ databaseUrl: db.url, filePath: file });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toContainEqual({ line: 2, field: "lastName", reason: expect.stringContaining("UTF-8") });
    expect(await fingerprint(db.url)).toEqual(before);
  });

  it("refuses a NUL character in a name with line and field (escaped or raw), and writes nothing", async () => {
    const escaped = JSON.stringify({ ...syntheticNewcomer(40_002), firstName: "Ay\u0000se" });
    expect(escaped).toContain("\\u0000");
    const raw = JSON.stringify({ ...syntheticNewcomer(40_003), lastName: "RAWNUL" }).replace("RAWNUL", "Raw\u0000Nul");
    const file = writeBytes(`${JSON.stringify(syntheticNewcomer(40_004))}\n${escaped}\n${raw}\n`);
    const before = await fingerprint(db.url);
    const result = await importExchangeFile({ databaseUrl: db.url, filePath: file });
    expect(result).toEqual({
      ok: false,
      errors: [
        { line: 2, field: "firstName", reason: expect.stringContaining("NUL") },
        { line: 3, field: "lastName", reason: expect.stringContaining("NUL") },
      ],
    });
    expect(await fingerprint(db.url)).toEqual(before);
  });

  it("the command line refuses an empty file (0 bytes, or only blank lines) and exits non-zero", () => {
    for (const content of ["", "\n\n  \n"]) {
      const r = cli(writeBytes(content), db.url);
      expect(r.status).not.toBe(0);
      expect(r.stderr).toContain("Het bestand is leeg");
      expect(r.stdout).not.toContain("Geïmporteerd");
    }
  });
});
