"use client";
// The second admin's review of a fine above the threshold: confirm, or reject with a reason.
import { Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { useFormAction, type FormResult } from "@/components/forms/use-form-action";

type Action = (prev: FormResult | null, form: FormData) => Promise<FormResult>;

export function ReviewForms({ confirm, reject, labels }: { confirm: Action; reject: Action; labels: Record<"confirm" | "reject" | "rejectReason", string> }) {
  const c = useFormAction(confirm);
  const r = useFormAction(reject);
  return (
    <div className="space-y-3" data-testid="review-forms">
      <form ref={c.formRef} onSubmit={c.onSubmit}>
        <FormMessage result={c.result} />
        <button type="submit" className="btn-primary" disabled={c.pending}>
          {labels.confirm}
        </button>
      </form>
      <form ref={r.formRef} onSubmit={r.onSubmit} className="space-y-2" noValidate>
        <FormMessage result={r.result} />
        <Field name="reason" label={labels.rejectReason} error={r.errors.reason}>
          {(a) => <textarea {...a} className="input" rows={2} />}
        </Field>
        <button type="submit" className="btn-danger" disabled={r.pending}>
          {labels.reject}
        </button>
      </form>
    </div>
  );
}
