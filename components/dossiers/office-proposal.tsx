"use client";
// The office the address belongs to (lib/domain/contact/office-from-address.ts), when it is not
// the dossier's: one button confirms the move, which is the existing, audited move.
import { FormMessage } from "@/components/forms/form-message";
import { useFormAction, type FormResult } from "@/components/forms/use-form-action";
import { useT } from "@/components/i18n/i18n-provider";

interface Props {
  action: (prev: FormResult | null, form: FormData) => Promise<FormResult>;
  version: number;
  office: { code: string; label: string };
  currentLabel: string;
}

export function OfficeProposal({ action, version, office, currentLabel }: Props) {
  const t = useT("dossiers");
  const { result, pending, formRef, onSubmit } = useFormAction(action, { keepOnSuccess: true });
  return (
    <form ref={formRef} onSubmit={onSubmit} className="card space-y-2 border-amber-300 bg-amber-50" data-testid="office-proposal" noValidate>
      <FormMessage result={result} />
      <p className="text-sm">{t("dossier.officeProposal", { office: office.label, current: currentLabel })}</p>
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="officeCode" value={office.code} />
      <input type="hidden" name="reason" value={t("dossier.officeProposalReason")} />
      <button type="submit" className="btn-secondary" disabled={pending}>
        {t("dossier.officeProposalMove", { office: office.label })}
      </button>
    </form>
  );
}
