"use server";
// Server actions of the dossier pages: parse nothing themselves, call one data-layer function
// each (which checks permission, scope, version and audits), and map errors to Dutch messages.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { translator } from "@/lib/i18n/messages";
import { runAction, type ActionResult } from "@/lib/server/action-result";
import { requireActor } from "@/lib/server/auth/session";
import { revealNationalNumber } from "@/lib/server/newcomers/get-dossier";
import { createNewcomer, moveNewcomer, updateNewcomer } from "@/lib/server/newcomers/save-newcomer";
import { cancelTrackEvent, correctTrackEvent, recordTrackEvent } from "@/lib/server/track/record-event";

const t = translator("dossiers");
const fields = (form: FormData) => Object.fromEntries(form) as Record<string, unknown>;
/** The outcome a form shows: message and field errors, never data. */
const outcome = (r: ActionResult<unknown>): ActionResult => ({ ok: r.ok, ...(r.message ? { message: r.message } : {}), ...(r.fieldErrors ? { fieldErrors: r.fieldErrors } : {}) });

export async function createNewcomerAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const result = await runAction(async () => (await createNewcomer(await requireActor("dossier.write"), fields(form))).id);
  if (result.ok) redirect(`/dossiers/${String(result.data)}`);
  return outcome(result);
}

export async function updateNewcomerAction(id: string, _prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const result = await runAction(async () => { await updateNewcomer(await requireActor("dossier.write"), id, fields(form)); });
  if (result.ok) redirect(`/dossiers/${id}`);
  return outcome(result);
}

export async function moveNewcomerAction(id: string, _prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const result = await runAction(async () => {
    const actor = await requireActor("dossier.write");
    const moved = await moveNewcomer(actor, id, fields(form));
    return actor.role === "ADMIN" || moved.agencyCode === actor.agencyCode;
  });
  if (result.ok && result.data === false) redirect(`/dossiers?verhuisd=1`);
  if (result.ok) revalidatePath(`/dossiers/${id}`);
  return result.ok ? { ok: true, message: t("dossier.moved") } : outcome(result);
}

export async function recordEventAction(newcomerId: string, _prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const result = await runAction(async () => { await recordTrackEvent(await requireActor("dossier.write"), newcomerId, fields(form)); }, t("events.recorded"));
  if (result.ok) revalidatePath(`/dossiers/${newcomerId}`);
  return outcome(result);
}

export async function correctEventAction(newcomerId: string, eventId: string, _prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const result = await runAction(async () => { await correctTrackEvent(await requireActor("dossier.write"), eventId, fields(form)); }, t("events.corrected"));
  if (result.ok) revalidatePath(`/dossiers/${newcomerId}`);
  return outcome(result);
}

export async function cancelEventAction(newcomerId: string, eventId: string, _prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const result = await runAction(async () => { await cancelTrackEvent(await requireActor("dossier.write"), eventId, fields(form)); }, t("events.cancelledOk"));
  if (result.ok) revalidatePath(`/dossiers/${newcomerId}`);
  return outcome(result);
}

export async function revealNationalNumberAction(id: string): Promise<ActionResult<string>> {
  return runAction(async () => revealNationalNumber(await requireActor("dossier.reveal"), id));
}
