"use server";

import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/server/action-result";
import { requireActor } from "@/lib/server/auth/session";
import { createUser, updateUser } from "@/lib/server/users/manage-users";
import { translator } from "@/lib/i18n/messages";

const t = translator("admin");

export async function createUserAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const result = await runAction(async () => {
    const actor = await requireActor("user.manage");
    const user = await createUser(actor, Object.fromEntries(form));
    return user.email;
  });
  if (result.ok) revalidatePath("/beheer/gebruikers");
  return result.ok ? { ok: true, message: t("users.created", { email: String(result.data) }) } : { ok: false, ...(result.message ? { message: result.message } : {}), ...(result.fieldErrors ? { fieldErrors: result.fieldErrors } : {}) };
}

export async function updateUserAction(id: string, _prev: ActionResult | null, form: FormData): Promise<ActionResult<void>> {
  const result = await runAction(async () => {
    const actor = await requireActor("user.manage");
    await updateUser(actor, id, { active: form.get("active") === "on", ...Object.fromEntries(form) });
  }, t("users.saved"));
  if (result.ok) revalidatePath("/beheer/gebruikers");
  return result;
}
