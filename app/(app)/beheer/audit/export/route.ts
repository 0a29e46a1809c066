// POST /beheer/audit/export (form fields: the page's filters) — the filtered audit log as CSV.
// Audited (audit.export). A POST, so a link or an image cannot make anyone download it.
import { exportAuditCsv } from "@/lib/server/audit/list-audit-export";
import { route } from "@/lib/server/entry/route";

export const POST = route<Record<string, never>, "form">(
  "audit.read",
  async ({ actor, body }) => {
    const input = Object.fromEntries([...body.entries()].filter(([, v]) => typeof v === "string"));
    const file = await exportAuditCsv(actor, input);
    return new Response(file.csv, {
      headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${file.fileName}"` },
    });
  },
  { body: "form" },
);
