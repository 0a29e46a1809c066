// POST /werklijsten/[lijst]/export (form fields: the list's kantoor and sort) — the worklist as
// CSV, national numbers masked, audited (worklist.export). A POST, so a link cannot download it.
import { route } from "@/lib/server/entry/route";
import { NotFoundError } from "@/lib/server/errors";
import { isWorklist } from "@/lib/server/worklists/definitions";
import { exportWorklistCsv } from "@/lib/server/worklists/export";
import { worklistQueryOf } from "@/lib/server/worklists/worklists";

export const POST = route<{ lijst: string }, "form">(
  "dossier.read",
  async ({ actor, params, body }) => {
    if (!isWorklist(params.lijst)) throw new NotFoundError();
    const input = Object.fromEntries([...body.entries()].filter(([, v]) => typeof v === "string")) as Record<string, string>;
    const file = await exportWorklistCsv(actor, params.lijst, worklistQueryOf(input));
    return new Response(file.csv, {
      headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${file.fileName}"` },
    });
  },
  { body: "form" },
);
