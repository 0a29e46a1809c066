"use server";
// Server actions of /dvz, through action() (lib/server/entry).
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { translator } from "@/lib/i18n/messages";
import type { ActionResult } from "@/lib/server/action-result";
import { generateDvzAdvice, recordDvzFollowUp } from "@/lib/server/dvz/advice";
import { action, formFields } from "@/lib/server/entry/action";
import { createSearchToken, isNationalNumberQuery } from "@/lib/server/dossiers/search-token";

type Prev = ActionResult<void> | null;

export const generateAdviceAction = action("dvz.advise", async (actor, newcomerId: string, _prev: Prev, form: FormData): Promise<ActionResult<void>> => {
  await generateDvzAdvice(actor, { ...formFields(form), newcomerId });
  revalidatePath("/dvz");
  return { ok: true, message: translator("dvz", actor.locale)("generate.done") };
});

export const followUpAction = action("dvz.advise", async (actor, adviceId: string, _prev: Prev, form: FormData): Promise<ActionResult<void>> => {
  await recordDvzFollowUp(actor, adviceId, formFields(form));
  revalidatePath("/dvz");
  return { ok: true, message: translator("dvz", actor.locale)("followUp.saved") };
});

/** The DVZ search posts: a query with digits (a whole or partial national number) stays server-side. */
const search = action("dvz.advise", async (actor, form: FormData): Promise<ActionResult> => {
  const q = String(form.get("q") ?? "").trim();
  if (isNationalNumberQuery(q)) redirect(`/dvz?zoek=${await createSearchToken(actor, q)}`);
  redirect(`/dvz?${new URLSearchParams({ q })}`);
});

export async function searchDvzAction(form: FormData): Promise<void> {
  const result = await search(form);
  if (!result.ok) redirect("/dvz");
}
