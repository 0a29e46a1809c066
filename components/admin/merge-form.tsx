"use client";
// The confirmation of a merge (issue 14): the two ids and the versions the admin saw.
import { FormMessage } from "@/components/forms/form-message";
import { useFormAction, type FormResult } from "@/components/forms/use-form-action";
import { useT } from "@/components/i18n/i18n-provider";

interface Props {
  action: (prev: FormResult | null, form: FormData) => Promise<FormResult>;
  survivor: { id: string; version: number };
  merged: { id: string; version: number };
}

export function MergeForm({ action, survivor, merged }: Props) {
  const t = useT("admin");
  const { result, pending, formRef, onSubmit } = useFormAction(action, { keepOnSuccess: true });
  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-3" noValidate>
      <FormMessage result={result} />
      <input type="hidden" name="survivorId" value={survivor.id} />
      <input type="hidden" name="survivorVersion" value={survivor.version} />
      <input type="hidden" name="mergedId" value={merged.id} />
      <input type="hidden" name="mergedVersion" value={merged.version} />
      <button type="submit" className="btn-primary" disabled={pending}>
        {t("duplicates.submit")}
      </button>
    </form>
  );
}
