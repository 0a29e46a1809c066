// The embedded PostgreSQL under supervision, for `npm run demo`: when the postmaster dies (a
// crash, an OOM kill, `kill -9`), it is started again on the same data directory and port, with a
// growing pause between attempts, so the app (whose pg pool reconnects by itself) serves again
// without anyone restarting anything. PostgreSQL's own crash recovery replays the WAL: with
// synchronous_commit on, every acknowledged commit is there afterwards.
import { startEmbeddedPostgres, type EmbeddedPostgresOptions, type RunningPostgres } from "./embedded-postgres";

/** Pauses before the 1st, 2nd, … restart attempt; the last one repeats. */
export const RESTART_BACKOFF_MS = [500, 1000, 2000, 5000, 10_000];

export interface SupervisedPostgres extends RunningPostgres {
  /** how often the server was restarted after dying */
  restarts: () => number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startSupervisedPostgres(opts: EmbeddedPostgresOptions & { backoffMs?: number[] }): Promise<SupervisedPostgres> {
  const log = opts.log ?? ((l: string) => console.log(l));
  const backoff = opts.backoffMs ?? RESTART_BACKOFF_MS;
  let current = await startEmbeddedPostgres(opts);
  let stopping = false;
  let restarts = 0;

  const watch = (server: RunningPostgres) => {
    void server.exited.then(async ({ code, signal }) => {
      if (stopping) return;
      log(`PostgreSQL is onverwacht gestopt (${signal ? `signaal ${signal}` : `code ${code}`}); de database wordt herstart.`);
      for (let attempt = 0; !stopping; attempt++) {
        const pause = backoff[Math.min(attempt, backoff.length - 1)]!;
        await sleep(pause);
        if (stopping) return;
        try {
          const next = await startEmbeddedPostgres({ ...opts, log });
          if (stopping) {
            await next.stop();
            return;
          }
          current = next;
          restarts++;
          log(`PostgreSQL is herstart (poging ${attempt + 1}) en aanvaardt weer verbindingen.`);
          watch(next);
          return;
        } catch (e) {
          // e.g. backends of the dead postmaster still hold its shared memory for a moment
          log(`Herstart van PostgreSQL mislukt (poging ${attempt + 1}): ${e instanceof Error ? e.message.split("\n")[0] : String(e)}; nieuwe poging.`);
        }
      }
    });
  };
  watch(current);

  return {
    url: (database?: string) => current.url(database),
    port: opts.port,
    get dataDir() {
      return current.dataDir;
    },
    get pid() {
      return current.pid;
    },
    get exited() {
      return current.exited;
    },
    restarts: () => restarts,
    stop: async () => {
      stopping = true;
      await current.stop();
    },
  };
}
