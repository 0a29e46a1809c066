import "server-only";
// Checks of codes against the reference tables users maintain (nationalities, residence
// statuses, offices). Each problem is returned per field, in Dutch, for the form.
import { db } from "@/lib/server/db";
import type { Tx } from "@/lib/server/kit/tx";
import type { MsgLike } from "@/lib/i18n/message";

export async function nationalityOf(tx: Tx, code: string) {
  return tx.nationality.findFirst({ where: { code, active: true }, select: { code: true, group: true } });
}

export async function checkClassificationCodes(tx: Tx, input: { nationalityCode?: string | undefined; residenceStatusCode?: string | undefined }) {
  const errors: Record<string, MsgLike> = {};
  if (input.nationalityCode !== undefined && !(await nationalityOf(tx, input.nationalityCode))) errors.nationalityCode = "newcomer.chooseNationality";
  if (input.residenceStatusCode !== undefined && !(await tx.residenceStatus.findFirst({ where: { code: input.residenceStatusCode, active: true } }))) {
    errors.residenceStatusCode = "newcomer.residenceStatusFromList";
  }
  return errors;
}

export async function officeByCode(tx: Tx, code: string) {
  return tx.office.findFirst({ where: { code, active: true }, select: { code: true, agencyCode: true, label: true } });
}

/** The code lists the newcomer forms offer. */
export async function listNewcomerFormOptions() {
  const [nationalities, residenceStatuses, offices, agencies] = await Promise.all([
    db.nationality.findMany({ where: { active: true }, select: { code: true, label: true, group: true }, orderBy: { label: "asc" } }),
    db.residenceStatus.findMany({ where: { active: true }, select: { code: true, label: true }, orderBy: { label: "asc" } }),
    db.office.findMany({ where: { active: true }, select: { code: true, label: true, agencyCode: true }, orderBy: [{ agencyCode: "asc" }, { label: "asc" }] }),
    db.agency.findMany({ select: { code: true, label: true }, orderBy: { label: "asc" } }),
  ]);
  return { nationalities, residenceStatuses, offices, agencies };
}
