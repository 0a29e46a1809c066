// POST /beheer/import/upload — the raw file as the body, its name in X-File-Name. Answers with
// the id of the ImportRun the page then polls. A route handler rather than a server action: the
// file travels as the raw body (no multipart form to parse) and the answer is plain JSON.
import { NextResponse } from "next/server";
import { requireActor } from "@/lib/server/auth/session";
import { startDossierImport } from "@/lib/server/exchange/dossier-import";
import { ForbiddenError, UnauthenticatedError, ValidationError } from "@/lib/server/errors";

export async function POST(request: Request) {
  try {
    const actor = await requireActor("exchange.import");
    const fileName = decodeURIComponent(request.headers.get("x-file-name") ?? "");
    const content = new Uint8Array(await request.arrayBuffer());
    return NextResponse.json(await startDossierImport(actor, { fileName, content }));
  } catch (e) {
    if (e instanceof ValidationError) return NextResponse.json({ message: Object.values(e.fieldErrors)[0] ?? e.message }, { status: 422 });
    if (e instanceof UnauthenticatedError || e instanceof ForbiddenError) return NextResponse.json({ message: e.message }, { status: 403 });
    console.error(e);
    return NextResponse.json({ message: "Het opladen is mislukt. Er werd niets gewijzigd." }, { status: 500 });
  }
}
