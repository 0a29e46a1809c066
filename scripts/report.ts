// npm run report -- MEASURE --by DIM[,DIM2] --from YEAR --to YEAR [--as-of YYYY-MM-DD] [--recorded-on INSTANT] [--format json|csv|table]
// --recorded-on: knowledge time, the report as the database held it at that instant (2023-01-15T18:00:00Z; without an offset,
// Brussels time); default now.
// Prints one report on stdout, against the database of DATABASE_URL or the embedded one. Uses
// runReport (lib/domain/reports/run-report.ts), which needs no Next and no "server-only": the
// command line is trusted (whoever runs it has the database), so there is no Actor to check.
// With REPORTS_DATABASE_URL set it reads that replica, with the app's freshness rule
// (lib/domain/reports/replica-freshness.ts): too far behind (REPORTS_MAX_LAG_SECONDS, default 300)
// or unreachable → the primary, and the notice on stderr (stdout stays the report alone).
import pg from "pg";
import { ZodError } from "zod";
import { issuesText } from "@/lib/domain/kit";
import { openDatabase } from "@/lib/db/local-database";
import { dimensionLabels } from "@/lib/domain/reports/definitions";
import { reportToCsv } from "@/lib/domain/reports/export-csv";
import {
  DEFAULT_MAX_LAG_SECONDS,
  freshnessText,
  judgeReplica,
  REPLICA_PROBE_SQL,
  type ReplicaProbe,
  type ReportFreshness,
} from "@/lib/domain/reports/replica-freshness";
import { runReport, type ReportResult } from "@/lib/domain/reports/run-report";
import { todayIso } from "@/lib/i18n/format";

const usage =
  "Gebruik: npm run report -- MAATSTAF --by DIM[,DIM2] --from JAAR --to JAAR [--as-of JJJJ-MM-DD] " +
  "[--recorded-on TIJDSTIP] [--agency CODE] [--format json|csv|table]";

function parseArgs(argv: string[]) {
  const opts: Record<string, string> = {};
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith("--")) {
      const [k, inline] = a.slice(2).split("=", 2);
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`Waarde ontbreekt voor --${k}.`);
      opts[k!] = v;
    } else positional.push(a);
  }
  if (positional.length !== 1) throw new Error(usage);
  const format = opts.format ?? "json";
  if (!["json", "csv", "table"].includes(format)) throw new Error(`Onbekend formaat: ${format}. ${usage}`);
  return {
    input: {
      measure: positional[0]!,
      by: (opts.by ?? "").split(",").filter(Boolean),
      from: Number(opts.from),
      to: Number(opts.to),
      asOf: opts["as-of"] ?? todayIso(),
      agency: opts.agency ?? null,
      recordedOn: opts["recorded-on"] ?? null,
    },
    format,
  };
}

function asTable(r: ReportResult): string {
  const header = [...r.by.map((d) => dimensionLabels[d]), ...r.years.map(String), "totaal"];
  const body = r.rows.map((row) => [...row.labels, ...r.years.map((y) => String(row.values[String(y)])), String(row.total)]);
  body.push([...r.by.map((_, i) => (i === 0 ? "Totaal" : "")), ...r.years.map((y) => String(r.totals.values[String(y)])), String(r.totals.total)]);
  const all = [header, ...body];
  const widths = header.map((_, c) => Math.max(...all.map((row) => row[c]!.length)));
  const nDims = r.by.length;
  return `${all.map((row) => row.map((v, c) => (c < nDims ? v.padEnd(widths[c]!) : v.padStart(widths[c]!))).join("  ")).join("\n")}\n`;
}

/** The replica's pool when it is reachable and fresh enough; otherwise null, and why. */
async function replicaPool(url: string): Promise<{ pool: pg.Pool | null; freshness: ReportFreshness }> {
  const pool = new pg.Pool({ connectionString: url, max: 1, connectionTimeoutMillis: 2000 });
  pool.on("error", () => {});
  try {
    const probe = (await pool.query<ReplicaProbe>(REPLICA_PROBE_SQL)).rows[0]!;
    const freshness = judgeReplica(probe, Number(process.env.REPORTS_MAX_LAG_SECONDS || DEFAULT_MAX_LAG_SECONDS));
    if (freshness.source === "replica") return { pool, freshness };
    await pool.end();
    return { pool: null, freshness };
  } catch {
    await pool.end().catch(() => {});
    return { pool: null, freshness: { source: "primary", reason: "unreachable" } };
  }
}

async function main() {
  const { input, format } = parseArgs(process.argv.slice(2));
  const replicaUrl = process.env.REPORTS_DATABASE_URL;
  const replica = replicaUrl ? await replicaPool(replicaUrl) : null;
  if (replica) console.error(freshnessText(replica.freshness));
  const database = replica?.pool ? { url: replicaUrl!, close: async () => {} } : await openDatabase(() => {});
  const pool = replica?.pool ?? new pg.Pool({ connectionString: database.url, max: 1 });
  try {
    const report = await runReport(pool, input);
    process.stdout.write(format === "json" ? `${JSON.stringify(report)}\n` : format === "csv" ? reportToCsv(report) : asTable(report));
  } finally {
    await pool.end();
    await database.close();
  }
}

main().catch((e: unknown) => {
  if (e instanceof ZodError) console.error(e.issues.map((i) => `${i.path.join(".") || "rapport"}: ${issuesText([i])}`).join("\n"));
  else console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
