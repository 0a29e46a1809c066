"use client";
// The language switch of the login page (no user yet): a cookie read by the server
// (lib/server/i18n/request-locale.ts), then the page rendered again. Only a display preference,
// nothing stored on the server.
import { useRouter } from "next/navigation";
import { LOCALE_COOKIE, LOCALES, type Locale } from "@/lib/i18n/locale";
import { useT } from "./i18n-provider";

export function VisitorLanguageSwitch({ locale }: { locale: Locale }) {
  const router = useRouter();
  const t = useT("common");
  const choose = (l: Locale) => {
    // biome-ignore lint/suspicious/noDocumentCookie: one non-sensitive preference cookie; the Cookie Store API is not in every browser the agencies run
    document.cookie = `${LOCALE_COOKIE}=${l}; path=/; max-age=${60 * 60 * 24 * 365}; samesite=lax`;
    router.refresh();
  };
  return (
    <nav aria-label={t("language.choose")} className="mt-4 flex justify-center gap-3 text-sm" data-testid="visitor-language">
      {LOCALES.map((l) =>
        l === locale ? (
          <span key={l} lang={l} aria-current="true" className="font-semibold">
            {t(`language.${l}`)}
          </span>
        ) : (
          <button key={l} type="button" lang={l} className="text-brand-700 underline" onClick={() => choose(l)}>
            {t(`language.${l}`)}
          </button>
        ),
      )}
    </nav>
  );
}
