import Link from "next/link";
import { MainNav } from "@/components/shell/main-nav";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { navigationFor } from "@/lib/domain/permissions";
import { LanguageSelect } from "@/components/i18n/language-select";
import { translator } from "@/lib/i18n/messages";
import { requirePageActor } from "@/lib/server/auth/session";
import { describeActor } from "@/lib/server/users/describe-actor";
import { chooseLocaleAction } from "./taal/actions";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const actor = await requirePageActor();
  const t = translator("common", actor.locale);
  const { agencyLabel, officeLabel } = await describeActor(actor);
  const scope = agencyLabel ? (officeLabel && officeLabel !== agencyLabel ? `${agencyLabel} · ${officeLabel}` : agencyLabel) : t("scope.allAgencies");
  const items = navigationFor(actor.role).map((n) => ({ href: n.href, label: t(`nav.${n.key}`) }));
  return (
    <div className="min-h-screen">
      <a href="#inhoud" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2">
        {t("skipToContent")}
      </a>
      <header className="no-print border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-4 px-4 py-3">
          <Link href="/" className="mr-2 font-semibold text-brand-800">
            {t("appName")}
          </Link>
          <MainNav items={items} label={t("nav.label")} />
          <div className="ml-auto flex items-center gap-3 text-sm">
            <div className="text-right" data-testid="signed-in-user">
              <div className="font-medium">{actor.name}</div>
              <div className="text-slate-600">
                {t(`roles.${actor.role}`)} · <span data-testid="signed-in-scope">{scope}</span>
              </div>
            </div>
            <LanguageSelect locale={actor.locale} t={t} action={chooseLocaleAction} />
            <SignOutButton label={t("signOut")} />
          </div>
        </div>
      </header>
      <main id="inhoud" className="mx-auto max-w-7xl px-4 py-6">
        {children}
      </main>
    </div>
  );
}
