// "Voor publicatie": which figures of a publication (one report, or several tables published
// together, e.g. Tables 1–18 of the answer) to hide so that no hidden figure can be recovered or
// narrowed to fewer than 3 possible values by an attacker who knows every shown figure and every
// relation between them (interval.ts).
//
//  1. primary: cells 1–4 (a euro figure when the number of fines behind it is 1–4). Zeros are
//     shown — so the attacker knows a hidden cell is ≥ 1, and the checks below assume that.
//  2. secondary: Gaussian elimination (gauss.ts), over all tables at once, totals and
//     subtotals included as candidates (they are hidden too when they would give a cell away).
//  3. interval check: the attacker's LP range of every hidden cell (a cheap null-space test
//     first, the LP only for the cells it cannot clear); a cell with fewer than 3 possible values
//     gets a further cell of one of its relations hidden, and the check runs again, until every
//     range holds.
// Every hidden cell reads the same mark, so the mark tells nothing about the size.
import { createHash } from "node:crypto";
import type { Model } from "./model";
import { gaussSuppression } from "./gauss";
import { attackerRanges, quickWide, wideEnough } from "./interval";
import type { ReportResult } from "../run-report";
import { PublicationModel, type TableInput, type TablePositions } from "./tables";

export const PUBLICATION_THRESHOLD = 5;
/** The one mark of a hidden figure. */
export const SUPPRESSED = "x";

export interface ProtectOptions {
  threshold?: number;
  minValues?: number /** false: solve again even if these figures were protected before (benchmarks) */;
  cache?: boolean;
}

/** Steps 2 and 3 on a built model: the hidden cells. */
export async function suppress(model: Model, minValues = 3): Promise<boolean[]> {
  const hidden = gaussSuppression(model);
  const unwidenable = new Set<number>();
  const constraintsOf = new Map<number, number[]>();
  model.constraints.forEach((c, ci) => c.terms.forEach(([k]) => constraintsOf.set(k, [...(constraintsOf.get(k) ?? []), ci])));
  for (let round = 0; ; round++) {
    // the LP only for the cells the cheap test cannot clear (a page's table: a handful)
    const quick = quickWide(model, hidden);
    const atRisk = new Set(hidden.flatMap((h, i) => (h && !quick.has(i) ? [i] : [])));
    if (atRisk.size === 0) return hidden;
    const ranges = await attackerRanges(model, hidden, atRisk, { exact: false, minValues });
    const narrow = [...ranges].filter(([cell, r]) => !wideEnough(r, minValues) && !unwidenable.has(cell));
    if (narrow.length === 0) return hidden;
    if (round > model.cells.length) throw new Error("Onthullingscontrole: geen veilig patroon gevonden");
    let widened = false;
    for (const [cell] of narrow) {
      if (!hidden[cell]) continue;
      const next = widener(model, hidden, constraintsOf, cell);
      if (next === undefined) {
        // with earlier publications in the model a figure can be narrowed by what they made public
        // together with this publication's marks (each ≥ 1), which no further hiding can widen:
        // it is left as it is, and the others are still widened (dropping the earlier publications
        // instead would let this one give away what they hid)
        if (model.fixed) unwidenable.add(cell);
        // without them, a narrow cell's last candidate may just have been hidden for another narrow
        // cell of this round: its range was measured before that, so the next round measures again
        continue;
      }
      hidden[next] = true;
      widened = true;
    }
    // nothing shown is left to hide for any narrow cell (cannot happen without earlier publications:
    // a figure bounded by nothing shown is not narrow), so no further round can help
    if (!widened && !model.fixed) throw new Error("Onthullingscontrole: geen cel meer om te verbergen");
  }
}

/**
 * The next cell to hide for a narrow one: a shown, non-zero cell of one of its relations (else
 * of its hidden neighbours' relations) — the shortest relations first (a row before its year
 * column: it binds hardest), inner cells before totals, large before small, and one whose other
 * relations all hold another hidden cell (else it would itself be recomputed from one of them and
 * widen nothing). The next round's check tells whether it was enough. (Trying each candidate with
 * the LP first chose slightly better but cost a page's table several hundred ms.)
 */
function widener(model: Model, hidden: boolean[], constraintsOf: Map<number, number[]>, cell: number): number | undefined {
  const seen = new Set([cell]);
  let frontier = [cell];
  while (frontier.length) {
    const candidates: number[] = [];
    const nextFrontier: number[] = [];
    // the short relations first (a row before its year column): they bind hardest
    const relations = [...new Set(frontier.flatMap((c) => constraintsOf.get(c) ?? []))].sort(
      (a, b) => model.constraints[a]!.terms.length - model.constraints[b]!.terms.length,
    );
    for (const ci of relations) {
      const here: number[] = [];
      for (const [k] of model.constraints[ci]!.terms) {
        if (seen.has(k)) continue;
        seen.add(k);
        if (hidden[k]) nextFrontier.push(k);
        else if (model.cells[k]!.value > 0 && !model.fixed?.[k]) here.push(k);
      }
      here.sort((a, b) => model.cells[a]!.level - model.cells[b]!.level || model.cells[b]!.value - model.cells[a]!.value);
      candidates.push(...here);
    }
    // a candidate whose other relations are all shown would be recomputed from one of them: skip those
    const notPinned = candidates.filter((k) => (constraintsOf.get(k) ?? []).every((ci) => model.constraints[ci]!.terms.some(([j]) => j !== k && hidden[j])));
    // with earlier publications in the model a pinned candidate is certainly useless: hiding it would
    // only add a hidden figure anyone can recompute from what is public
    if (candidates.length) return model.fixed ? notPinned[0] : (notPinned[0] ?? candidates[0]);
    frontier = nextFrontier;
  }
  return undefined;
}

/** Which figures of a table are hidden, in the table's own shape. */
export interface TableMask {
  inner: boolean[][];
  rowTotal: boolean[];
  colTotal: boolean[];
  grand: boolean;
  subtotals: { key: string; years: boolean[]; total: boolean }[];
}

/** One model for the tables published together, protected; a mask per table, in their order. */
export async function protectTables(tables: TableInput[], opts: ProtectOptions = {}): Promise<TableMask[]> {
  const { model, positions } = publicationModel(tables, opts.threshold);
  // the same figures give the same pattern (the method is deterministic): a page shown again, or
  // its CSV and XLSX right after it, reuse it instead of solving the LPs again
  const id = createHash("sha256")
    .update(JSON.stringify([opts.minValues ?? 3, model.cells.map((c) => [c.key, c.value]), model.primary, model.fixed ?? null]))
    .digest("base64");
  let hidden = opts.cache === false ? undefined : cache.get(id);
  if (hidden) {
    cache.delete(id);
  } else {
    hidden = await suppress(model, opts.minValues);
  }
  cache.set(id, hidden);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return positions.map((p) => maskOf(p, hidden));
}

const CACHE_SIZE = 64;
const cache = new Map<string, boolean[]>(); // insertion order = least recently used first

export function publicationModel(tables: TableInput[], threshold = PUBLICATION_THRESHOLD): { model: Model; positions: TablePositions[] } {
  const b = new PublicationModel();
  const positions = tables.map((t) => b.addReport(t));
  b.link();
  const rule = b.primaryRule(threshold);
  const model = b.build((c, i) => rule(c.value, i));
  withKnown(model, tables, positions);
  return { model, positions };
}

/**
 * Consistency across publications: the tables of earlier publications (TableInput.known, their
 * figures as recorded then, with the mask they were published with) are in the model as well, so a
 * figure they hid is hidden again (primary: Gauss and the interval check protect it, against the
 * new tables AND the earlier ones together) unless its value changed since (then it is another
 * cell: cells are one figure only for the same key and value), and a figure they showed is public:
 * fixed, never hidden to protect another.
 */
function withKnown(model: Model, tables: TableInput[], positions: TablePositions[]): void {
  if (!tables.some((t) => t.known)) return;
  const shown = model.cells.map(() => false);
  const hiddenBefore = model.cells.map(() => false);
  tables.forEach((t, i) => {
    if (!t.known) return;
    const p = positions[i]!;
    const m = t.known;
    const mark = (cell: number, hidden: boolean | undefined) => {
      if (hidden) hiddenBefore[cell] = true;
      else shown[cell] = true;
    };
    p.inner.forEach((row, r) => row.forEach((c, j) => mark(c, m.inner[r]?.[j])));
    p.rowTotal.forEach((c, r) => mark(c, m.rowTotal[r]));
    p.colTotal.forEach((c, j) => mark(c, m.colTotal[j]));
    mark(p.grand, m.grand);
    // by key: the subtotals of the table as published (an earlier publication's, stored with their keys)
    p.subtotals.forEach((s) => {
      const known = m.subtotals.find((x) => x.key === s.key);
      if (!known) return;
      s.years.forEach((c, j) => mark(c, known.years[j]));
      mark(s.total, known.total);
    });
  });
  // shown once is public (hiding it again protects nothing); hidden everywhere before stays hidden;
  // a figure of 1–4 stays primary whatever was done with it before
  model.fixed = shown.map((s, i) => s && !model.primary[i]);
  hiddenBefore.forEach((h, i) => {
    if (h && !shown[i]) model.primary[i] = true;
  });
}

export function maskOf(p: TablePositions, hidden: boolean[]): TableMask {
  const h = (i: number) => hidden[i]!;
  return {
    inner: p.inner.map((row) => row.map(h)),
    rowTotal: p.rowTotal.map(h),
    colTotal: p.colTotal.map(h),
    grand: h(p.grand),
    subtotals: p.subtotals.map((s) => ({ key: s.key, years: s.years.map(h), total: h(s.total) })),
  };
}

/**
 * The masks for reports shown together (a page's table, the answer's tables as one publication);
 * all null when not "voor publicatie", so nothing changes then.
 */
export async function publicationMasks(
  reports: ReportResult[],
  publication: boolean,
  scope: string | null = null,
  /** per report: printed with agency subtotals (they are then cells of the model, protected too) */
  agencySubtotals: boolean[] = [],
  /**
   * the tables of earlier publications of the same scope, as recorded then, with their masks
   * (publications only); `agencySubtotals`: it was published with its agency subtotals, which are
   * then in the model too, hidden or public as the mask's subtotals say
   */
  earlier: { report: ReportResult; mask: TableMask; agencySubtotals?: boolean }[] = [],
): Promise<(TableMask | null)[]> {
  if (!publication) return reports.map(() => null);
  const known = earlier.map((e) => ({ report: e.report, scope, known: e.mask, agencySubtotals: e.agencySubtotals ?? false }));
  const tables = reports.map((report, i) => ({ report, scope, agencySubtotals: agencySubtotals[i] ?? false }));
  return (await protectTables([...tables, ...known])).slice(0, reports.length);
}
