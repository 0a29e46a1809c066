"use server";
// Server actions of /beheer/gebruikers, through action() (lib/server/entry).
import { revalidatePath } from "next/cache";
import { translator } from "@/lib/i18n/messages";
import type { ActionResult } from "@/lib/server/action-result";
import { action, formFields } from "@/lib/server/entry/action";
import { createUser, updateUser } from "@/lib/server/users/manage-users";

export const createUserAction = action("user.manage", async (actor, _prev: ActionResult | null, form: FormData): Promise<ActionResult> => {
  const user = await createUser(actor, formFields(form));
  revalidatePath("/beheer/gebruikers");
  return { ok: true, message: translator("admin", actor.locale)("users.created", { email: user.email }) };
});

export const updateUserAction = action("user.manage", async (actor, id: string, _prev: ActionResult | null, form: FormData): Promise<ActionResult<void>> => {
  await updateUser(actor, id, { active: form.get("active") === "on", ...formFields(form) });
  revalidatePath("/beheer/gebruikers");
  return { ok: true, message: translator("admin", actor.locale)("users.saved") };
});
