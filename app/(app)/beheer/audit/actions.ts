"use server";
// The dossier filter of the audit page: the national number is posted (never put in a URL),
// resolved to the dossier's id, and the page is shown again with ?dossier=<id> and the other
// filters as they were. Through action(): origin, session and permission checked, refusals audited.
import { redirect } from "next/navigation";
import { findAuditDossier } from "@/lib/server/audit/list-audit";
import { AUDIT_FILTER_KEYS } from "@/lib/server/audit/list-audit.schema";
import { action } from "@/lib/server/entry/action";
import { ValidationError } from "@/lib/server/errors";

const findDossier = action("audit.read", async (actor, form: FormData) => {
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
});

/** A plain form action (the page's form posts it): the outcome is the redirect. */
export async function findAuditDossierAction(form: FormData): Promise<void> {
  await findDossier(form);
}
