// GET /rapporten/antwoord/download?from=…&to=…&asOf=…[&agency=…][&publicatie=1]: Tables 1–18 as one
// workbook. Aggregates only, so a GET; audited (report.export), never cached.
import { answerWorkbook } from "@/lib/domain/reports/answer-workbook";
import { questions, readPageRequest } from "@/lib/domain/reports/questions";
import { todayIso } from "@/lib/i18n/format";
import { route } from "@/lib/server/entry/route";
import { getAnswer } from "@/lib/server/reports/get-answer";

export const GET = route("report.read", async ({ actor, searchParams }) => {
  const request = readPageRequest(questions["vraag-1"], Object.fromEntries(searchParams), todayIso());
  const answer = await getAnswer(actor, request, { action: "report.export", what: "antwoord-xlsx", publication: request.publication });
  const body = await answerWorkbook(answer.parts, request.publication, answer.agency, actor.locale);
  return new Response(new Uint8Array(body), {
    headers: {
      "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-disposition": `attachment; filename="antwoord-${request.from}-${request.to}-${request.asOf}.xlsx"`,
    },
  });
});
