// runReport: one report in the JSON shape of docs/DOMAIN.md ("Scripting interface"), computed by one
// SQL query (sql.ts) through any executor with pg's `query(text, values)` — a pg Pool or Client,
// or the app's Prisma client wrapped by lib/server/reports. It needs no session and no
// "server-only", so the CLI (scripts/report.ts) and the benchmarks run it without Next; the
// page-facing function (lib/server/reports/get-report.ts) checks the Actor and the scope first.
import { cellKeys, compareValues, labelOfValue, type Dimension, type Measure } from "./definitions";
import { parseReportParams } from "./report-params.schema";
import { buildReportQuery } from "./sql";

export interface SqlExecutor {
  // a structural type that pg.Pool, pg.PoolClient and Prisma's adapter all satisfy
  // biome-ignore lint/suspicious/noExplicitAny: rows are checked where they are read
  query(text: string, values?: any[]): Promise<{ rows: any[] }>;
}

export interface ReportRow {
  keys: string[];
  labels: string[];
  values: Record<string, number>;
  total: number;
}
export interface ReportResult {
  measure: Measure;
  by: Dimension[];
  years: number[];
  asOf: string;
  /** knowledge time: present when the report was computed as recorded on this instant (ISO, UTC) */
  recordedOn?: string;
  rows: ReportRow[];
  totals: { values: Record<string, number>; total: number };
}

export interface RunReportInput {
  measure: string;
  by: string[];
  from: number;
  to: number;
  asOf: string;
  agency?: string | null;
  /** knowledge time (kennisdatum): an instant; absent or null: now */
  recordedOn?: string | null;
}

interface Cell {
  k1: string;
  k2?: string;
  l1: string | null;
  l2?: string | null;
  year: number;
  value: string | number | bigint;
}

export async function runReport(executor: SqlExecutor, input: RunReportInput): Promise<ReportResult> {
  const p = parseReportParams(input);
  const q = buildReportQuery(p);
  const { rows } = await executor.query(q.text, q.values);
  const report = shapeReport(p.measure, p.by, p.from, p.to, p.asOf, rows as Cell[]);
  return p.recordedOn ? { ...report, recordedOn: p.recordedOn } : report;
}

/** Turns the grouped cells into rows (all-zero rows left out) and totals that are their sum. */
export function shapeReport(measure: Measure, by: Dimension[], from: number, to: number, asOf: string, cells: Cell[]): ReportResult {
  const years = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const zero = () => Object.fromEntries(years.map((y) => [String(y), 0])) as Record<string, number>;
  const byKey = new Map<string, ReportRow>();
  for (const c of cells) {
    const keys = cellKeys(c, by.length);
    const id = JSON.stringify(keys);
    let row = byKey.get(id);
    if (!row) {
      row = { keys, labels: keys.map((k, i) => labelOfValue(by[i]!, k, i === 0 ? c.l1 : c.l2)), values: zero(), total: 0 };
      byKey.set(id, row);
    }
    row.values[String(c.year)]! += Number(c.value);
  }
  const rows = [...byKey.values()].filter((r) => years.some((y) => r.values[String(y)] !== 0));
  for (const r of rows) r.total = years.reduce((s, y) => s + r.values[String(y)]!, 0);
  rows.sort((a, b) => {
    for (let i = 0; i < by.length; i++) {
      const c = compareValues(by[i]!, { code: a.keys[i]!, label: a.labels[i]! }, { code: b.keys[i]!, label: b.labels[i]! });
      if (c !== 0) return c;
    }
    return 0;
  });
  const totals = { values: zero(), total: 0 };
  for (const r of rows) for (const y of years) totals.values[String(y)]! += r.values[String(y)]!;
  totals.total = years.reduce((s, y) => s + totals.values[String(y)]!, 0);
  return { measure, by, years, asOf, rows, totals };
}
