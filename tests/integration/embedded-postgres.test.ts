// The embedded server survives a run that was killed hard: its leftover postmaster is detected
// and stopped, and the data is still there.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { freePort, startEmbeddedPostgres } from "@/lib/db/embedded-postgres";

describe("embedded PostgreSQL", () => {
  it("recovers from a killed run and keeps the data", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "inburgering-leftover-"));
    fs.chmodSync(dir, 0o755);
    const dataDir = path.join(dir, "pg");
    const port = await freePort();
    // a child process starts the server, writes a row, prints READY and is then killed with SIGKILL
    const script = `
      const { startEmbeddedPostgres } = require(${JSON.stringify(path.resolve("lib/db/embedded-postgres.ts"))});
      const pg = require("pg");
      (async () => {
        const s = await startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)}, port: ${port}, log: () => {} });
        const c = new pg.Client(s.url()); await c.connect();
        await c.query("CREATE TABLE kept (v int)"); await c.query("INSERT INTO kept VALUES (42)"); await c.end();
        console.log("READY " + s.dataDir);
        setInterval(() => {}, 1000);
      })();`;
    const child = spawn(process.execPath, ["--import", "tsx", "-e", script], { stdio: ["ignore", "pipe", "inherit"] });
    // the data directory the server really runs from: when the `postgres` user (root runs it as
    // that user) cannot reach the project folder, it is relocated under /var/tmp
    const runningDataDir = await new Promise<string>((resolve, reject) => {
      let out = "";
      child.stdout.on("data", (d: Buffer) => {
        out += d.toString();
        const m = /READY (.+)\n/.exec(out);
        if (m) resolve(m[1]!);
      });
      child.once("exit", (code) => reject(new Error(`child exited ${code}`)));
    });
    child.kill("SIGKILL");
    await new Promise((r) => child.once("exit", r));
    const pid = Number(fs.readFileSync(path.join(runningDataDir, "postmaster.pid"), "utf8").split("\n")[0]);
    expect(() => process.kill(pid, 0)).not.toThrow(); // the leftover postmaster is still running

    const lines: string[] = [];
    const server = await startEmbeddedPostgres({ dataDir, port, log: (l) => lines.push(l) });
    try {
      expect(server.dataDir).toBe(runningDataDir); // the second run finds the same data directory
      expect(lines.join("\n")).toMatch(/Achtergebleven PostgreSQL-proces/);
      const c = new pg.Client(server.url());
      await c.connect();
      expect((await c.query("SELECT v FROM kept")).rows).toEqual([{ v: 42 }]);
      await c.end();
    } finally {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
      if (runningDataDir.startsWith("/var/tmp/inburgering-pg-")) fs.rmSync(path.dirname(runningDataDir), { recursive: true, force: true });
    }
  });
});
