import Link from "next/link";
import { ImportUploader } from "@/components/exchange/import-uploader";
import { translator } from "@/lib/i18n/messages";
import { requirePageActor } from "@/lib/server/auth/session";

const t = translator("exchange");

export const metadata = { title: t("import.title") };

export default async function ImportPage() {
  await requirePageActor("exchange.import");
  return (
    <div className="space-y-4">
      <p className="text-sm"><Link href="/beheer" className="text-brand-700 underline">{t("back")}</Link></p>
      <h1>{t("import.title")}</h1>
      <p className="text-slate-700">{t("import.intro")}</p>
      <ImportUploader />
    </div>
  );
}
