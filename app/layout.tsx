import type { Metadata } from "next";
import { connection } from "next/server";
import { I18nProvider } from "@/components/i18n/i18n-provider";
import { intlLocale } from "@/lib/i18n/locale";
import { getTranslator, requestLocale } from "@/lib/server/i18n/request-locale";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator("common");
  return { title: { default: t("appName"), template: `%s · ${t("appName")}` }, description: t("appSubtitle") };
}

// Every page is rendered per request: the Content-Security-Policy (proxy.ts) carries a fresh
// nonce, and Next can put that nonce on its inline scripts only when it renders the page then
// (a page prerendered at build time would carry no nonce and be blocked by the policy).
// <html lang> and the client components' texts follow the request's language.
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  await connection();
  const locale = await requestLocale();
  return (
    <html lang={intlLocale(locale)}>
      <body className="min-h-screen">
        <I18nProvider locale={locale}>{children}</I18nProvider>
      </body>
    </html>
  );
}
