"use server";
// The "Publiceren" form of a report page and of the answer page: one data-layer call.
import { translator } from "@/lib/i18n/messages";
import { action } from "@/lib/server/entry/action";
import { publishReport } from "@/lib/server/reports/publish";
import { publishSchema } from "@/lib/server/reports/publish.schema";

export const publishAction = action("report.publish", publishSchema, async (actor, input, _prev: unknown, _form: FormData) => {
  const { id } = await publishReport(actor, input);
  return { ok: true, message: translator("publications", actor.locale)("form.done"), data: { id } };
});
