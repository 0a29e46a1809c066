// GET /rapporten/antwoord/download?from=…&to=…&asOf=…[&agency=…][&publicatie=1]: Tables 1–18 as one workbook.
import { ZodError } from "zod";
import { answerWorkbook } from "@/lib/domain/reports/answer-workbook";
import { questions, readPageRequest } from "@/lib/domain/reports/questions";
import { todayIso } from "@/lib/i18n/format";
import { requireActor } from "@/lib/server/auth/session";
import { ForbiddenError, UnauthenticatedError } from "@/lib/server/errors";
import { getAnswer } from "@/lib/server/reports/get-answer";

export async function GET(req: Request) {
  try {
    const actor = await requireActor("report.read");
    const request = readPageRequest(questions["vraag-1"], Object.fromEntries(new URL(req.url).searchParams), todayIso());
    const answer = await getAnswer(actor, request);
    const body = await answerWorkbook(answer.parts, request.publication, answer.agency);
    return new Response(new Uint8Array(body), {
      headers: { "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "content-disposition": `attachment; filename="antwoord-${request.from}-${request.to}-${request.asOf}.xlsx"` },
    });
  } catch (e) {
    if (e instanceof UnauthenticatedError) return new Response("Niet aangemeld.", { status: 401 });
    if (e instanceof ForbiddenError) return new Response("Geen toegang.", { status: 403 });
    if (e instanceof ZodError) return new Response(e.issues.map((i) => i.message).join("\n"), { status: 400 });
    throw e;
  }
}
