import "server-only";
// Every error of a newcomer form in one round: when the form does not parse, the field errors of
// zod, the cross-field rules over the fields that are valid on their own, and the code lists
// checked against the database, together (the data layer used to stop at the first group).
import type { z } from "zod";
import { fieldErrorsOf } from "@/lib/domain/kit";
import type { MsgLike } from "@/lib/i18n/message";
import { canSeeAgency } from "@/lib/server/access/scope";
import type { Actor } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/db";
import { ValidationError } from "@/lib/server/errors";
import { newcomerCrossFieldErrors, typedCodes } from "./newcomer.schema";
import { checkClassificationCodes, officeByCode } from "./reference-checks";

/** The code lists of a form that did not parse, checked as typed; a field with an error of its own keeps it. */
export async function typedCodeErrors(actor: Actor, input: unknown, opts: { office: boolean }): Promise<Record<string, MsgLike>> {
  const codes = typedCodes(input);
  const errors = await checkClassificationCodes(db, codes);
  if (opts.office && codes.officeCode !== undefined) {
    const office = await officeByCode(db, codes.officeCode);
    if (!office) errors.officeCode = "newcomer.officeFromList";
    else if (!canSeeAgency(actor, office.agencyCode)) errors.officeCode = "newcomer.officeOwnAgency";
  }
  return errors;
}

/** The input through the schema, or a ValidationError with every error of the submission. */
export async function parseNewcomerForm<S extends z.ZodType>(actor: Actor, schema: S, input: unknown, opts: { office: boolean }): Promise<z.output<S>> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const errors = { ...(await typedCodeErrors(actor, input, opts)), ...newcomerCrossFieldErrors(input), ...fieldErrorsOf(parsed.error.issues) };
  throw new ValidationError(errors);
}
