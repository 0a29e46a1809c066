// What changed between two versions of a publication's figures: cell by cell, only the cells that
// differ (inner cells, row totals, the Totaal line), per table in order. A row missing on one side
// counts as zeros there (a report leaves all-zero rows out). A hidden figure has no number: its
// difference is null.
import type { ShownValue } from "../disclosure/display";
import type { ChangeReasons } from "./change-reasons";
import type { PublishedTable } from "./figures";

export interface ChangedCell {
  /** the row's keys; [] for the Totaal line */
  keys: string[];
  labels: string[];
  /** a year, or "total" for the row total */
  column: number | "total";
  old: ShownValue;
  new: ShownValue;
  difference: number | null;
  /** the records behind the change by reason (change-reasons.ts); absent where not explained (the check, another peildatum) */
  reasons?: ChangeReasons;
}

export interface TableDiff {
  index: number;
  spec: PublishedTable["spec"];
  changes: ChangedCell[];
}

const ZERO = 0;

function rowCells(t: PublishedTable | undefined) {
  const m = new Map<string, { labels: string[]; cells: Map<string, ShownValue> }>();
  if (!t) return m;
  const put = (keys: string[], labels: string[], values: ShownValue[], total: ShownValue) => {
    const cells = new Map<string, ShownValue>();
    t.years.forEach((y, j) => cells.set(String(y), values[j]!));
    cells.set("total", total);
    m.set(JSON.stringify(keys), { labels, cells });
  };
  for (const r of t.rows) put(r.keys, r.labels, r.values, r.total);
  put([], [], t.totals.values, t.totals.total);
  return m;
}

/** The changed cells of every table; tables are matched by position (same specs on both sides). */
export function diffFigures(before: PublishedTable[], after: PublishedTable[]): TableDiff[] {
  const n = Math.max(before.length, after.length);
  const out: TableDiff[] = [];
  for (let i = 0; i < n; i++) {
    const a = before[i];
    const b = after[i];
    const years = [...new Set([...(a?.years ?? []), ...(b?.years ?? [])])].sort((x, y) => x - y);
    const ra = rowCells(a);
    const rb = rowCells(b);
    const ids = [...new Set([...ra.keys(), ...rb.keys()])];
    const changes: ChangedCell[] = [];
    // the rows in the order of the newer table, then the ones it no longer has, the Totaal line last
    const order = [...new Set([...rb.keys(), ...ra.keys()])].filter((id) => id !== "[]");
    for (const id of [...order, ...(ids.includes("[]") ? ["[]"] : [])]) {
      const x = ra.get(id);
      const y = rb.get(id);
      for (const column of [...years.map(String), "total"]) {
        const o = x?.cells.get(column) ?? ZERO;
        const nw = y?.cells.get(column) ?? ZERO;
        if (o === nw) continue;
        changes.push({
          keys: JSON.parse(id) as string[],
          labels: (y ?? x)!.labels,
          column: column === "total" ? "total" : Number(column),
          old: o,
          new: nw,
          difference: typeof o === "number" && typeof nw === "number" ? nw - o : null,
        });
      }
    }
    out.push({ index: i, spec: (b ?? a)!.spec, changes });
  }
  return out;
}

export const unchanged = (d: TableDiff[]) => d.every((t) => t.changes.length === 0);
