// Reports as Excel workbooks (exceljs): numbers stay numbers; in a publication, hidden figures
// read the one mark "x" as text (disclosure/protect.ts decides which). One sheet per report.
import ExcelJS from "exceljs";
import { formatDateTime } from "@/lib/i18n/format";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locale";
import { translator } from "@/lib/i18n/messages";
import { dimensionLabel, localizeReportRows, measureLabel } from "./definitions";
import { displayLines, displayTotalLine } from "./display-grid";
import type { ShownReport } from "./disclosure/display";
import type { Footnote } from "./answer-texts";
import type { TableMask } from "./disclosure/protect";
import type { ReportResult } from "./run-report";

export function addReportSheet(
  wb: ExcelJS.Workbook,
  name: string,
  report: ReportResult,
  opts: {
    title?: string;
    mask?: TableMask | null;
    locale?: Locale;
    /** lines above the table (a publication's question, introduction, status, …) */
    preamble?: string[];
    /** agency subtotals (bold) with their offices beneath; `subtotals` as stored with a publication */
    agencySubtotals?: boolean;
    subtotals?: ShownReport["subtotals"];
    footnotes?: Footnote[];
  } = {},
) {
  const locale = opts.locale ?? DEFAULT_LOCALE;
  const t = translator("reports", locale);
  const r = localizeReportRows(report, locale);
  const ws = wb.addWorksheet(name.slice(0, 31));
  let rowNo = 1;
  if (opts.title) {
    ws.getCell(rowNo, 1).value = opts.title;
    ws.getCell(rowNo, 1).font = { bold: true };
    // beside the title (which names the peildatum): the kennisdatum, when the figures are as recorded on an instant
    if (report.recordedOn) ws.getCell(rowNo + 1, 1).value = t("table.recordedOnLine", { recordedOn: formatDateTime(report.recordedOn, locale) });
    rowNo += 2;
  }
  for (const line of opts.preamble ?? []) ws.getCell(rowNo++, 1).value = line;
  if (opts.preamble?.length) rowNo++;
  const header = [...r.by.map((d) => dimensionLabel(d, locale)), ...r.years.map(String), t("table.totalHeader")];
  ws.getRow(rowNo).values = header;
  ws.getRow(rowNo).font = { bold: true };
  rowNo++;
  const lines = displayLines(r, opts.mask ?? null, {
    agencySubtotals: opts.agencySubtotals ?? false,
    ...(opts.subtotals ? { subtotals: opts.subtotals } : {}),
    locale,
  });
  const footnotes = opts.footnotes ?? [];
  for (const line of lines) {
    const mark = footnotes.find((f) => f.rowKeys.includes(line.keys.at(-1)!))?.mark ?? "";
    // an office beneath its agency is indented, as printed
    const indent = line.kind === "office" ? "    " : line.kind === "detail" ? "        " : "";
    const own = line.labels.findLastIndex((l) => l !== "");
    const labels = line.labels.map((l, i) => `${i === own ? indent : ""}${l}${i === line.labels.length - 1 ? mark : ""}`);
    const row = ws.getRow(rowNo++);
    row.values = [...labels, ...line.cells];
    if (line.kind === "agency") row.font = { bold: true };
  }
  const totalRow = ws.getRow(rowNo);
  totalRow.values = [...r.by.map((_, i) => (i === 0 ? t("table.total") : "")), ...displayTotalLine(r, opts.mask ?? null)];
  totalRow.font = { bold: true };
  for (const f of footnotes) ws.getCell(++rowNo + 1, 1).value = f.text;
  ws.getColumn(1).width = 40;
  if (r.by.length > 1) ws.getColumn(2).width = 30;
  for (let c = r.by.length + 1; c <= header.length; c++) ws.getColumn(c).numFmt = r.measure === "fine_amount_eur" ? '#,##0 "€"' : "#,##0";
  return ws;
}

export async function reportWorkbook(r: ReportResult, mask: TableMask | null, locale: Locale = DEFAULT_LOCALE): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const t = translator("reports", locale);
  const by = r.by.map((d) => dimensionLabel(d, locale)).join(` ${t("table.and")} `);
  addReportSheet(wb, measureLabel(r.measure, locale), r, {
    title: t("table.sheetTitle", { measure: measureLabel(r.measure, locale), by, asOf: r.asOf }),
    mask,
    locale,
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
