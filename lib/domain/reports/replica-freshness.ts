// How fresh a read replica is, and whether reports may be read from it. Pure: the probe's text
// and the judgement of its answer; lib/server/reports/report-source.ts (the app) and
// scripts/report.ts (the command line) run the probe on their own connections.
import { formatTime } from "@/lib/i18n/format";
import { DEFAULT_LOCALE, type Locale, translator } from "@/lib/i18n/messages";

/** What a report was read from, for the notice on the page. */
export type ReportFreshness =
  | { source: "replica" /** ISO moment the replica's data are complete up to */; until: string; lagSeconds: number }
  | { source: "primary"; reason: "unreachable" }
  /** lagSeconds null: WAL waits and no transaction was replayed since the standby started */
  | { source: "primary"; reason: "lagging"; lagSeconds: number | null };

/**
 * One round trip on the replica. `caught_up`: the replica has replayed all the WAL it has received
 * — then it is current however old its last replayed transaction is (on a quiet primary
 * pg_last_xact_replay_timestamp() stays at the last commit, hours ago, while nothing is missing),
 * so the lag is 0 and the data are complete up to now. Only with WAL still waiting to be
 * replayed is the lag now − the last replayed commit. (While the standby cannot reach the
 * primary it still counts as caught up with what it received: it cannot know more; the
 * primary's pg_stat_replication is where an operator sees that.)
 */
/** How far a replica may lag before reports read the primary, unless REPORTS_MAX_LAG_SECONDS says otherwise. */
export const DEFAULT_MAX_LAG_SECONDS = 300;

export const REPLICA_PROBE_SQL = `SELECT pg_is_in_recovery() AS in_recovery,
  pg_last_xact_replay_timestamp() AS replayed_at,
  pg_last_wal_receive_lsn() IS NOT DISTINCT FROM pg_last_wal_replay_lsn() AS caught_up,
  now() AS now`;

export interface ReplicaProbe {
  in_recovery: boolean;
  replayed_at: Date | null;
  caught_up: boolean;
  now: Date;
}

export function judgeReplica(probe: ReplicaProbe, maxLagSeconds: number): ReportFreshness {
  // not in recovery: a primary itself (a promoted replica, or the same server): current
  if (!probe.in_recovery || probe.caught_up) return { source: "replica", until: probe.now.toISOString(), lagSeconds: 0 };
  // in recovery, WAL waiting, and no transaction replayed since the standby started: unknown age
  if (!probe.replayed_at) return { source: "primary", reason: "lagging", lagSeconds: null };
  // compared unrounded, so a limit of 0 means "nothing may be waiting"
  const lag = Math.max(0, (probe.now.getTime() - probe.replayed_at.getTime()) / 1000);
  if (lag > maxLagSeconds) return { source: "primary", reason: "lagging", lagSeconds: Math.ceil(lag) };
  return { source: "replica", until: probe.replayed_at.toISOString(), lagSeconds: Math.round(lag) };
}

/** The notice of a page (and of `npm run report` on stderr): "Gegevens tot 14:02:31." or why the primary answered. */
export function freshnessText(f: ReportFreshness, locale: Locale = DEFAULT_LOCALE): string {
  const t = translator("reports", locale);
  if (f.source === "replica") return t("freshness.replica", { time: formatTime(f.until, locale) });
  if (f.reason === "unreachable") return t("freshness.unreachable");
  return f.lagSeconds === null ? t("freshness.laggingUnknown") : t("freshness.lagging", { seconds: f.lagSeconds });
}
