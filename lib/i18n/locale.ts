// STUB by wt-i18n-lib so the error translation compiles: the real implementation (the user's
// chosen language, validated) is wt-i18n's — on merge, theirs wins.
import { DEFAULT_LOCALE, type Locale } from "./messages";

export { DEFAULT_LOCALE, type Locale };

export function localeOf(actor?: { locale?: string | null } | null): Locale {
  void actor;
  return DEFAULT_LOCALE;
}
