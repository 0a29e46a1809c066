"use server";
// The language choice in the app shell, through action(): origin, session and permission
// checked, refusals audited. A plain form action: the outcome is the re-rendered page.
import { revalidatePath } from "next/cache";
import { action } from "@/lib/server/entry/action";
import { ownLocaleSchema, setOwnLocale } from "@/lib/server/users/own-locale";

const chooseLocale = action("profile.update", ownLocaleSchema, async (actor, input, _form: FormData) => {
  await setOwnLocale(actor, input);
  revalidatePath("/", "layout");
  return { ok: true };
});

export async function chooseLocaleAction(form: FormData): Promise<void> {
  await chooseLocale(form);
}
