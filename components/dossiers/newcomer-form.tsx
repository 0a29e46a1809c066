"use client";
// Create or edit a newcomer. The nationality group follows the nationality unless the user picks
// one; an edit sends the version it read so a concurrent change is refused, not overwritten.
import Link from "next/link";
import { useState } from "react";
import { Field } from "@/components/forms/field";
import { FormMessage } from "@/components/forms/form-message";
import { useFormAction, type FormResult } from "@/components/forms/use-form-action";
import { NATIONALITY_GROUPS, TARGET_GROUPS } from "@/lib/domain/code-sets";
import { useLocale, useT } from "@/components/i18n/i18n-provider";
import { looseTranslator } from "@/lib/i18n/messages";
import { ContactFields, type ContactInitial } from "./contact-fields";
import { NationalityPicker, type NationalityOption } from "./nationality-picker";

export interface NewcomerFormOptions {
  nationalities: NationalityOption[];
  residenceStatuses: { code: string; label: string }[];
  offices: { code: string; label: string; agencyCode: string }[];
}

export interface NewcomerInitial extends ContactInitial {
  nationalNumber: string;
  maskedNationalNumber?: string;
  lastName: string;
  firstName: string;
  birthDate: string;
  gender: string;
  nationalityCode: string;
  nationalityGroup: string;
  residenceStatusCode: string;
  targetGroup: string;
  officeCode: string;
  version: number;
}

interface Props {
  action: (prev: FormResult | null, form: FormData) => Promise<FormResult>;
  options: NewcomerFormOptions;
  initial?: NewcomerInitial;
  defaultOfficeCode?: string | null;
}

export function NewcomerForm({ action, options, initial, defaultOfficeCode }: Props) {
  const t = useT("dossiers");
  const codeLabel = looseTranslator("dossiers", useLocale());
  const { result, pending, formRef, onSubmit, errors } = useFormAction(action, { keepOnSuccess: true });
  const [derived, setDerived] = useState(options.nationalities.find((n) => n.code === initial?.nationalityCode)?.group ?? "");
  const derivedLabel = derived ? `${t("form.nationalityGroupDerived")}: ${codeLabel(`groups.${derived}`)}` : t("form.nationalityGroupDerived");
  return (
    <form ref={formRef} onSubmit={onSubmit} className="card max-w-3xl space-y-4" noValidate>
      <FormMessage result={result} />
      {initial && <input type="hidden" name="version" value={initial.version} />}
      <Field
        name="nationalNumber"
        label={t("form.nationalNumber")}
        error={errors.nationalNumber}
        hint={initial?.maskedNationalNumber ? t("form.nationalNumberKeep", { masked: initial.maskedNationalNumber }) : t("form.nationalNumberHint")}
      >
        {(a) => (
          <input
            {...a}
            className="input font-mono"
            inputMode="numeric"
            autoComplete="off"
            defaultValue={initial?.nationalNumber ?? ""}
            placeholder={initial?.maskedNationalNumber}
            autoFocus
          />
        )}
      </Field>
      {errors.existingDossier && (
        <p>
          <Link className="text-brand-700 underline" href={errors.existingDossier} prefetch={false}>
            {t("form.existing")}
          </Link>
        </p>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="lastName" label={t("form.lastName")} error={errors.lastName}>
          {(a) => <input {...a} className="input" autoComplete="off" defaultValue={initial?.lastName ?? ""} />}
        </Field>
        <Field name="firstName" label={t("form.firstName")} error={errors.firstName}>
          {(a) => <input {...a} className="input" autoComplete="off" defaultValue={initial?.firstName ?? ""} />}
        </Field>
        <Field name="birthDate" label={t("form.birthDate")} error={errors.birthDate}>
          {(a) => <input {...a} type="date" className="input" defaultValue={initial?.birthDate ?? ""} />}
        </Field>
        <Field name="gender" label={t("form.gender")} error={errors.gender}>
          {(a) => (
            <select {...a} className="input" defaultValue={initial?.gender ?? ""}>
              <option value="">{t("form.choose")}</option>
              <option value="M">{t("genders.M")}</option>
              <option value="V">{t("genders.V")}</option>
            </select>
          )}
        </Field>
        <Field name="nationalityCode" label={t("form.nationality")} error={errors.nationalityCode} hint={t("form.nationalityHint")}>
          {(a) => (
            <NationalityPicker a11y={a} options={options.nationalities} defaultCode={initial?.nationalityCode} onPick={(n) => setDerived(n?.group ?? "")} />
          )}
        </Field>
        <Field name="nationalityGroup" label={t("form.nationalityGroup")} error={errors.nationalityGroup}>
          {(a) => (
            <select {...a} className="input" defaultValue={initial && initial.nationalityGroup !== derived ? initial.nationalityGroup : ""}>
              <option value="">{derivedLabel}</option>
              {NATIONALITY_GROUPS.map((g) => (
                <option key={g} value={g}>
                  {t(`groups.${g}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="residenceStatusCode" label={t("form.residenceStatus")} error={errors.residenceStatusCode}>
          {(a) => (
            <select {...a} className="input" defaultValue={initial?.residenceStatusCode ?? ""}>
              <option value="">{t("form.choose")}</option>
              {options.residenceStatuses.map((r) => (
                <option key={r.code} value={r.code}>
                  {r.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="targetGroup" label={t("form.targetGroup")} error={errors.targetGroup}>
          {(a) => (
            <select {...a} className="input" defaultValue={initial?.targetGroup ?? ""}>
              <option value="">{t("form.choose")}</option>
              {TARGET_GROUPS.map((g) => (
                <option key={g} value={g}>
                  {t(`targetGroups.${g}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {!initial && (
          <Field name="officeCode" label={t("form.office")} error={errors.officeCode}>
            {(a) => (
              <select {...a} className="input" defaultValue={defaultOfficeCode ?? (options.offices.length === 1 ? options.offices[0]!.code : "")}>
                <option value="">{t("form.choose")}</option>
                {options.offices.map((o) => (
                  <option key={o.code} value={o.code}>
                    {o.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
      </div>
      <ContactFields initial={initial} errors={errors} />
      <button type="submit" className="btn-primary" disabled={pending}>
        {initial ? t("form.save") : t("form.create")}
      </button>
    </form>
  );
}
