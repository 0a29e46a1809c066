// POST /dvz/export (form fields from, to) — the CSV file for DVZ, as a download. Audited.
import { requireActor } from "@/lib/server/auth/session";
import { exportDvzFile } from "@/lib/server/dvz/export";
import { errorResponse } from "@/lib/server/fines/http";

export async function POST(request: Request) {
  try {
    const actor = await requireActor("dvz.export");
    const form = await request.formData().catch(() => null);
    const file = await exportDvzFile(actor, { from: form?.get("from"), to: form?.get("to") });
    return new Response(file.csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${file.fileName}"`,
        "cache-control": "no-store",
      },
    });
  } catch (e) {
    return errorResponse(e);
  }
}
