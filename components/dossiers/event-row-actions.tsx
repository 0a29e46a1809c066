"use client";
// Correct or cancel one record of the timeline, each with a reason; both send the version read.
import { Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { useFormAction, type FormResult } from "@/components/forms/use-form-action";
import { useT } from "@/components/i18n/i18n-provider";

type Action = (prev: FormResult | null, form: FormData) => Promise<FormResult>;

interface Props {
  eventId: string;
  date: string;
  note: string | null;
  version: number;
  infringementType: string | null;
  infringementTypes: { code: string; label: string }[];
  today: string;
  correct: Action;
  cancel: Action;
}

export function EventRowActions(p: Props) {
  const t = useT("dossiers");
  const corr = useFormAction(p.correct, { keepOnSuccess: true });
  const canc = useFormAction(p.cancel, { keepOnSuccess: true });
  const id = (f: string) => `${p.eventId.slice(0, 8)}-${f}`;
  return (
    <div className="mt-2 flex flex-wrap gap-2 text-sm">
      <details className="rounded border border-slate-200 bg-slate-50">
        <summary className="cursor-pointer px-2 py-1">{t("events.correct")}</summary>
        <form ref={corr.formRef} onSubmit={corr.onSubmit} className="space-y-2 p-2" noValidate>
          <FormMessage result={corr.result} />
          <input type="hidden" name="version" value={p.version} />
          <Field name={id("date")} label={t("events.date")} error={corr.errors.date}>
            {(a) => <input {...a} name="date" type="date" max={p.today} className="input" defaultValue={p.date} />}
          </Field>
          {p.infringementType && (
            <Field name={id("type")} label={t("events.infringementType")} error={corr.errors.infringementType}>
              {(a) => (
                <select {...a} name="infringementType" className="input" defaultValue={p.infringementType ?? ""}>
                  {p.infringementTypes.map((i) => (
                    <option key={i.code} value={i.code}>
                      {i.label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          <Field name={id("note")} label={t("events.note")} error={corr.errors.note}>
            {(a) => <input {...a} name="note" className="input" defaultValue={p.note ?? ""} />}
          </Field>
          <Field name={id("reason")} label={t("events.reason")} error={corr.errors.reason}>
            {(a) => <input {...a} name="reason" className="input" required />}
          </Field>
          <button type="submit" className="btn-secondary" disabled={corr.pending}>
            {t("events.correctSubmit")}
          </button>
        </form>
      </details>
      <details className="rounded border border-slate-200 bg-slate-50">
        <summary className="cursor-pointer px-2 py-1">{t("events.cancel")}</summary>
        <form ref={canc.formRef} onSubmit={canc.onSubmit} className="space-y-2 p-2" noValidate>
          <FormMessage result={canc.result} />
          <input type="hidden" name="version" value={p.version} />
          <Field name={id("cancel-reason")} label={t("events.reason")} error={canc.errors.reason}>
            {(a) => <input {...a} name="reason" className="input" required />}
          </Field>
          <button type="submit" className="btn-danger" disabled={canc.pending}>
            {t("events.cancelSubmit")}
          </button>
        </form>
      </details>
    </div>
  );
}
