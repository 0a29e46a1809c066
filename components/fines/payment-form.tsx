"use client";
// Payment follow-up of a final fine: open, paid, reminder sent, handed to the tax service.
import { Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { useFormAction, type FormResult } from "@/components/forms/use-form-action";

interface Props {
  action: (prev: FormResult | null, form: FormData) => Promise<FormResult>;
  current: string;
  today: string;
  statuses: { code: string; label: string }[];
  labels: Record<"status" | "on" | "onHint" | "save", string>;
}

export function PaymentForm({ action, current, today, statuses, labels }: Props) {
  const { result, pending, formRef, onSubmit, errors } = useFormAction(action, { keepOnSuccess: true });
  return (
    <form ref={formRef} onSubmit={onSubmit} className="flex flex-wrap items-end gap-3" noValidate data-testid="payment-form">
      <div className="w-full">
        <FormMessage result={result} />
      </div>
      <Field name="paymentStatus" label={labels.status} error={errors.paymentStatus}>
        {(a) => (
          <select {...a} className="input" defaultValue={current}>
            {statuses.map((s) => (
              <option key={s.code} value={s.code}>
                {s.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name="on" label={labels.on} error={errors.on} hint={labels.onHint}>
        {(a) => <input {...a} type="date" className="input" max={today} defaultValue={today} />}
      </Field>
      <button type="submit" className="btn-secondary" disabled={pending}>
        {labels.save}
      </button>
    </form>
  );
}
