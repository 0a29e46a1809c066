import { z } from "zod";
import { issueMessage } from "@/lib/domain/kit";
import { DECISION_OUTCOMES } from "@/lib/domain/code-sets";
import { text } from "@/lib/domain/validation/text";
import { msg } from "@/lib/i18n/message";
import { FINE_MAX_EUR, FINE_MIN_EUR, isFineAmountInRange } from "@/lib/domain/fines/rules";

const blankToNull = (v: unknown) => (v === "" || v === undefined || v === null ? null : v);

export const isoDate = z
  .string({ message: "form.dateRequired" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "form.dateIso")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), "form.dateNotReal");

/** The version of the infringement dossier the user read: a decision on a stale view is refused. */
export const versionField = z.coerce.number({ message: "form.reload" }).int().positive("form.reload");

const amountField = z.preprocess((v) => {
  const b = blankToNull(v);
  return b === null ? null : typeof b === "string" ? Number(b.replace(/\s|\./g, "").replace(",", ".")) : b;
}, z.number({ message: "fines.amountWholeEuro" }).nullable());

export const decisionSchema = z
  .object({
    outcome: z.enum(DECISION_OUTCOMES, { message: "fines.chooseOutcome" }),
    decidedOn: isoDate,
    amountEur: amountField,
    motivation: text({ multiline: true, message: "fines.motivationRequired" }).trim().min(1, "fines.motivationRequired").max(4000, "fines.motivationTooLong"),
    version: versionField,
    correctionReason: z.preprocess(blankToNull, text({ multiline: true }).trim().max(2000, "form.reasonTooLong2000").nullable()).default(null),
  })
  .superRefine((v, ctx) => {
    if (v.outcome === "BOETE" && v.amountEur === null) ctx.addIssue({ code: "custom", path: ["amountEur"], message: "fines.fineNeedsAmount" });
    else if (v.outcome === "BOETE" && v.amountEur !== null && !isFineAmountInRange(v.amountEur)) {
      ctx.addIssue({ code: "custom", path: ["amountEur"], ...issueMessage(msg("fines.amountRange", { min: FINE_MIN_EUR, max: FINE_MAX_EUR })) });
    } else if (v.outcome !== "BOETE" && v.amountEur !== null) ctx.addIssue({ code: "custom", path: ["amountEur"], message: "fines.onlyFineAmount" });
  });

export type DecisionInput = z.infer<typeof decisionSchema>;

export const rejectSchema = z.object({
  reason: text({ multiline: true, message: "fines.rejectReason" }).trim().min(1, "fines.rejectReason").max(2000, "form.reasonTooLong2000"),
});
