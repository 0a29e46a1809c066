// GET /beheer/import/runs/:id — the progress and outcome of one import, polled by the page.
import { getImportRun } from "@/lib/server/exchange/import-upload";
import { route } from "@/lib/server/entry/route";

export const GET = route<{ id: string }>("exchange.import", async ({ actor, params }) => Response.json(await getImportRun(actor, params.id)));
