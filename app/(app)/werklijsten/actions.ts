"use server";
// The bulk actions of the worklists and the dossier list, through action() (lib/server/entry):
// one server action for the toolbar, the button's `bulk` value picks the data-layer function.
// The selection is read with getAll: a form posts `ids` once per checked box.
import { revalidatePath } from "next/cache";
import { translator } from "@/lib/i18n/messages";
import type { ActionResult } from "@/lib/server/action-result";
import { action } from "@/lib/server/entry/action";
import { ValidationError } from "@/lib/server/errors";
import { bulkGenerateDvzAdvice, bulkMoveNewcomers, bulkOpenLateRegistrationInfringements } from "@/lib/server/worklists/bulk";

type Prev = ActionResult | null;

export const bulkAction = action("dossier.write", async (actor, _prev: Prev, form: FormData): Promise<ActionResult> => {
  const t = translator("worklists", actor.locale);
  const ids = form.getAll("ids").map(String);
  const kind = String(form.get("bulk") ?? "");
  let message: string;
  if (kind === "infringements") {
    const r = await bulkOpenLateRegistrationInfringements(actor, { ids });
    message = t("bulk.opened", { count: r.count });
  } else if (kind === "move") {
    const r = await bulkMoveNewcomers(actor, { ids, officeCode: form.get("officeCode") ?? "", reason: form.get("reason") ?? "" });
    message = t("bulk.moved", { count: r.count });
  } else if (kind === "dvz") {
    // the data layer checks dvz.advise (admins); the button is shown to them only
    const r = await bulkGenerateDvzAdvice(actor, { ids });
    message = t("bulk.dvzAdvised", { count: r.count });
  } else throw new ValidationError({ bulk: "request.badRequest" });
  revalidatePath("/werklijsten", "layout");
  revalidatePath("/dossiers");
  if (kind === "dvz") revalidatePath("/dvz");
  return { ok: true, message };
});
