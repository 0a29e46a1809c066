"use server";
// Server actions of the fine pages, through action() (lib/server/entry).
import { revalidatePath } from "next/cache";
import { translator } from "@/lib/i18n/messages";
import type { ActionResult } from "@/lib/server/action-result";
import { action, formFields } from "@/lib/server/entry/action";
import { decideInfringement } from "@/lib/server/fines/decide";
import { updateFinePayment } from "@/lib/server/fines/payment";
import { confirmDecision, rejectDecision } from "@/lib/server/fines/review";

function refresh(eventId: string) {
  revalidatePath(`/boetes/${eventId}`);
  revalidatePath("/boetes");
}

export const decideAction = action(
  "fine.decide",
  async (actor, eventId: string, _prev: ActionResult<string> | null, form: FormData): Promise<ActionResult<string>> => {
    const decision = await decideInfringement(actor, eventId, formFields(form));
    refresh(eventId);
    const t = translator("fines", actor.locale);
    return { ok: true, message: decision.status === "AWAITING_CONFIRMATION" ? t("decision.savedAwaiting") : t("decision.saved") };
  },
);

export const confirmAction = action(
  "fine.decide",
  async (actor, eventId: string, decisionId: string, _prev: ActionResult<void> | null, _form: FormData): Promise<ActionResult<void>> => {
    await confirmDecision(actor, decisionId);
    refresh(eventId);
    return { ok: true, message: translator("fines", actor.locale)("decision.confirmed") };
  },
);

export const rejectAction = action(
  "fine.decide",
  async (actor, eventId: string, decisionId: string, _prev: ActionResult<void> | null, form: FormData): Promise<ActionResult<void>> => {
    await rejectDecision(actor, decisionId, formFields(form));
    refresh(eventId);
    return { ok: true, message: translator("fines", actor.locale)("decision.rejected") };
  },
);

export const paymentAction = action(
  "fine.decide",
  async (actor, eventId: string, decisionId: string, _prev: ActionResult<void> | null, form: FormData): Promise<ActionResult<void>> => {
    await updateFinePayment(actor, decisionId, formFields(form));
    refresh(eventId);
    return { ok: true, message: translator("fines", actor.locale)("payment.saved") };
  },
);
