"use client";
// The decision form: outcome, date, amount (with the amounts seen in practice as choices, any
// amount in range allowed), motivation, and — when the dossier is already decided — the reason
// for the correction. The dossier's version travels along so a stale form is refused.
import { useState } from "react";
import { Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { useFormAction, type FormResult } from "@/components/forms/use-form-action";
import { useLocale } from "@/components/i18n/i18n-provider";
import { formatEuro } from "@/lib/i18n/format";

interface Props {
  action: (prev: FormResult | null, form: FormData) => Promise<FormResult>;
  version: number;
  today: string;
  isCorrection: boolean;
  suggestedAmounts: readonly number[];
  /** the allowed range (lib/domain/fines/rules.ts), passed in so the bundle does not carry the code lists */
  amountRange: { min: number; max: number };
  outcomes: { code: string; label: string }[];
  labels: Record<"outcome" | "decidedOn" | "amount" | "amountHint" | "suggested" | "motivation" | "correctionReason" | "submit", string>;
}

export function DecisionForm({ action, version, today, isCorrection, suggestedAmounts, amountRange, outcomes, labels }: Props) {
  const { result, pending, formRef, onSubmit, errors } = useFormAction(action);
  const [outcome, setOutcome] = useState("BOETE");
  const [amount, setAmount] = useState("");
  const locale = useLocale();
  return (
    <form ref={formRef} onSubmit={onSubmit} className="card space-y-4" noValidate data-testid="decision-form">
      <FormMessage result={result} />
      <input type="hidden" name="version" value={version} />
      <Field name="outcome" label={labels.outcome} error={errors.outcome}>
        {(a) => (
          <select {...a} className="input" value={outcome} onChange={(e) => setOutcome(e.target.value)}>
            {outcomes.map((o) => (
              <option key={o.code} value={o.code}>
                {o.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name="decidedOn" label={labels.decidedOn} error={errors.decidedOn}>
        {(a) => <input {...a} type="date" className="input" max={today} defaultValue={today} required />}
      </Field>
      {outcome === "BOETE" && (
        <Field name="amountEur" label={labels.amount} error={errors.amountEur} hint={labels.amountHint}>
          {(a) => (
            <div className="space-y-2">
              <input
                {...a}
                type="number"
                inputMode="numeric"
                min={amountRange.min}
                max={amountRange.max}
                step={1}
                className="input max-w-40"
                value={amount}
                onChange={(e) => setAmount(e.target.value)}
                list="fine-amounts"
                required
              />
              <datalist id="fine-amounts">
                {suggestedAmounts.map((n) => (
                  <option key={n} value={n} />
                ))}
              </datalist>
              {/* biome-ignore lint/a11y/useSemanticElements: a row of quick-pick buttons, not a form section; a fieldset would draw a box */}
              <div role="group" aria-label={labels.suggested} className="flex flex-wrap gap-1">
                {suggestedAmounts.map((n) => (
                  <button
                    key={n}
                    type="button"
                    className={`btn-secondary px-2 py-1 text-xs ${String(n) === amount ? "ring-2 ring-brand-600" : ""}`}
                    onClick={() => setAmount(String(n))}
                  >
                    {locale === "nl" ? `€ ${n.toLocaleString("nl-BE")}` : formatEuro(n, { locale })}
                  </button>
                ))}
              </div>
            </div>
          )}
        </Field>
      )}
      <Field name="motivation" label={labels.motivation} error={errors.motivation}>
        {(a) => <textarea {...a} className="input" rows={4} required />}
      </Field>
      {isCorrection && (
        <Field name="correctionReason" label={labels.correctionReason} error={errors.correctionReason}>
          {(a) => <textarea {...a} className="input" rows={2} required />}
        </Field>
      )}
      <button type="submit" className="btn-primary" disabled={pending}>
        {labels.submit}
      </button>
    </form>
  );
}
