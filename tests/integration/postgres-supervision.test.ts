// A supervised embedded PostgreSQL (what `npm run demo` runs) comes back by itself after its
// postmaster is killed hard, with every committed row, and a pg pool serves queries again.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "@/lib/db/embedded-postgres";
import { startSupervisedPostgres, type SupervisedPostgres } from "@/lib/db/supervise-postgres";

describe("the supervised embedded PostgreSQL", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "inburgering-supervised-"));
  fs.chmodSync(dir, 0o755);
  let server: SupervisedPostgres | null = null;
  let pool: pg.Pool | null = null;
  const lines: string[] = [];
  afterAll(async () => {
    await pool?.end().catch(() => {});
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("restarts after kill -9 within 15 s, durable and reachable through the same pool", async () => {
    server = await startSupervisedPostgres({ dataDir: path.join(dir, "pg"), port: await freePort(), log: (l) => lines.push(l), backoffMs: [200, 500, 1000] });
    pool = new pg.Pool({ connectionString: server.url(), max: 2 });
    pool.on("error", () => {}); // idle clients die with the server; the pool replaces them
    expect((await pool.query("SHOW synchronous_commit")).rows[0].synchronous_commit).toBe("on");
    await pool.query("CREATE TABLE saved (id int PRIMARY KEY)");
    for (let i = 1; i <= 50; i++) await pool.query("INSERT INTO saved VALUES ($1)", [i]); // each acknowledged alone

    const first = server.pid;
    process.kill(first, "SIGKILL");
    const killedAt = Date.now();
    let count: number | null = null;
    while (Date.now() - killedAt < 15_000) {
      try {
        count = (await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM saved")).rows[0]!.n;
        if (server.pid !== first) break;
      } catch {
        /* down or recovering */
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(server.pid).not.toBe(first);
    expect(count).toBe(50);
    expect(Date.now() - killedAt).toBeLessThan(15_000);
    expect(server.restarts()).toBe(1);
    expect(lines.join("\n")).toMatch(/onverwacht gestopt/);
    expect(lines.join("\n")).toMatch(/herstart/);
    await pool.query("INSERT INTO saved VALUES (51)");
  }, 60_000);
});
