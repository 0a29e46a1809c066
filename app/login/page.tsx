import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { VisitorLanguageSwitch } from "@/components/i18n/visitor-language-switch";
import { translator } from "@/lib/i18n/messages";
import { optionalActor } from "@/lib/server/auth/session";
import { visitorLocale } from "@/lib/server/i18n/request-locale";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translator("auth", await visitorLocale())("title") };
}

/** Only same-site paths are followed after sign-in (no open redirect). */
function safeCallback(raw: string | string[] | undefined): string {
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value?.startsWith("/") && !value.startsWith("//") ? value : "/";
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  // a valid token of a disabled account is not a session: show the form
  if (await optionalActor()) redirect(safeCallback(params.callbackUrl));
  const locale = await visitorLocale();
  const t = translator("auth", locale);
  const common = translator("common", locale);
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <p className="mb-1 text-sm font-medium text-brand-700">{common("appName")}</p>
        <h1 className="mb-2">{t("title")}</h1>
        <p className="mb-6 text-sm text-slate-700">{t("intro")}</p>
        <LoginForm
          callbackUrl={safeCallback(params.callbackUrl)}
          labels={{ email: t("email"), password: t("password"), submit: t("submit"), submitting: t("submitting"), failed: t("failed") }}
          notice={params.signedOut ? t("signedOut") : params.error === "SessionRequired" ? t("expired") : null}
        />
        <VisitorLanguageSwitch locale={locale} />
      </div>
    </main>
  );
}
