"use server";

import { revalidatePath } from "next/cache";
import { translator } from "@/lib/i18n/messages";
import { runAction, type ActionResult } from "@/lib/server/action-result";
import { requireActor } from "@/lib/server/auth/session";
import { decideInfringement } from "@/lib/server/fines/decide";
import { updateFinePayment } from "@/lib/server/fines/payment";
import { confirmDecision, rejectDecision } from "@/lib/server/fines/review";

const t = translator("fines");

function refresh(eventId: string) {
  revalidatePath(`/boetes/${eventId}`);
  revalidatePath("/boetes");
}

export async function decideAction(eventId: string, _prev: ActionResult<string> | null, form: FormData): Promise<ActionResult<string>> {
  const result = await runAction(async () => {
    const actor = await requireActor("fine.decide");
    return (await decideInfringement(actor, eventId, Object.fromEntries(form))).status;
  });
  if (!result.ok) return result;
  refresh(eventId);
  return { ok: true, message: result.data === "AWAITING_CONFIRMATION" ? t("decision.savedAwaiting") : t("decision.saved") };
}

export async function confirmAction(eventId: string, decisionId: string, _prev: ActionResult<void> | null, _form: FormData): Promise<ActionResult<void>> {
  const result = await runAction(async () => {
    await confirmDecision(await requireActor("fine.decide"), decisionId);
  }, t("decision.confirmed"));
  if (result.ok) refresh(eventId);
  return result;
}

export async function rejectAction(eventId: string, decisionId: string, _prev: ActionResult<void> | null, form: FormData): Promise<ActionResult<void>> {
  const result = await runAction(async () => {
    await rejectDecision(await requireActor("fine.decide"), decisionId, Object.fromEntries(form));
  }, t("decision.rejected"));
  if (result.ok) refresh(eventId);
  return result;
}

export async function paymentAction(eventId: string, decisionId: string, _prev: ActionResult<void> | null, form: FormData): Promise<ActionResult<void>> {
  const result = await runAction(async () => {
    await updateFinePayment(await requireActor("fine.decide"), decisionId, Object.fromEntries(form));
  }, t("payment.saved"));
  if (result.ok) refresh(eventId);
  return result;
}
