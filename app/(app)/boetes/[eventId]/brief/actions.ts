"use server";
// Printing the decision letter records it in the dossier (a `letter` row, audited) first.
import { revalidatePath } from "next/cache";
import { translator } from "@/lib/i18n/messages";
import type { ActionResult } from "@/lib/server/action-result";
import { action } from "@/lib/server/entry/action";
import { recordDecisionLetter } from "@/lib/server/letters/letters";

export const recordDecisionLetterAction = action("fine.read", async (actor, eventId: string): Promise<ActionResult> => {
  const letter = await recordDecisionLetter(actor, eventId);
  revalidatePath(`/dossiers/${letter.newcomerId}`);
  return { ok: true, message: translator("fines", actor.locale)("letter.printRecorded") };
});
