// POST /beheer/import/upload — the raw file as the body, its name in X-File-Name. Answers with
// the id of the ImportRun the page then polls. A route handler rather than a server action: the
// file travels as the raw body (no multipart form to parse) and the answer is plain JSON.
import { startDossierImport } from "@/lib/server/exchange/import-upload";
import { route } from "@/lib/server/entry/route";

export const POST = route<Record<string, never>, "raw">(
  "exchange.import",
  async ({ actor, request, body }) => {
    const fileName = decodeURIComponent(request.headers.get("x-file-name") ?? "");
    return Response.json(await startDossierImport(actor, { fileName, content: body }));
  },
  { body: "raw" },
);
