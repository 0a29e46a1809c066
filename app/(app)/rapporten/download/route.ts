// GET /rapporten/download?measure=…&by=…&from=…&to=…&asOf=…[&agency=…][&publicatie=1]&format=csv|xlsx
// The same report as the page (same scope check in getReport), as a file. Aggregates only, so a
// GET; the download is audited (report.export) and never cached (route() sets no-store). In a
// publication the figures are protected as on the page (lib/domain/reports/disclosure).
import { publicationMasks } from "@/lib/domain/reports/disclosure/protect";
import { reportToCsv } from "@/lib/domain/reports/export-csv";
import { questions, readPageRequest } from "@/lib/domain/reports/questions";
import { displayGrid, displayTotalLine } from "@/lib/domain/reports/display-grid";
import { reportWorkbook } from "@/lib/domain/reports/xlsx";
import { todayIso } from "@/lib/i18n/format";
import { route } from "@/lib/server/entry/route";
import { getReport } from "@/lib/server/reports/get-report";

export const GET = route("report.read", async ({ actor, searchParams }) => {
  const sp = Object.fromEntries(searchParams);
  // the question only supplies defaults; an explicit measure and by are required in practice
  const request = readPageRequest(questions["vraag-2"], sp, todayIso());
  const format = sp.format === "xlsx" ? "xlsx" : "csv";
  const report = await getReport(actor, request, { action: "report.export", what: format, publication: request.publication });
  // a CSV has no line for it: the kennisdatum (when chosen) is in the file's name, the XLSX also states it under the title
  const recorded = report.recordedOn ? `-kennisdatum-${report.recordedOn.slice(0, 16).replaceAll(":", "")}Z` : "";
  const name = `rapport-${report.measure}-${report.by.join("-")}-${report.years[0]}-${report.years.at(-1)}${recorded}`;
  const [mask] = await publicationMasks([report], request.publication, report.agency);
  if (format === "xlsx") {
    const body = await reportWorkbook(report, mask!, actor.locale);
    return new Response(new Uint8Array(body), {
      headers: {
        "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "content-disposition": `attachment; filename="${name}.xlsx"`,
      },
    });
  }
  const grid = displayGrid(report, mask!);
  const totals = displayTotalLine(report, mask!);
  const csv = reportToCsv(report, (_v, i, j) => (i < 0 ? totals[j]! : grid[i]![j]!), actor.locale);
  return new Response(`\uFEFF${csv}`, { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${name}.csv"` } });
});
