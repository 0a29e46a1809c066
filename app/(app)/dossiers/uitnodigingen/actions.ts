"use server";
// Printing a batch of invitations records every letter, in one transaction, before the print.
import { revalidatePath } from "next/cache";
import { translator } from "@/lib/i18n/messages";
import type { ActionResult } from "@/lib/server/action-result";
import { action } from "@/lib/server/entry/action";
import { batchIds, recordInvitationLetters } from "@/lib/server/letters/letters";

export const recordInvitationsAction = action("dossier.write", async (actor, ids: string[]): Promise<ActionResult> => {
  const { count } = await recordInvitationLetters(actor, batchIds(ids));
  for (const id of ids) revalidatePath(`/dossiers/${id}`);
  return { ok: true, message: translator("dossiers", actor.locale)("invitation.recorded", { count }) };
});
