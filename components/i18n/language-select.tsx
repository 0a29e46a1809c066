// The language choice of a signed-in user in the app shell: a plain form (works without
// JavaScript) posting the server action that stores it on the user.
import { LOCALES, type Locale } from "@/lib/i18n/locale";
import type { Translate } from "@/lib/i18n/messages";

export function LanguageSelect({ locale, t, action }: { locale: Locale; t: Translate<"common">; action: (form: FormData) => Promise<void> }) {
  return (
    <form action={action} className="flex items-center gap-1" data-testid="language-select">
      <label htmlFor="app-locale" className="sr-only">
        {t("language.choose")}
      </label>
      <select id="app-locale" name="locale" defaultValue={locale} className="input py-1 text-sm">
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(`language.${l}`)}
          </option>
        ))}
      </select>
      <button type="submit" className="btn-secondary px-2 py-1 text-xs">
        {t("language.apply")}
      </button>
    </form>
  );
}
