import Link from "next/link";
import { translator } from "@/lib/i18n/messages";
import { requirePageActor } from "@/lib/server/auth/session";

const sections = [
  { href: "/beheer/gebruikers", key: "users" },
  { href: "/beheer/import", key: "import" },
  { href: "/beheer/export", key: "export" },
  { href: "/beheer/audit", key: "audit" },
  { href: "/beheer/dubbels", key: "duplicates" },
  { href: "/beheer/bewaartermijnen", key: "retention" },
] as const;

export default async function AdminPage() {
  const actor = await requirePageActor("user.manage");
  const t = translator("admin", actor.locale);
  return (
    <div>
      <h1>{t("title")}</h1>
      <p className="mt-1 text-slate-700">{t("intro")}</p>
      <ul className="mt-6 grid gap-4 sm:grid-cols-2">
        {sections.map((s) => (
          <li key={s.href}>
            <Link href={s.href} className="card block h-full hover:border-brand-600" prefetch={false}>
              <h2 className="text-brand-800">{t(`links.${s.key}`)}</h2>
              <p className="mt-1 text-sm text-slate-700">{t(`links.${s.key}Text`)}</p>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
