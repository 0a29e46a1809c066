import { z } from "zod";
import { DECISION_OUTCOMES } from "@/lib/domain/code-sets";
import { text } from "@/lib/domain/validation/text";
import { FINE_MAX_EUR, FINE_MIN_EUR, isFineAmountInRange } from "@/lib/domain/fines/rules";

const blankToNull = (v: unknown) => (v === "" || v === undefined || v === null ? null : v);

export const isoDate = z
  .string({ message: "Vul een datum in." })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Vul een datum in (JJJJ-MM-DD).")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), "Dit is geen bestaande datum.");

/** The version of the infringement dossier the user read: a decision on a stale view is refused. */
export const versionField = z.coerce.number({ message: "Herlaad de pagina en probeer opnieuw." }).int().positive("Herlaad de pagina en probeer opnieuw.");

const amountField = z.preprocess(
  (v) => { const b = blankToNull(v); return b === null ? null : typeof b === "string" ? Number(b.replace(/\s|\./g, "").replace(",", ".")) : b; },
  z.number({ message: "Vul het bedrag in hele euro in." }).nullable(),
);

export const decisionSchema = z
  .object({
    outcome: z.enum(DECISION_OUTCOMES, { message: "Kies een besluit." }),
    decidedOn: isoDate,
    amountEur: amountField,
    motivation: text({ multiline: true, message: "Vul de motivering in." }).trim().min(1, "Vul de motivering in.").max(4000, "De motivering is te lang (max. 4000 tekens)."),
    version: versionField,
    correctionReason: z.preprocess(blankToNull, text({ multiline: true }).trim().max(2000, "De reden is te lang (max. 2000 tekens).").nullable()).default(null),
  })
  .superRefine((v, ctx) => {
    if (v.outcome === "BOETE" && v.amountEur === null) ctx.addIssue({ code: "custom", path: ["amountEur"], message: "Een boete heeft een bedrag." });
    else if (v.outcome === "BOETE" && v.amountEur !== null && !isFineAmountInRange(v.amountEur)) {
      ctx.addIssue({ code: "custom", path: ["amountEur"], message: `Het bedrag moet een heel bedrag van ${FINE_MIN_EUR} tot ${FINE_MAX_EUR} euro zijn.` });
    } else if (v.outcome !== "BOETE" && v.amountEur !== null) ctx.addIssue({ code: "custom", path: ["amountEur"], message: "Alleen een boete heeft een bedrag." });
  });

export type DecisionInput = z.infer<typeof decisionSchema>;

export const rejectSchema = z.object({
  reason: text({ multiline: true, message: "Geef de reden van de weigering." }).trim().min(1, "Geef de reden van de weigering.").max(2000, "De reden is te lang (max. 2000 tekens)."),
});
