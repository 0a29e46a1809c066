// Reports (rows × year columns, row totals, the Totaal line) as cells and constraints of one
// disclosure model (model.ts), optionally with agency subtotals above their offices, and the
// relations between tables of one publication an attacker also knows: a nationality group is the
// sum of its nationalities, an agency the sum of its offices, a fine amount in euro is the amount
// times the number of fines.
import { agencyOfOffice, nationalityGroupOf } from "@/lib/domain/codes";
import type { Dimension, Measure } from "../definitions";
import type { ReportResult } from "../run-report";
import { cellKey, ModelBuilder, type Coordinates } from "./model";
import type { TableMask } from "./protect";

/** Where a report's figures sit in the model. */
export interface TablePositions {
  /** [row][year index] */
  inner: number[][];
  rowTotal: number[];
  /** the Totaal line per year, then its total */
  colTotal: number[];
  grand: number;
  /**
   * agency subtotals (when asked): agency code → per year, and their total. A table by office and
   * one more dimension (Table 1: office × registered) also has its offices' subtotals, keyed by the
   * office code (only for agencies of several offices; a one-office agency's office is the agency).
   * A key covers the rows whose office is the key or whose office's agency is (subtotalRows).
   */
  subtotals: { key: string; years: number[]; total: number }[];
}

export interface TableInput {
  report: ReportResult;
  /** the agency the report is limited to (null: all); tables of other scopes never share figures */
  scope?: string | null;
  /** publish agency subtotals above the offices (a report by office, or by agency and office) */
  agencySubtotals?: boolean;
  /**
   * published before with this mask (a table of an earlier publication, its figures as recorded
   * then): its hidden figures stay hidden, its shown ones are public (protect.ts withKnown)
   */
  known?: TableMask;
}

const implied = (d: string, c: Coordinates) => (d === "agency" && "office" in c) || (d === "nationality_group" && "nationality" in c);

// finer dimension → the coarser one it rolls up to
const rollups: { fine: Dimension; coarse: Dimension; of: (code: string) => string | undefined }[] = [
  { fine: "office", coarse: "agency", of: agencyOfOffice },
  { fine: "nationality", coarse: "nationality_group", of: nationalityGroupOf },
];

interface Registered {
  measure: Measure;
  scope: string | null;
  coords: Coordinates;
}

export class PublicationModel extends ModelBuilder {
  private readonly meta: Registered[] = [];
  private readonly tableDims = new Set<string>();
  private readonly dimensionsUsed = new Set<string>();

  private at(measure: Measure, scope: string | null, coords: Coordinates, value: number, level: number): number {
    const i = this.cell(cellKey(measure, scope, coords, implied), value, level);
    this.meta[i] ??= { measure, scope, coords };
    return i;
  }

  addReport({ report: r, scope = null, agencySubtotals = false }: TableInput): TablePositions {
    const span = r.years.length === 1 ? String(r.years[0]) : `${r.years[0]}..${r.years.at(-1)}`;
    const coordsOf = (keys: string[]) => Object.fromEntries(r.by.map((d, i) => [d, keys[i]!])) as Coordinates;
    for (const y of [...r.years.map(String), span]) this.tableDims.add(signature(r.measure, scope, [...r.by, "year"], y));
    for (const d of r.by) this.dimensionsUsed.add(d);
    const inner = r.rows.map((row) => r.years.map((y) => this.at(r.measure, scope, { ...coordsOf(row.keys), year: String(y) }, row.values[String(y)]!, 0)));
    const rowTotal = r.rows.map((row, i) => {
      const t = this.at(r.measure, scope, { ...coordsOf(row.keys), year: span }, row.total, 1);
      this.sum(t, inner[i]!);
      return t;
    });
    const colTotal = r.years.map((y, j) => {
      const t = this.at(r.measure, scope, { year: String(y) }, r.totals.values[String(y)]!, 2);
      this.sum(
        t,
        inner.map((row) => row[j]!),
      );
      return t;
    });
    const grand = this.at(r.measure, scope, { year: span }, r.totals.total, 3);
    this.sum(grand, colTotal);
    this.sum(grand, rowTotal);
    const subtotals: TablePositions["subtotals"] = [];
    const officeAt = r.by.indexOf("office");
    const rest = r.by.length - (r.by.includes("agency") ? 1 : 0) - 1;
    if (agencySubtotals && officeAt >= 0 && rest <= 1) {
      const groups = new Map<string, number[]>();
      const offices = new Map<string, Set<string>>();
      r.rows.forEach((row, i) => {
        const agency = agencyOfOffice(row.keys[officeAt]!) ?? "ONBEKEND";
        groups.set(agency, [...(groups.get(agency) ?? []), i]);
        offices.set(agency, (offices.get(agency) ?? new Set()).add(row.keys[officeAt]!));
      });
      // the offices' own subtotals first (over the other dimension), then the agencies'
      const officeGroups = new Map<string, number[]>();
      if (rest === 1)
        r.rows.forEach((row, i) => {
          const office = row.keys[officeAt]!;
          if ((offices.get(agencyOfOffice(office) ?? "ONBEKEND")?.size ?? 0) > 1) officeGroups.set(office, [...(officeGroups.get(office) ?? []), i]);
        });
      for (const [agency, rows] of [...officeGroups, ...groups]) {
        const years = r.years.map((y, j) => {
          const v = rows.reduce((s, i) => s + r.rows[i]!.values[String(y)]!, 0);
          const t = this.at(r.measure, scope, { [officeGroups.has(agency) ? "office" : "agency"]: agency, year: String(y) }, v, 1);
          this.sum(
            t,
            rows.map((i) => inner[i]![j]!),
          );
          return t;
        });
        const total = this.at(
          r.measure,
          scope,
          { [officeGroups.has(agency) ? "office" : "agency"]: agency, year: span },
          rows.reduce((s, i) => s + r.rows[i]!.total, 0),
          2,
        );
        this.sum(total, years);
        this.sum(
          total,
          rows.map((i) => rowTotal[i]!),
        );
        subtotals.push({ key: agency, years, total });
      }
    }
    return { inner, rowTotal, colTotal, grand, subtotals };
  }

  /**
   * The relations between tables of the publication: a cell equals the sum of the cells of
   * another table that breaks the same figure down by one dimension more (nationality → its
   * genders), or by a finer dimension (an agency → its offices, a nationality group → its
   * nationalities); missing rows are zero. A relation the data does not satisfy (a reference
   * list changed in the database) is left out: it is then not true and tells an attacker
   * nothing. A fine amount's euro figure is the amount × the number of fines.
   */
  link(): void {
    const n = this.cells.length;
    const id = (measure: Measure, scope: string | null, c: Coordinates) =>
      `${measure}|${scope}|${Object.keys(c)
        .sort()
        .map((d) => `${d}=${c[d]}`)
        .join("|")}`;
    const groups = new Map<string, number[]>(); // a coarser figure's id → the cells it sums
    const add = (key: string, j: number) => groups.set(key, [...(groups.get(key) ?? []), j]);
    for (let j = 0; j < n; j++) {
      const f = this.meta[j];
      if (!f) continue;
      for (const d of Object.keys(f.coords)) {
        if (d === "year") continue;
        const { [d]: _, ...rest } = f.coords;
        add(`${id(f.measure, f.scope, rest)}#+${d}`, j);
        for (const { fine, coarse, of } of rollups) {
          if (d !== fine || coarse in f.coords) continue;
          const g = of(f.coords[d]!);
          if (g) add(`${id(f.measure, f.scope, { ...rest, [coarse]: g })}#${fine}`, j);
        }
      }
    }
    for (let i = 0; i < n; i++) {
      const m = this.meta[i];
      if (!m) continue;
      const dims = Object.keys(m.coords).filter((d) => d !== "year");
      const year = m.coords.year!;
      // one dimension more: only when the publication has that finer table (else it is not known)
      for (const e of this.dimensionsUsed) {
        if (e in m.coords || !this.tableDims.has(signature(m.measure, m.scope, [...dims, e, "year"], year))) continue;
        this.trySum(i, groups.get(`${id(m.measure, m.scope, m.coords)}#+${e}`) ?? []);
      }
      for (const { fine, coarse } of rollups) {
        if (!(coarse in m.coords) || fine in m.coords) continue;
        const finer = [...dims.filter((d) => d !== coarse), fine, "year"];
        if (!this.tableDims.has(signature(m.measure, m.scope, finer, year))) continue;
        this.trySum(i, groups.get(`${id(m.measure, m.scope, m.coords)}#${fine}`) ?? []);
      }
      if (m.measure === "fine_amount_eur" && m.coords.amount && m.coords.amount !== "ONBEKEND") {
        const count = this.find(cellKey("fines", m.scope, m.coords, implied));
        if (count !== undefined) this.sum(i, [[count, Number(m.coords.amount)]]);
      }
    }
  }

  /** Cells 1–4 are primary; a euro figure is primary when the number of fines behind it is. */
  primaryRule(threshold: number): (value: number, index: number) => boolean {
    return (value, i) => {
      const m = this.meta[i];
      if (m?.measure === "fine_amount_eur") {
        const amount = Number(m.coords.amount);
        if (m.coords.amount && amount > 0) value = value / amount;
        // without the amount the count behind a sum of euros is unknown: the value is all we have
      }
      return value > 0 && value < threshold;
    };
  }
}

function signature(measure: Measure, scope: string | null, dims: string[], year: string) {
  return `${measure}|${scope}|${[...dims].sort().join(",")}|${year}`;
}
