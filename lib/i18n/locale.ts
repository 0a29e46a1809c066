// The languages of the app and how a request picks one. Pure (no I/O): the server reads the
// user's column, the cookie and Accept-Language and asks these functions; client code may import
// the types. Adding French: "fr" here, messages/fr/*.json, and the database check.
export const LOCALES = ["nl", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "nl";

/** The cookie that carries the language chosen on the login page (no user yet). */
export const LOCALE_COOKIE = "taal";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** The language of a signed-in actor (or of anyone with a locale field); Dutch when unknown. */
export function localeOf(actor?: { locale?: string | null } | null): Locale {
  return isLocale(actor?.locale) ? actor.locale : DEFAULT_LOCALE;
}

/**
 * The language for a visitor without an account: English when the browser's first preference
 * among the languages we have is English, otherwise Dutch (the agencies' language).
 */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  const ranked = header
    .split(",")
    .map((part, i) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { lang: tag.trim().toLowerCase().split("-")[0] ?? "", q: q ? Number(q.slice(2)) : 1, i };
    })
    .filter((r) => isLocale(r.lang) && Number.isFinite(r.q) && r.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  return ranked[0] && isLocale(ranked[0].lang) ? ranked[0].lang : DEFAULT_LOCALE;
}

/** The BCP 47 tag for Intl and <html lang>: Belgian conventions in both languages. */
export function intlLocale(locale: Locale): "nl-BE" | "en-BE" {
  return locale === "en" ? "en-BE" : "nl-BE";
}
