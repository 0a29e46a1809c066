"use server";
// The merge of /beheer/dubbels/samenvoegen, through action() (lib/server/entry); on success the
// admin lands on the surviving dossier.
import { redirect } from "next/navigation";
import type { ActionResult } from "@/lib/server/action-result";
import { action, formFields } from "@/lib/server/entry/action";
import { mergeNewcomers } from "@/lib/server/dossiers/merge-newcomers";

export const mergeNewcomersAction = action("dossier.merge", async (actor, _prev: ActionResult | null, form: FormData): Promise<ActionResult> => {
  const result = await mergeNewcomers(actor, formFields(form));
  redirect(`/dossiers/${result.survivorId}`);
});
