// Waits until pg_prewarm's autoprewarm (shared_preload_libraries, lib/db/embedded-postgres.ts) has
// reloaded the blocks that were cached before a restart: its worker ("autoprewarm worker" in
// pg_stat_activity) was seen and has been gone for half a second — or none came within 3 s (nothing
// to reload). Returns how long that took (ms).
import pg from "pg";

export async function waitForPrewarm(url: string, timeoutMs = 120_000): Promise<number> {
  const started = performance.now();
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const load = await c.query<{ on: boolean }>("SELECT current_setting('shared_preload_libraries') LIKE '%pg_prewarm%' AS on");
    if (!load.rows[0]!.on) throw new Error("pg_prewarm is niet geladen (shared_preload_libraries)");
    let seen = false;
    let quiet = 0;
    while (performance.now() - started < timeoutMs) {
      const r = await c.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE backend_type LIKE 'autoprewarm%'");
      if (r.rows[0]!.n > 0) {
        seen = true;
        quiet = 0;
      } else quiet++;
      if ((seen && quiet >= 5) || (!seen && performance.now() - started > 3_000)) return performance.now() - started;
      await new Promise((res) => setTimeout(res, 100));
    }
    throw new Error(`pg_prewarm niet klaar na ${timeoutMs} ms`);
  } finally {
    await c.end();
  }
}
