import Link from "next/link";
import { getTranslator } from "@/lib/server/i18n/request-locale";

export default async function NotFound() {
  const t = await getTranslator("common");
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <h1>{t("errors.notFoundTitle")}</h1>
      <p className="mt-2 text-slate-700">{t("errors.notFoundBody")}</p>
      <Link href="/" className="btn-secondary mt-6">
        {t("errors.backHome")}
      </Link>
    </main>
  );
}
