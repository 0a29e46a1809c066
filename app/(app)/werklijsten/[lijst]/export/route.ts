// POST /werklijsten/[lijst]/export (form fields: the list's kantoor and sort, format csv|xlsx,
// volledig) — the worklist as a file, national numbers masked unless revealed, audited
// (worklist.export). A POST, so a link cannot download it.
import { route } from "@/lib/server/entry/route";
import { downloadResponse } from "@/lib/server/lists/export-list";
import { exportWorklist } from "@/lib/server/lists/list-exports";
import { formInput } from "@/lib/server/lists/form-input";

export const POST = route<{ lijst: string }, "form">(
  "dossier.read",
  async ({ actor, params, body }) => downloadResponse(await exportWorklist(actor, params.lijst, formInput(body))),
  { body: "form" },
);
