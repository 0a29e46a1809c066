"use server";
// Server actions of the dossier pages, each through action() (lib/server/entry): origin check,
// session + permission, THE error map. They call one data-layer function each (which checks
// scope, version and audits).
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { translator } from "@/lib/i18n/messages";
import { canSeeAgency } from "@/lib/server/access/scope";
import type { ActionResult } from "@/lib/server/action-result";
import { ConfirmationRequiredError } from "@/lib/server/errors";
import { action, formFields } from "@/lib/server/entry/action";
import { revealNationalNumber } from "@/lib/server/dossiers/get-dossier";
import { createNewcomer, moveNewcomer, updateNewcomer } from "@/lib/server/dossiers/save-newcomer";
import { createSearchToken, isNationalNumberQuery } from "@/lib/server/dossiers/search-token";
import { cancelTrackEvent, correctTrackEvent, recordTrackEvent } from "@/lib/server/dossiers/record-event";

type Prev = ActionResult | null;

export const createNewcomerAction = action("dossier.write", async (actor, _prev: Prev, form: FormData): Promise<ActionResult> => {
  const created = await createNewcomer(actor, formFields(form));
  redirect(`/dossiers/${created.id}`);
});

export const updateNewcomerAction = action("dossier.write", async (actor, id: string, _prev: Prev, form: FormData): Promise<ActionResult> => {
  await updateNewcomer(actor, id, formFields(form));
  redirect(`/dossiers/${id}`);
});

export const moveNewcomerAction = action("dossier.write", async (actor, id: string, _prev: Prev, form: FormData): Promise<ActionResult> => {
  const moved = await moveNewcomer(actor, id, formFields(form));
  // moved out of the actor's agency: the dossier is no longer theirs to see
  if (!canSeeAgency(actor, moved.agencyCode)) redirect(`/dossiers?verhuisd=1`);
  revalidatePath(`/dossiers/${id}`);
  return { ok: true, message: translator("dossiers", actor.locale)("dossier.moved") };
});

/** What the step form shows when a step is out of the usual order: the warnings, and the codes a confirmation names. */
export interface StepWarnings {
  intro: string;
  warnings: string[];
  codes: string[];
}

export const recordEventAction = action(
  "dossier.write",
  async (actor, newcomerId: string, _prev: ActionResult<StepWarnings> | null, form: FormData): Promise<ActionResult<StepWarnings>> => {
    try {
      await recordTrackEvent(actor, newcomerId, formFields(form));
    } catch (e) {
      // nothing was saved: the form shows the warnings with a "confirm and save anyway" control
      if (e instanceof ConfirmationRequiredError) {
        return { ok: false, data: { intro: e.messageIn(actor.locale), warnings: Object.values(e.fieldErrorsIn(actor.locale)), codes: [...e.codes] } };
      }
      throw e;
    }
    revalidatePath(`/dossiers/${newcomerId}`);
    return { ok: true, message: translator("dossiers", actor.locale)("events.recorded") };
  },
);

export const correctEventAction = action(
  "dossier.write",
  async (actor, newcomerId: string, eventId: string, _prev: Prev, form: FormData): Promise<ActionResult> => {
    await correctTrackEvent(actor, eventId, formFields(form));
    revalidatePath(`/dossiers/${newcomerId}`);
    return { ok: true, message: translator("dossiers", actor.locale)("events.corrected") };
  },
);

export const cancelEventAction = action(
  "dossier.write",
  async (actor, newcomerId: string, eventId: string, _prev: Prev, form: FormData): Promise<ActionResult> => {
    await cancelTrackEvent(actor, eventId, formFields(form));
    revalidatePath(`/dossiers/${newcomerId}`);
    return { ok: true, message: translator("dossiers", actor.locale)("events.cancelledOk") };
  },
);

export const revealNationalNumberAction = action(
  "dossier.reveal",
  async (actor, id: string): Promise<ActionResult<string>> => ({ ok: true, data: await revealNationalNumber(actor, id) }),
);

const FILTERS = ["office", "targetGroup", "status", "extractionYear", "sort"] as const;

/**
 * The dossier search form posts here. Filters and a name go to the URL as before (?q=jansen);
 * a national number is kept server-side behind an opaque token (?zoek=<id>), so it never lands in
 * the address bar, the browser history or a proxy's log.
 */
const search = action("dossier.read", async (actor, form: FormData): Promise<ActionResult> => {
  const params = new URLSearchParams();
  const q = String(form.get("q") ?? "").trim();
  if (q && isNationalNumberQuery(q)) params.set("zoek", await createSearchToken(actor, q));
  else if (q) params.set("q", q);
  for (const f of FILTERS) {
    const v = String(form.get(f) ?? "");
    if (v) params.set(f, v);
  }
  redirect(`/dossiers${params.size ? `?${params}` : ""}`);
});

export async function searchDossiersAction(form: FormData): Promise<void> {
  const result = await search(form);
  if (!result.ok) redirect("/dossiers?zoekfout=1");
}
