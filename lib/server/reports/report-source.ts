import "server-only";
// Where the report reads go: the read replica of REPORTS_DATABASE_URL when one is configured,
// reachable and fresh enough (REPORTS_MAX_LAG_SECONDS), else the primary. Only the report SQL
// (runReport) comes here; access checks, the agency list and the audit of the view stay on the
// primary (lib/server/db.ts `db`).
import { judgeReplica, REPLICA_PROBE_SQL, type ReplicaProbe, type ReportFreshness } from "@/lib/domain/reports/replica-freshness";
import type { SqlExecutor } from "@/lib/domain/reports/run-report";
import { reportsPool, sqlPool } from "@/lib/server/db";
import { serverEnv } from "@/lib/server/env";
import { logError } from "@/lib/server/entry/log-error";

/** How long a failed replica is skipped without being asked again. */
export const REPLICA_RETRY_MS = 5_000;

// A failure of the replica is remembered in process memory for a few seconds so that a dead
// replica costs one connect timeout per interval instead of one per report (the answer runs 19
// queries). Safe to keep per process, and not shared between app instances: it is only a cache
// of the replica's health — losing it, or two instances disagreeing for a few seconds, changes
// where a read goes, never what is read or who may read it.
const health = { downUntil: 0 };

/** For tests: forget a remembered failure. */
export function resetReplicaHealthForTests() {
  health.downUntil = 0;
}

export interface ReportReader {
  executor: SqlExecutor;
  /** null without a configured replica (nothing to say on the page) */
  freshness: () => ReportFreshness | null;
}

/** runReport's executor over the app's (primary) pg pool: the query text has numbered parameters only. */
export const primaryExecutor: SqlExecutor = { query: (text, values = []) => sqlPool().query(text, values) };

/** A replica that accepts connections but does not answer its probe counts as unreachable too. */
const PROBE_TIMEOUT_MS = 2_000;

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`geen antwoord binnen ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

function markDown(context: string, e: unknown) {
  health.downUntil = Date.now() + REPLICA_RETRY_MS;
  // the error of a connection or a probe: no statement values, no personal data
  logError(`report replica ${context}: rapporten lezen de hoofddatabank`, e);
}

/** Asks the replica once how fresh it is, and returns the executor the report reads should use. */
export async function openReportReader(): Promise<ReportReader> {
  const replica = reportsPool();
  if (!replica) return { executor: primaryExecutor, freshness: () => null };
  let freshness: ReportFreshness;
  if (Date.now() < health.downUntil) freshness = { source: "primary", reason: "unreachable" };
  else {
    try {
      const probe = await withTimeout(replica.query<ReplicaProbe>(REPLICA_PROBE_SQL), PROBE_TIMEOUT_MS).then((r) => r.rows[0]!);
      freshness = judgeReplica(probe, serverEnv().REPORTS_MAX_LAG_SECONDS);
      if (freshness.source === "primary" && freshness.reason === "lagging")
        logError(
          "report replica",
          new Error(
            `replica loopt ${freshness.lagSeconds ?? "?"} s achter (limiet ${serverEnv().REPORTS_MAX_LAG_SECONDS} s): rapporten lezen de hoofddatabank`,
          ),
        );
    } catch (e) {
      markDown("probe", e);
      freshness = { source: "primary", reason: "unreachable" };
    }
  }
  if (freshness.source === "primary") return { executor: primaryExecutor, freshness: () => freshness };
  // a query that fails on the replica after a good probe (it stopped, or a recovery conflict
  // cancelled it) is run again on the primary, and the page says so
  const executor: SqlExecutor = {
    query: async (text, values = []) => {
      if (freshness.source === "replica") {
        try {
          return await replica.query(text, values);
        } catch (e) {
          markDown("query", e);
          freshness = { source: "primary", reason: "unreachable" };
        }
      }
      return primaryExecutor.query(text, values);
    },
  };
  return { executor, freshness: () => freshness };
}
