// GET /beheer/export/download — every newcomer in the exchange format, streamed.
import { NextResponse } from "next/server";
import { requireActor } from "@/lib/server/auth/session";
import { streamDossierExport } from "@/lib/server/exchange/dossier-export";
import { ForbiddenError, UnauthenticatedError } from "@/lib/server/errors";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    const actor = await requireActor("exchange.export");
    const fileName = `dossiers-${new Date().toISOString().slice(0, 10)}.jsonl`;
    return new Response(streamDossierExport(actor, fileName), {
      headers: {
        "content-type": "application/x-ndjson; charset=utf-8",
        "content-disposition": `attachment; filename="${fileName}"`,
        "cache-control": "no-store",
      },
    });
  } catch (e) {
    if (e instanceof UnauthenticatedError || e instanceof ForbiddenError) return NextResponse.json({ message: e.message }, { status: 403 });
    throw e;
  }
}
