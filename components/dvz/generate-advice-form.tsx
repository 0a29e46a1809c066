"use client";
// Generates the advice for one newcomer: only the date is chosen; contract and attestation are
// read from the records by the server.
import { FormMessage } from "@/components/forms/form-message";
import { useFormAction, type FormResult } from "@/components/forms/use-form-action";

interface Props {
  action: (prev: FormResult | null, form: FormData) => Promise<FormResult>;
  today: string;
  labels: { date: string; submit: string };
  idSuffix: string;
}

export function GenerateAdviceForm({ action, today, labels, idSuffix }: Props) {
  const { result, pending, formRef, onSubmit, errors } = useFormAction(action, { keepOnSuccess: true });
  const id = `advice-date-${idSuffix}`;
  return (
    <form ref={formRef} onSubmit={onSubmit} className="flex flex-wrap items-end gap-2" noValidate>
      <div>
        <label htmlFor={id} className="sr-only">
          {labels.date}
        </label>
        <input id={id} name="date" type="date" className="input" max={today} defaultValue={today} aria-invalid={errors.date ? true : undefined} />
        {errors.date && (
          <p className="field-error" role="alert">
            {errors.date}
          </p>
        )}
      </div>
      <button type="submit" className="btn-primary" disabled={pending}>
        {labels.submit}
      </button>
      <FormMessage result={result} />
    </form>
  );
}
