"use client";
// Records the follow-up DVZ gave to an advice (with the date), under the advice's version.
import { FormMessage } from "@/components/forms/form-message";
import { useFormAction, type FormResult } from "@/components/forms/use-form-action";

interface Props {
  action: (prev: FormResult | null, form: FormData) => Promise<FormResult>;
  version: number;
  current: string;
  currentOn: string | null;
  today: string;
  options: { code: string; label: string }[];
  labels: { label: string; on: string; save: string };
  idSuffix: string;
}

export function FollowUpForm({ action, version, current, currentOn, today, options, labels, idSuffix }: Props) {
  const { result, pending, formRef, onSubmit, errors } = useFormAction(action, { keepOnSuccess: true });
  return (
    <form ref={formRef} onSubmit={onSubmit} className="flex flex-wrap items-end gap-2" noValidate>
      <input type="hidden" name="version" value={version} />
      <div>
        <label htmlFor={`fu-${idSuffix}`} className="sr-only">
          {labels.label}
        </label>
        <select id={`fu-${idSuffix}`} name="followUp" className="input" defaultValue={current}>
          {options.map((o) => (
            <option key={o.code} value={o.code}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`fu-on-${idSuffix}`} className="sr-only">
          {labels.on}
        </label>
        <input
          id={`fu-on-${idSuffix}`}
          name="on"
          type="date"
          className="input"
          max={today}
          defaultValue={currentOn ?? today}
          aria-invalid={errors.on ? true : undefined}
        />
        {errors.on && (
          <p className="field-error" role="alert">
            {errors.on}
          </p>
        )}
      </div>
      <button type="submit" className="btn-secondary" disabled={pending}>
        {labels.save}
      </button>
      <FormMessage result={result} />
    </form>
  );
}
