"use client";
// Move a newcomer to another office or agency (they moved house).
import { Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { useFormAction, type FormResult } from "@/components/forms/use-form-action";
import { useT } from "@/components/i18n/i18n-provider";

interface Props {
  action: (prev: FormResult | null, form: FormData) => Promise<FormResult>;
  version: number;
  currentOfficeCode: string;
  offices: { code: string; label: string; agencyLabel: string }[];
}

export function MoveForm({ action, version, currentOfficeCode, offices }: Props) {
  const t = useT("dossiers");
  const { result, pending, formRef, onSubmit, errors } = useFormAction(action, { keepOnSuccess: true });
  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-3" noValidate>
      <FormMessage result={result} />
      <p className="text-sm text-slate-600">{t("dossier.moveHint")}</p>
      <input type="hidden" name="version" value={version} />
      <Field name="move-officeCode" label={t("dossier.moveTo")} error={errors.officeCode}>
        {(a) => (
          <select {...a} name="officeCode" className="input" defaultValue="">
            <option value="">{t("form.choose")}</option>
            {offices
              .filter((o) => o.code !== currentOfficeCode)
              .map((o) => (
                <option key={o.code} value={o.code}>
                  {o.agencyLabel} · {o.label}
                </option>
              ))}
          </select>
        )}
      </Field>
      <Field name="move-reason" label={t("dossier.moveReason")} error={errors.reason}>
        {(a) => <input {...a} name="reason" className="input" />}
      </Field>
      <button type="submit" className="btn-secondary" disabled={pending}>
        {t("dossier.moveSubmit")}
      </button>
    </form>
  );
}
