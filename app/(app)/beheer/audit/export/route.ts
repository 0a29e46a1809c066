// POST /beheer/audit/export (form fields: the page's filters) — the filtered audit log as CSV.
// Audited (audit.export). A POST, so a link or an image cannot make anyone download it.
import { requireActor } from "@/lib/server/auth/session";
import { exportAuditCsv } from "@/lib/server/audit/list-audit-export";
import { errorResponse } from "@/lib/server/fines/http";

export async function POST(request: Request) {
  try {
    const actor = await requireActor("audit.read");
    const form = await request.formData().catch(() => null);
    const input = Object.fromEntries([...(form?.entries() ?? [])].filter(([, v]) => typeof v === "string"));
    const file = await exportAuditCsv(actor, input);
    return new Response(file.csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${file.fileName}"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (e) {
    return errorResponse(e);
  }
}
