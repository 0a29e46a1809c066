"use server";

import { revalidatePath } from "next/cache";
import { translator } from "@/lib/i18n/messages";
import { runAction, type ActionResult } from "@/lib/server/action-result";
import { requireActor } from "@/lib/server/auth/session";
import { generateDvzAdvice, recordDvzFollowUp } from "@/lib/server/dvz/advice";

const t = translator("dvz");

export async function generateAdviceAction(newcomerId: string, _prev: ActionResult<void> | null, form: FormData): Promise<ActionResult<void>> {
  const result = await runAction(async () => {
    await generateDvzAdvice(await requireActor("dvz.advise"), { ...Object.fromEntries(form), newcomerId });
  }, t("generate.done"));
  if (result.ok) revalidatePath("/dvz");
  return result;
}

export async function followUpAction(adviceId: string, _prev: ActionResult<void> | null, form: FormData): Promise<ActionResult<void>> {
  const result = await runAction(async () => {
    await recordDvzFollowUp(await requireActor("dvz.advise"), adviceId, Object.fromEntries(form));
  }, t("followUp.saved"));
  if (result.ok) revalidatePath("/dvz");
  return result;
}
