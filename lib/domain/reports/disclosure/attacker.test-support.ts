// The attacker of the disclosure tests, written apart from the protection (it shares only the
// LP solver): it reads the tables AS SHOWN (numbers and marks), writes down every relation a
// reader can see between them — each row total, each Totaal line, the grand total, agency
// subtotals, the same total shown by two tables, a table that breaks another down by one more
// dimension or a finer one (nationality → group, office → agency), euro = amount × count — and
// solves, for every hidden figure, min and max by linear programming.
import loadHighs from "highs";
import { agencyOfOffice, nationalityGroupOf } from "@/lib/domain/codes";
import type { ReportResult } from "../run-report";

export type Shown = number | string;
export interface ShownTable {
  report: ReportResult;
  inner: Shown[][];
  rowTotal: Shown[];
  colTotal: Shown[];
  grand: Shown;
  subtotals?: { key: string; years: Shown[]; total: Shown }[];
}
/** What a mark tells: the old method's "<5" is 1..4 and its "x" ≥ 5; the new one mark only ≥ 1. */
export type MarkBounds = (mark: string) => [number, number];
export const oneMark: MarkBounds = () => [1, Infinity];
export const oldMarks: MarkBounds = (m) => (m === "<5" ? [1, 4] : [5, Infinity]);

/** min and max of a hidden figure; `witnessed`: not the optima but a range proven by feasible tables (wide enough already) */
export interface Finding {
  figure: string;
  value: number;
  min: number;
  max: number;
  witnessed?: boolean;
}

interface Figure {
  name: string;
  value: number;
  shown: Shown;
}

export async function attack(tables: ShownTable[], bounds: MarkBounds = oneMark): Promise<Finding[]> {
  const figs: Figure[] = [];
  const eqs: [number, number][][] = []; // Σ coef·figure = 0
  const fig = (name: string, value: number, shown: Shown) => figs.push({ name, value, shown }) - 1;
  // figures by what they are, to tie tables together: measure|scope|dim=value…|year
  const byWhat = new Map<string, number[]>();
  const what = (r: ReportResult, c: Record<string, string>) => {
    const cc = { ...c };
    let m: string = r.measure;
    if (m === "fines") (m = "infringements"), (cc.decision = "BOETE");
    if (cc.office) delete cc.agency;
    return `${m}|${Object.keys(cc)
      .sort()
      .map((k) => `${k}=${cc[k]}`)
      .join("|")}`;
  };
  const put = (r: ReportResult, c: Record<string, string>, i: number) => byWhat.set(what(r, c), [...(byWhat.get(what(r, c)) ?? []), i]);
  const facts: { r: ReportResult; c: Record<string, string>; i: number }[] = [];
  for (const t of tables) {
    const r = t.report;
    const span = r.years.length === 1 ? String(r.years[0]) : `${r.years[0]}..${r.years.at(-1)}`;
    const at = (row: number) => Object.fromEntries(r.by.map((d, k) => [d, r.rows[row]!.keys[k]!]));
    const inner = r.rows.map((row, i) => r.years.map((y, j) => fig(`${r.measure} ${row.keys.join("/")} ${y}`, row.values[String(y)]!, t.inner[i]![j]!)));
    const rowT = r.rows.map((row, i) => fig(`${r.measure} ${row.keys.join("/")} ${span}`, row.total, t.rowTotal[i]!));
    const colT = r.years.map((y, j) => fig(`${r.measure} Totaal ${y}`, r.totals.values[String(y)]!, t.colTotal[j]!));
    const grand = fig(`${r.measure} Totaal ${span}`, r.totals.total, t.grand);
    rowT.forEach((tot, i) => eqs.push([[tot, -1], ...inner[i]!.map((c) => [c, 1] as [number, number])]));
    colT.forEach((tot, j) => eqs.push([[tot, -1], ...inner.map((row) => [row[j]!, 1] as [number, number])]));
    eqs.push([[grand, -1], ...colT.map((c) => [c, 1] as [number, number])]);
    eqs.push([[grand, -1], ...rowT.map((c) => [c, 1] as [number, number])]);
    r.rows.forEach((_, i) => {
      r.years.forEach((y, j) => facts.push({ r, c: { ...at(i), year: String(y) }, i: inner[i]![j]! }));
      facts.push({ r, c: { ...at(i), year: span }, i: rowT[i]! });
    });
    r.years.forEach((y, j) => facts.push({ r, c: { year: String(y) }, i: colT[j]! }));
    facts.push({ r, c: { year: span }, i: grand });
    for (const s of t.subtotals ?? []) {
      const office = r.by.indexOf("office");
      const rows = r.rows
        .map((row, i) => [row, i] as const)
        .filter(([row]) => row.keys[office] === s.key || (agencyOfOffice(row.keys[office]!) ?? "ONBEKEND") === s.key)
        .map(([, i]) => i);
      const ys = r.years.map((y, j) =>
        fig(
          `${r.measure} ${s.key} ${y}`,
          rows.reduce((a, i) => a + r.rows[i]!.values[String(y)]!, 0),
          s.years[j]!,
        ),
      );
      const tot = fig(
        `${r.measure} ${s.key} ${span}`,
        rows.reduce((a, i) => a + r.rows[i]!.total, 0),
        s.total,
      );
      ys.forEach((c, j) => eqs.push([[c, -1], ...rows.map((i) => [inner[i]![j]!, 1] as [number, number])]));
      eqs.push([[tot, -1], ...ys.map((c) => [c, 1] as [number, number])]);
    }
  }
  for (const f of facts) put(f.r, f.c, f.i);
  // the same figure in two tables
  for (const same of byWhat.values())
    for (let k = 1; k < same.length; k++)
      eqs.push([
        [same[0]!, 1],
        [same[k]!, -1],
      ]);
  // a figure and its breakdown by one more dimension, or by a finer one, in another table
  const tablesBy = new Set(tables.map((t) => `${t.report.measure}|${[...t.report.by].sort().join(",")}|${t.report.years.join(",")}`));
  for (const f of facts) {
    for (const g of tables) {
      const r2 = g.report;
      if (r2.measure !== f.r.measure || r2.years.join() !== f.r.years.join() || r2 === f.r) continue;
      const extra = r2.by.filter((d) => !(d in f.c));
      const missing = Object.keys(f.c).filter((d) => d !== "year" && !r2.by.includes(d as never));
      const coarseOf: Record<string, [string, (x: string) => string | undefined]> = {
        agency: ["office", agencyOfOffice],
        nationality_group: ["nationality", nationalityGroupOf],
      };
      let match: ((c: Record<string, string>) => boolean) | null = null;
      if (missing.length === 0 && extra.length === 1) match = (c) => Object.keys(f.c).every((d) => c[d] === f.c[d]);
      else if (missing.length === 1 && extra.length === 1 && coarseOf[missing[0]!]?.[0] === extra[0]) {
        const [fine, of] = coarseOf[missing[0]!]!;
        match = (c) => of(c[fine]!) === f.c[missing[0]!] && Object.keys(f.c).every((d) => d === missing[0] || c[d] === f.c[d]);
      }
      if (!match || !tablesBy.has(`${r2.measure}|${[...r2.by].sort().join(",")}|${r2.years.join(",")}`)) continue;
      const parts = facts.filter((p) => p.r === r2 && Object.keys(p.c).length === r2.by.length + 1 && match!(p.c)).map((p) => p.i);
      if (parts.reduce((a, i) => a + figs[i]!.value, 0) === figs[f.i]!.value) eqs.push([[f.i, -1], ...parts.map((i) => [i, 1] as [number, number])]);
    }
  }
  // euro = amount × count
  const counts = facts.filter((f) => f.r.measure === "fines" && f.c.amount && f.c.amount !== "ONBEKEND");
  for (const e of facts.filter((f) => f.r.measure === "fine_amount_eur" && f.c.amount && f.c.amount !== "ONBEKEND")) {
    const c = counts.find((k) => Object.keys(e.c).length === Object.keys(k.c).length && Object.keys(e.c).every((d) => k.c[d] === e.c[d]));
    if (c)
      eqs.push([
        [e.i, -1],
        [c.i, Number(e.c.amount)],
      ]);
  }
  return solveAll(figs, eqs, bounds);
}

let highsOnce: ReturnType<typeof loadHighs> | null = null;

async function solveAll(figs: Figure[], eqs: [number, number][][], bounds: MarkBounds): Promise<Finding[]> {
  const highs = await (highsOnce ??= loadHighs());
  const hiddenIdx = figs
    .map((f, i) => [f, i] as const)
    .filter(([f]) => typeof f.shown === "string")
    .map(([, i]) => i);
  const col = new Map(hiddenIdx.map((i, j) => [i, j]));
  const lp = highs.createModel();
  try {
    lp.options.set({ output_flag: false });
    const b = hiddenIdx.map((i) => bounds(figs[i]!.shown as string));
    lp.addVars(
      b.map(([l]) => l),
      b.map(([, u]) => (u === Infinity ? highs.infinity : u)),
    );
    for (const eq of eqs) {
      let rhs = 0;
      const indices: number[] = [],
        values: number[] = [];
      for (const [i, f] of eq) {
        if (col.has(i)) indices.push(col.get(i)!), values.push(f);
        else rhs -= f * (figs[i]!.shown as number);
      }
      if (indices.length) lp.addRow(rhs, rhs, { indices, values });
      else if (Math.abs(rhs) > 1e-9) throw new Error("shown figures contradict each other");
    }
    // every LP optimum is a table the attacker cannot rule out: a cell already seen to take values
    // 2 apart over those tables is proven wide (its range is at least that); only the others get
    // their exact min and max solved. Two LPs pushing all hidden figures up and down start it off.
    const lo = hiddenIdx.map((i) => figs[i]!.value),
      hi = lo.slice();
    const record = () => {
      const x = lp.getSolution().colValue;
      for (let q = 0; q < x.length; q++) (lo[q] = Math.min(lo[q]!, x[q]!)), (hi[q] = Math.max(hi[q]!, x[q]!));
    };
    const opt = (sense: "minimize" | "maximize") => {
      lp.changeObjectiveSense(highs.constants.objectiveSense[sense]);
      lp.run();
      const s = lp.getModelStatus();
      if (s === 7) {
        record();
        return lp.getObjectiveValue();
      }
      if (s === 10 || s === 9) return sense === "maximize" ? Infinity : -Infinity;
      throw new Error(`attacker LP status ${s}`);
    };
    hiddenIdx.forEach((_, j) => lp.changeColCost(j, 1));
    opt("maximize");
    opt("minimize");
    hiddenIdx.forEach((_, j) => lp.changeColCost(j, 0));
    const out: Finding[] = [];
    hiddenIdx.forEach((i, j) => {
      const f = figs[i]!;
      if (hi[j]! - lo[j]! >= 2 - 1e-9) {
        out.push({ figure: f.name, value: f.value, min: lo[j]!, max: hi[j]!, witnessed: true });
        return;
      }
      lp.changeColCost(j, 1);
      const max = opt("maximize");
      const min = opt("minimize");
      out.push({ figure: f.name, value: f.value, min, max });
      lp.changeColCost(j, 0);
    });
    return out;
  } finally {
    lp.dispose();
  }
}

/** Exactly recovered, or narrowed to fewer than 3 whole values. */
export const exact = (f: Finding) => Math.abs(f.max - f.min) < 1e-6;
export const narrow = (f: Finding) => Math.floor(f.max + 1e-6) - Math.ceil(f.min - 1e-6) < 2;
