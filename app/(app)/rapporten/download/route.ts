// GET /rapporten/download?measure=…&by=…&from=…&to=…&asOf=…[&agency=…][&publicatie=1]&format=csv|xlsx
// The same report as the page (same scope check in getReport), as a file.
import { ZodError } from "zod";
import { reportToCsv } from "@/lib/domain/reports/export-csv";
import { questions, readPageRequest } from "@/lib/domain/reports/questions";
import { publicationMasks } from "@/lib/domain/reports/disclosure/protect";
import { displayGrid, displayTotalLine, reportWorkbook } from "@/lib/domain/reports/xlsx";
import { todayIso } from "@/lib/i18n/format";
import { requireActor } from "@/lib/server/auth/session";
import { ForbiddenError, UnauthenticatedError } from "@/lib/server/errors";
import { getReport } from "@/lib/server/reports/get-report";

export async function GET(req: Request) {
  try {
    const actor = await requireActor("report.read");
    const sp = Object.fromEntries(new URL(req.url).searchParams);
    // the question only supplies defaults; an explicit measure and by are required in practice
    const request = readPageRequest(questions["vraag-2"], sp, todayIso());
    const report = await getReport(actor, request);
    const name = `rapport-${report.measure}-${report.by.join("-")}-${report.years[0]}-${report.years.at(-1)}`;
    const [mask] = await publicationMasks([report], request.publication, report.agency);
    if (sp.format === "xlsx") {
      const body = await reportWorkbook(report, mask!);
      return new Response(new Uint8Array(body), { headers: { "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "content-disposition": `attachment; filename="${name}.xlsx"` } });
    }
    const grid = displayGrid(report, mask!);
    const totals = displayTotalLine(report, mask!);
    const csv = reportToCsv(report, (v, i, j) => (i < 0 ? totals[j]! : grid[i]![j]!));
    return new Response("\uFEFF" + csv, { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${name}.csv"` } });
  } catch (e) {
    if (e instanceof UnauthenticatedError) return new Response("Niet aangemeld.", { status: 401 });
    if (e instanceof ForbiddenError) return new Response("Geen toegang.", { status: 403 });
    if (e instanceof ZodError) return new Response(e.issues.map((i) => i.message).join("\n"), { status: 400 });
    throw e;
  }
}
