// GET /beheer/import/runs/:id — the progress and outcome of one import, polled by the page.
import { NextResponse } from "next/server";
import { requireActor } from "@/lib/server/auth/session";
import { getImportRun } from "@/lib/server/exchange/dossier-import";
import { ForbiddenError, NotFoundError, UnauthenticatedError } from "@/lib/server/errors";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const actor = await requireActor("exchange.import");
    return NextResponse.json(await getImportRun(actor, (await params).id), { headers: { "cache-control": "no-store" } });
  } catch (e) {
    if (e instanceof NotFoundError) return NextResponse.json({ message: e.message }, { status: 404 });
    if (e instanceof UnauthenticatedError || e instanceof ForbiddenError) return NextResponse.json({ message: e.message }, { status: 403 });
    throw e;
  }
}
