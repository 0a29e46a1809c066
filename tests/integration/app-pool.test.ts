// The app's pool keeps its connections while idle (lib/server/db.ts): node-postgres closes an idle
// connection after 10 s by default, and the next visitor then paid a new connection (fork, SCRAM,
// cold catalog caches) and lost the plans kept per connection — the report triggers' among them.
import { describe, expect, it } from "vitest";
import { sqlPool } from "@/lib/server/db";

describe("the app's connection pool", () => {
  it("serves a request after 11 s of idleness on the same PostgreSQL backend", async () => {
    const pid = async () => (await sqlPool().query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!.pid;
    const before = await pid();
    await new Promise((r) => setTimeout(r, 11_000));
    expect(await pid()).toBe(before);
  }, 30_000);
});
