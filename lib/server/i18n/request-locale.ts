import "server-only";
// The language of the current request, once per request (React's request cache): the signed-in
// user's own choice (app_user.locale, on the Actor); without a user (the login page) the cookie
// set by the login page's switch, else the browser's Accept-Language (en → English, otherwise
// Dutch). Server components ask getTranslator(namespace); client components get the locale from
// the I18nProvider the root layout renders.
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { isLocale, localeFromAcceptLanguage, LOCALE_COOKIE, type Locale } from "@/lib/i18n/locale";
import { translator, type MessageKey, type Namespace, type Translate } from "@/lib/i18n/messages";
import { optionalActor } from "@/lib/server/auth/session";

/** The language of a visitor without an account: the cookie, else the browser. */
export async function visitorLocale(): Promise<Locale> {
  const [jar, h] = await Promise.all([cookies(), headers()]);
  const chosen = jar.get(LOCALE_COOKIE)?.value;
  return isLocale(chosen) ? chosen : localeFromAcceptLanguage(h.get("accept-language"));
}

export const requestLocale = cache(async (): Promise<Locale> => {
  const actor = await optionalActor().catch(() => null);
  return actor ? actor.locale : visitorLocale();
});

/** A translator for one namespace in the language of the current request. */
export async function getTranslator<N extends Namespace>(namespace: N): Promise<Translate<N>> {
  return translator(namespace, await requestLocale());
}

/** `export const generateMetadata = pageTitle("reports", "title")`: the tab title in the request's language. */
export function pageTitle<N extends Namespace>(namespace: N, key: MessageKey<N>): () => Promise<{ title: string }> {
  return async () => ({ title: (await getTranslator(namespace))(key) });
}
