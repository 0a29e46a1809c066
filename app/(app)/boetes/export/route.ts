// POST /boetes/export (form fields: the queue's agency, type, minAgeDays, format csv|xlsx,
// volledig) — the queue of undecided infringement dossiers as a file, audited (fine.queue.export).
import { route } from "@/lib/server/entry/route";
import { downloadResponse } from "@/lib/server/lists/export-list";
import { formInput } from "@/lib/server/lists/form-input";
import { exportFineQueue } from "@/lib/server/lists/list-exports";

export const POST = route<Record<string, never>, "form">(
  "fine.read",
  async ({ actor, body }) => downloadResponse(await exportFineQueue(actor, formInput(body))),
  { body: "form" },
);
