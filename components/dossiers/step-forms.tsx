"use client";
// One small form per step of the track, each folded in a <details> so the dossier page stays
// calm; the first field gets focus when a form opens, Enter submits. The contract form shows the
// classification it will record, prefilled from the newcomer and changeable.
import { type FormEvent, useRef } from "react";
import { Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { useFormAction, type FormResult } from "@/components/forms/use-form-action";
import { NATIONALITY_GROUPS, RECORDABLE_EVENT_TYPES, TARGET_GROUPS } from "@/lib/domain/code-sets";
import { useT } from "@/components/i18n/i18n-provider";
import { NationalityPicker, type NationalityOption } from "./nationality-picker";

/** A step out of the usual order (issue 14): nothing was saved; the user may confirm these warnings. */
interface StepResult extends FormResult {
  data?: { intro: string; warnings: string[]; codes: string[] };
}
type Action = (prev: StepResult | null, form: FormData) => Promise<StepResult>;
export const STEP_TYPES = RECORDABLE_EVENT_TYPES;

export interface StepFormsProps {
  action: Action;
  today: string;
  infringementTypes: { code: string; label: string }[];
  classification: { nationalityCode: string; nationalityGroup: string; residenceStatusCode: string; targetGroup: string };
  nationalities: NationalityOption[];
  residenceStatuses: { code: string; label: string }[];
}

function StepForm({ type, props }: { type: (typeof STEP_TYPES)[number]; props: StepFormsProps }) {
  const t = useT("dossiers");
  const { result, pending, formRef, onSubmit, errors } = useFormAction(props.action);
  const details = useRef<HTMLDetailsElement>(null);
  const confirm = useRef<HTMLInputElement>(null);
  const c = props.classification;
  const pendingWarnings = result?.data;
  // the confirm button names the warnings it confirms; the plain submit confirms none, so a
  // changed date is checked afresh
  const submit = (e: FormEvent<HTMLFormElement>) => {
    const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLElement | null;
    if (confirm.current) confirm.current.value = submitter?.dataset.confirm === "1" && pendingWarnings ? pendingWarnings.codes.join(",") : "";
    onSubmit(e);
  };
  return (
    <details
      ref={details}
      className="rounded-md border border-slate-200 bg-white"
      data-testid={`step-${type}`}
      onToggle={(e) => {
        if ((e.currentTarget as HTMLDetailsElement).open) (e.currentTarget.querySelector("input[type=date]") as HTMLInputElement | null)?.focus();
      }}
    >
      <summary className="cursor-pointer px-3 py-2 text-sm font-medium">{t(`events.${type}`)}</summary>
      <form ref={formRef} onSubmit={submit} className="space-y-3 border-t border-slate-200 p-3" noValidate aria-label={t(`events.${type}`)}>
        <FormMessage result={result} />
        <input type="hidden" name="type" value={type} />
        <input type="hidden" name="confirmWarnings" ref={confirm} defaultValue="" />
        {pendingWarnings && (
          <div role="alert" className="space-y-2 rounded-md border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950" data-testid="step-warning">
            {pendingWarnings.warnings.map((w) => (
              <p key={w} className="font-medium">
                {w}
              </p>
            ))}
            <p>{pendingWarnings.intro}</p>
            <button type="submit" className="btn-secondary" data-confirm="1" disabled={pending}>
              {t("events.confirmAndSave")}
            </button>
          </div>
        )}
        <div className="grid gap-3 sm:grid-cols-2">
          <Field name={`${type}-date`} label={t(`events.dateOf.${type}`)} error={errors.date}>
            {(a) => <input {...a} name="date" type="date" max={props.today} className="input" />}
          </Field>
          {type === "INFRINGEMENT" && (
            <Field name={`${type}-infringementType`} label={t("events.infringementType")} error={errors.infringementType}>
              {(a) => (
                <select {...a} name="infringementType" className="input" defaultValue="">
                  <option value="">{t("form.choose")}</option>
                  {props.infringementTypes.map((i) => (
                    <option key={i.code} value={i.code}>
                      {i.label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
        </div>
        {type === "CONTRACT" && (
          <fieldset className="grid gap-3 rounded-md border border-slate-200 p-3 sm:grid-cols-2">
            <legend className="px-1 text-sm font-medium">{t("events.classification")}</legend>
            <Field name="CONTRACT-nationalityCode" label={t("form.nationality")} error={errors.nationalityCode}>
              {(a) => <NationalityPicker a11y={{ ...a, name: "nationalityCode" }} options={props.nationalities} defaultCode={c.nationalityCode} />}
            </Field>
            <Field name="CONTRACT-nationalityGroup" label={t("form.nationalityGroup")} error={errors.nationalityGroup}>
              {(a) => (
                <select {...a} name="nationalityGroup" className="input" defaultValue={c.nationalityGroup}>
                  {NATIONALITY_GROUPS.map((g) => (
                    <option key={g} value={g}>
                      {t(`groups.${g}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field name="CONTRACT-residenceStatusCode" label={t("form.residenceStatus")} error={errors.residenceStatusCode}>
              {(a) => (
                <select {...a} name="residenceStatusCode" className="input" defaultValue={c.residenceStatusCode}>
                  {props.residenceStatuses.map((r) => (
                    <option key={r.code} value={r.code}>
                      {r.label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field name="CONTRACT-targetGroup" label={t("form.targetGroup")} error={errors.targetGroup}>
              {(a) => (
                <select {...a} name="targetGroup" className="input" defaultValue={c.targetGroup}>
                  {TARGET_GROUPS.map((g) => (
                    <option key={g} value={g}>
                      {t(`targetGroups.${g}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </fieldset>
        )}
        <Field name={`${type}-note`} label={t("events.note")} error={errors.note}>
          {(a) => <input {...a} name="note" className="input" autoComplete="off" />}
        </Field>
        <button type="submit" className="btn-primary" disabled={pending}>
          {t("events.record")}
        </button>
      </form>
    </details>
  );
}

export function StepForms(props: StepFormsProps) {
  return (
    <div className="space-y-2">
      {STEP_TYPES.map((type) => (
        <StepForm key={type} type={type} props={props} />
      ))}
    </div>
  );
}
