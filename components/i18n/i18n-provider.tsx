"use client";
// The language of the page for client components: the root layout renders the provider with
// the request's locale, and a client component asks useT("namespace") for a typed translator
// (the same catalogues and lookup as the server's translator()).
import { createContext, useContext } from "react";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locale";
import { translator, type Namespace, type Translate } from "@/lib/i18n/messages";

const LocaleContext = createContext<Locale>(DEFAULT_LOCALE);

export function I18nProvider({ locale, children }: { locale: Locale; children: React.ReactNode }) {
  return <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>;
}

export function useLocale(): Locale {
  return useContext(LocaleContext);
}

export function useT<N extends Namespace>(namespace: N): Translate<N> {
  return translator(namespace, useLocale());
}
