// A report's figures as they are shown — numbers, or the one mark of a hidden cell — in the shape
// every writer uses: the page's table, the CSV and the workbook. Pure.
import { agencyOfOffice, codes, labelOf } from "@/lib/domain/codes";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locale";
import { localizedValueLabel } from "./definitions";
import { type ShownReport, shownReport, type ShownValue } from "./disclosure/display";
import type { TableMask } from "./disclosure/protect";
import type { ReportResult } from "./run-report";

/** The body of a report as shown: per row the year cells and the row total, numbers or the mark. */
export function displayGrid(r: ReportResult, mask: TableMask | null): (string | number)[][] {
  const s = shownReport(r, mask);
  return s.inner.map((row, i) => [...row, s.rowTotal[i]!]);
}

/** The Totaal line as shown: per year, then the grand total. */
export function displayTotalLine(r: ReportResult, mask: TableMask | null): (string | number)[] {
  const s = shownReport(r, mask);
  return [...s.colTotal, s.grand];
}

/**
 * One printed line of a table: an ordinary row, an agency's subtotal (bold, its total), or an
 * office beneath its agency (indented). An agency with a single office is printed as one agency
 * line (Atlas, IN-Gent: the office is the agency), as in the printed answer.
 */
export interface DisplayLine {
  /** "detail": a row beneath an office line (Table 1: aangemeld / niet aangemeld under a province) */
  kind: "row" | "agency" | "office" | "detail";
  keys: string[];
  labels: string[];
  cells: ShownValue[];
}

/**
 * The lines of a table in printed order. With `agencySubtotals` (a table by office, or by agency
 * and office) the offices are grouped under their agency, in the order of the agency's first
 * office, each agency line first. The subtotals are the shown figures of the disclosure model
 * (shownReport): hidden ones read the mark.
 */
export function displayLines(
  r: ReportResult,
  mask: TableMask | null,
  /** `subtotals`: as stored with a publication (its rows may hold hidden offices) */
  opts: { agencySubtotals?: boolean; subtotals?: ShownReport["subtotals"]; locale?: Locale } = {},
): DisplayLine[] {
  const shown = shownReport(r, mask, opts.agencySubtotals ?? false);
  const s = opts.subtotals ? { ...shown, subtotals: opts.subtotals } : shown;
  const rows: DisplayLine[] = r.rows.map((row, i) => ({ kind: "row", keys: row.keys, labels: row.labels, cells: [...s.inner[i]!, s.rowTotal[i]!] }));
  const at = r.by.indexOf("office");
  if (!opts.agencySubtotals || at < 0 || s.subtotals.length === 0) return rows;
  const agencyAt = r.by.indexOf("agency");
  const byAgency = new Map<string, DisplayLine[]>();
  r.rows.forEach((row, i) => {
    const agency = agencyOfOffice(row.keys[at]!) ?? "ONBEKEND";
    byAgency.set(agency, [...(byAgency.get(agency) ?? []), rows[i]!]);
  });
  const locale = opts.locale ?? DEFAULT_LOCALE;
  // a table by office and one more dimension (Table 1): agency line, office lines, the rows beneath
  if (r.by.length - (agencyAt >= 0 ? 1 : 0) > 1) {
    const line = (key: string, label: string, sub: ShownReport["subtotals"][number], kind: "agency" | "office"): DisplayLine => ({
      kind,
      keys: r.by.map((_, i) => (i === at ? key : "")),
      labels: r.by.map((_, i) => (i === at ? label : "")),
      cells: [...sub.years, sub.total],
    });
    return [...byAgency].flatMap(([agency, lines]) => {
      const sub = s.subtotals.find((x) => x.key === agency);
      if (agency === "ONBEKEND" || !sub) return lines;
      const out = [line(agency, localizedValueLabel("agency", agency, labelOf(codes.agencies, agency), locale), sub, "agency")];
      const offices = [...new Set(lines.map((l) => l.keys[at]!))];
      if (offices.length === 1) return [...out, ...lines.map((l) => ({ ...l, kind: "office" as const }))];
      for (const office of offices) {
        const own = lines.filter((l) => l.keys[at] === office);
        const officeSub = s.subtotals.find((x) => x.key === office);
        if (officeSub) out.push(line(office, own[0]!.labels[at]!, officeSub, "office"));
        out.push(...own.map((l) => ({ ...l, kind: "detail" as const })));
      }
      return out;
    });
  }
  return [...byAgency].flatMap(([agency, offices]) => {
    const sub = s.subtotals.find((x) => x.key === agency);
    // offices outside the reference list (added in the database) have no known agency: no subtotal line
    if (agency === "ONBEKEND") return offices;
    if (offices.length === 1 || !sub) return offices.map((o) => ({ ...o, kind: offices.length === 1 ? ("agency" as const) : ("office" as const) }));
    const label = localizedValueLabel("agency", agency, labelOf(codes.agencies, agency), locale);
    const labels = r.by.map((_, i) => (i === (agencyAt >= 0 ? agencyAt : at) ? label : ""));
    const keys = r.by.map((_, i) => (i === (agencyAt >= 0 ? agencyAt : at) ? agency : ""));
    return [{ kind: "agency" as const, keys, labels, cells: [...sub.years, sub.total] }, ...offices.map((o) => ({ ...o, kind: "office" as const }))];
  });
}
