// POST /dvz/export (form fields from, to) — the CSV file for DVZ, as a download. Audited.
import { exportDvzFile } from "@/lib/server/dvz/export";
import { route } from "@/lib/server/entry/route";

export const POST = route<Record<string, never>, "form">(
  "dvz.export",
  async ({ actor, body }) => {
    const file = await exportDvzFile(actor, { from: body.get("from"), to: body.get("to") });
    return new Response(file.csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${file.fileName}"`,
        // the file holds the five legal fields only: how many anonymised dossiers were left out (issue 15) travels beside it
        "x-anonymised-left-out": String(file.anonymisedLeftOut),
      },
    });
  },
  { body: "form" },
);
