"use server";
// Server actions of /beheer/bewaartermijnen (issue 15), through action() (lib/server/entry).
import { revalidatePath } from "next/cache";
import { translator } from "@/lib/i18n/messages";
import type { ActionResult } from "@/lib/server/action-result";
import { action, formFields } from "@/lib/server/entry/action";
import { removeLegalHold, setLegalHold } from "@/lib/server/retention/holds";
import { anonymiseDossiers } from "@/lib/server/retention/overview";

export const anonymiseAction = action("retention.manage", async (actor, _prev: ActionResult | null, form: FormData): Promise<ActionResult> => {
  // several checkboxes of one name: getAll, not the form's last value
  const { anonymised } = await anonymiseDossiers(actor, { newcomerIds: form.getAll("newcomerIds"), confirm: form.get("confirm") });
  revalidatePath("/beheer/bewaartermijnen");
  return { ok: true, message: translator("admin", actor.locale)("retention.anonymised", { count: anonymised }) };
});

export const setHoldAction = action("retention.manage", async (actor, _prev: ActionResult | null, form: FormData): Promise<ActionResult> => {
  await setLegalHold(actor, formFields(form));
  revalidatePath("/beheer/bewaartermijnen");
  return { ok: true, message: translator("admin", actor.locale)("retention.holdSet") };
});

export const removeHoldAction = action("retention.manage", async (actor, _prev: ActionResult | null, form: FormData): Promise<ActionResult> => {
  await removeLegalHold(actor, formFields(form));
  revalidatePath("/beheer/bewaartermijnen");
  return { ok: true, message: translator("admin", actor.locale)("retention.holdRemoved") };
});
