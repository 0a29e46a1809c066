// POST /dossiers/export (form fields: the list's search — a number search as its token zoek —,
// filters and sort, format csv|xlsx, volledig) — the dossier list as a file, every page up to the
// cap, national numbers masked unless revealed, audited (newcomer.list.export).
import { route } from "@/lib/server/entry/route";
import { downloadResponse } from "@/lib/server/lists/export-list";
import { formInput } from "@/lib/server/lists/form-input";
import { exportNewcomerList } from "@/lib/server/lists/list-exports";

export const POST = route<Record<string, never>, "form">(
  "dossier.read",
  async ({ actor, body }) => downloadResponse(await exportNewcomerList(actor, formInput(body))),
  { body: "form" },
);
