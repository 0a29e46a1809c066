import Link from "next/link";
import { ImportUploader } from "@/components/exchange/import-uploader";
import { translator } from "@/lib/i18n/messages";
import { pageTitle } from "@/lib/server/i18n/request-locale";
import { requirePageActor } from "@/lib/server/auth/session";

export const generateMetadata = pageTitle("exchange", "import.title");

export default async function ImportPage() {
  const actor = await requirePageActor("exchange.import");
  const t = translator("exchange", actor.locale);
  return (
    <div className="space-y-4">
      <p className="text-sm">
        <Link href="/beheer" className="text-brand-700 underline">
          {t("back")}
        </Link>
      </p>
      <h1>{t("import.title")}</h1>
      <p className="text-slate-700">{t("import.intro")}</p>
      <ImportUploader />
    </div>
  );
}
