"use client";
// "Publiceren" under a report or the answer (managers and admins): the report's parameters travel
// as hidden fields and are checked again on the server (scope from the actor, never the form).
import { publishAction } from "@/app/(app)/rapporten/publicaties/actions";
import { Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { useFormAction } from "@/components/forms/use-form-action";
import { useT } from "@/components/i18n/i18n-provider";

export interface PublishFormProps {
  tables: string;
  from: number;
  to: number;
  asOf: string;
  agency: string | null;
  forPublication: boolean;
  provisionals: { id: string; title: string }[];
  /** the answer's default question text and introduction, editable (stored with the publication) */
  questionText?: string;
  introduction?: string;
  /** the answered question's number, date and member, prefilled */
  question?: { number: number; date: string; member: string };
}

export function PublishForm(p: PublishFormProps) {
  const t = useT("publications");
  const { result, pending, formRef, onSubmit, errors } = useFormAction(publishAction, { keepOnSuccess: true });
  const id = (result as { data?: { id: string } } | null)?.data?.id;
  return (
    <form ref={formRef} onSubmit={onSubmit} className="card no-print space-y-3" aria-labelledby="publish-title" data-testid="publish-form">
      <h2 id="publish-title">{t("form.title")}</h2>
      <p className="text-sm text-slate-700">{t("form.intro")}</p>
      <input type="hidden" name="tables" value={p.tables} />
      <input type="hidden" name="from" value={p.from} />
      <input type="hidden" name="to" value={p.to} />
      <input type="hidden" name="asOf" value={p.asOf} />
      <input type="hidden" name="agency" value={p.agency ?? ""} />
      <input type="hidden" name="forPublication" value={p.forPublication ? "1" : "0"} />
      <Field name="title" label={t("form.fieldTitle")} error={errors.title}>
        {(a) => <input {...a} className="input" required />}
      </Field>
      <div className="grid gap-3 sm:grid-cols-3">
        <Field name="questionNumber" label={t("form.questionNumber")} error={errors.questionNumber}>
          {(a) => <input {...a} className="input" inputMode="numeric" defaultValue={String(p.question?.number ?? 113)} />}
        </Field>
        <Field name="questionDate" label={t("form.questionDate")} error={errors.questionDate}>
          {(a) => <input {...a} className="input" type="date" defaultValue={p.question?.date} />}
        </Field>
        <Field name="questionMember" label={t("form.questionMember")} error={errors.questionMember}>
          {(a) => <input {...a} className="input" defaultValue={p.question?.member} />}
        </Field>
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field name="status" label={t("form.status")} error={errors.status}>
          {(a) => (
            <select {...a} className="input" defaultValue="VOORLOPIG">
              <option value="VOORLOPIG">{t("status.VOORLOPIG")}</option>
              <option value="DEFINITIEF">{t("status.DEFINITIEF")}</option>
            </select>
          )}
        </Field>
        <Field name="provisionalId" label={t("form.provisional")} error={errors.provisionalId}>
          {(a) => (
            <select {...a} className="input" defaultValue="">
              <option value="">{t("form.none")}</option>
              {p.provisionals.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.title}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {p.questionText !== undefined && (
        <Field name="questionText" label={t("form.questionText")} error={errors.questionText}>
          {(a) => <textarea {...a} className="input" rows={3} defaultValue={p.questionText} />}
        </Field>
      )}
      {p.introduction !== undefined && (
        <Field name="introduction" label={t("form.introduction")} error={errors.introduction}>
          {(a) => <textarea {...a} className="input" rows={4} defaultValue={p.introduction} />}
        </Field>
      )}
      {p.questionText !== undefined && <p className="text-sm text-slate-700">{t("form.textsHint")}</p>}
      {errors.tables && <p className="field-error">{errors.tables}</p>}
      <button type="submit" className="btn-primary" disabled={pending}>
        {t("form.submit")}
      </button>
      <FormMessage result={result} />
      {result?.ok && id && (
        <p>
          <a className="text-brand-700 underline" href={`/rapporten/publicaties/${id}`}>
            {t("form.open")}
          </a>
        </p>
      )}
    </form>
  );
}
