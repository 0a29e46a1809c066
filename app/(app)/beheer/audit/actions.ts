"use server";
// The dossier filter of the audit page: the national number is posted (never put in a URL),
// resolved to the dossier's id, and the page is shown again with ?dossier=<id> and the other
// filters as they were.
import { redirect } from "next/navigation";
import { requireActor } from "@/lib/server/auth/session";
import { findAuditDossier } from "@/lib/server/audit/list-audit";
import { AUDIT_FILTER_KEYS } from "@/lib/server/audit/list-audit.schema";
import { ValidationError } from "@/lib/server/errors";

export async function findAuditDossierAction(form: FormData): Promise<void> {
  const actor = await requireActor("audit.read");
  const params = new URLSearchParams();
  for (const k of AUDIT_FILTER_KEYS) {
    const v = form.get(k);
    if (k !== "dossier" && typeof v === "string" && v) params.set(k, v);
  }
  try {
    params.set("dossier", await findAuditDossier(actor, { nationalNumber: form.get("nationalNumber") ?? "" }));
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    params.set("dossierError", /gevonden/.test(e.fieldErrors.nationalNumber ?? "") ? "notfound" : "invalid");
  }
  redirect(`/beheer/audit?${params.toString()}`);
}
