// POST /dvz/adviezen/export (form fields: the list's naam and sort, format csv|xlsx, volledig) —
// the DVZ advice list as a file, audited (dvz.advice.list.export). Not the file for DVZ itself,
// which is /dvz/export (the five legal fields only).
import { route } from "@/lib/server/entry/route";
import { downloadResponse } from "@/lib/server/lists/export-list";
import { formInput } from "@/lib/server/lists/form-input";
import { exportDvzAdviceList } from "@/lib/server/lists/list-exports";

export const POST = route<Record<string, never>, "form">(
  "dvz.advise",
  async ({ actor, body }) => downloadResponse(await exportDvzAdviceList(actor, formInput(body))),
  { body: "form" },
);
