// POST /beheer/export/download — every newcomer in the exchange format, streamed. A POST (the
// button on /beheer/export) so that no link or image can start an export of every national
// number; GET is not exported, so Next answers it with 405.
import { streamDossierExport } from "@/lib/server/exchange/export-download";
import { route } from "@/lib/server/entry/route";

export const dynamic = "force-dynamic";

export const POST = route("exchange.export", async ({ actor }) => {
  const fileName = `dossiers-${new Date().toISOString().slice(0, 10)}.jsonl`;
  return new Response(streamDossierExport(actor, fileName), {
    headers: { "content-type": "application/x-ndjson; charset=utf-8", "content-disposition": `attachment; filename="${fileName}"` },
  });
});
