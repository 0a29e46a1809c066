"use client";
// The contact details of the newcomer form (issue 14): address, phone, e-mail and contact
// language, each optional. Country and language names come from Intl in the user's language.
import { Field } from "@/components/forms/field";
import { useLocale, useT } from "@/components/i18n/i18n-provider";
import { ADDRESS_COUNTRIES, CONTACT_LANGUAGES } from "@/lib/domain/contact/contact.schema";
import { intlLocale } from "@/lib/i18n/locale";

export interface ContactInitial {
  street?: string | null;
  houseNumber?: string | null;
  boxNumber?: string | null;
  postalCode?: string | null;
  city?: string | null;
  countryCode?: string | null;
  phoneNumber?: string | null;
  emailAddress?: string | null;
  contactLanguage?: string | null;
}

export function ContactFields({ initial, errors }: { initial?: ContactInitial | undefined; errors: Record<string, string | undefined> }) {
  const t = useT("dossiers");
  const locale = intlLocale(useLocale());
  const regions = new Intl.DisplayNames([locale], { type: "region" });
  const languages = new Intl.DisplayNames([locale], { type: "language" });
  const countries =
    initial?.countryCode && !(ADDRESS_COUNTRIES as readonly string[]).includes(initial.countryCode)
      ? [...ADDRESS_COUNTRIES, initial.countryCode]
      : ADDRESS_COUNTRIES;
  const text = (name: keyof ContactInitial, label: string, props: Record<string, string> = {}) => (
    <Field name={name} label={label} error={errors[name]}>
      {(a) => <input {...a} className="input" autoComplete="off" defaultValue={initial?.[name] ?? ""} {...props} />}
    </Field>
  );
  return (
    <fieldset className="space-y-3" data-testid="contact-fields">
      <legend className="font-semibold">{t("form.contact.legend")}</legend>
      <p className="text-xs text-slate-600">{t("form.contact.hint")}</p>
      <div className="grid gap-4 sm:grid-cols-4">
        <div className="sm:col-span-2">{text("street", t("form.contact.street"))}</div>
        {text("houseNumber", t("form.contact.houseNumber"))}
        {text("boxNumber", t("form.contact.boxNumber"))}
        {text("postalCode", t("form.contact.postalCode"), { inputMode: "numeric" })}
        <div className="sm:col-span-2">{text("city", t("form.contact.city"))}</div>
        <Field name="countryCode" label={t("form.contact.country")} error={errors.countryCode}>
          {(a) => (
            <select {...a} className="input" defaultValue={initial?.countryCode ?? "BE"}>
              {countries.map((c) => (
                <option key={c} value={c}>
                  {regions.of(c) ?? c}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="sm:col-span-2">{text("phoneNumber", t("form.contact.phone"), { type: "tel", inputMode: "tel" })}</div>
        <div className="sm:col-span-2">{text("emailAddress", t("form.contact.email"), { type: "email" })}</div>
        <Field name="contactLanguage" label={t("form.contact.language")} error={errors.contactLanguage}>
          {(a) => (
            <select {...a} className="input" defaultValue={initial?.contactLanguage ?? ""}>
              <option value="">{t("form.contact.none")}</option>
              {CONTACT_LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {languages.of(l) ?? l}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
    </fieldset>
  );
}
