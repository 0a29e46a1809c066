import Link from "next/link";
import { translator } from "@/lib/i18n/messages";
import { pageTitle } from "@/lib/server/i18n/request-locale";
import { requirePageActor } from "@/lib/server/auth/session";

export const generateMetadata = pageTitle("reports", "title");

export default async function ReportsPage() {
  const actor = await requirePageActor("report.read");
  const t = translator("reports", actor.locale);
  const tp = translator("publications", actor.locale);
  const links = [
    ...(["vraag-1", "vraag-2", "vraag-3", "vraag-4"] as const).map((slug) => ({
      href: `/rapporten/${slug}`,
      title: t(`questions.${slug}.title`),
      text: t(`questions.${slug}.text`),
    })),
    { href: "/rapporten/antwoord", title: t("answer.title"), text: t("answer.text") },
    { href: "/rapporten/publicaties", title: tp("list.title"), text: tp("list.text") },
  ];
  return (
    <div className="space-y-6">
      <div>
        <h1>{t("title")}</h1>
        <p className="text-slate-700">{t("intro")}</p>
      </div>
      <ul className="grid gap-4 sm:grid-cols-2">
        {links.map((l) => (
          <li key={l.href} className="card">
            <h2>
              <Link href={l.href} className="text-brand-700 underline">
                {l.title}
              </Link>
            </h2>
            <p className="mt-1 text-sm text-slate-700">{l.text}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
