import Link from "next/link";
import { translator } from "@/lib/i18n/messages";
import { pageTitle } from "@/lib/server/i18n/request-locale";
import { requirePageActor } from "@/lib/server/auth/session";
import { anonymisedLeftOutOfExport } from "@/lib/server/exchange/export-download";

export const generateMetadata = pageTitle("exchange", "export.title");

export default async function ExportPage() {
  const actor = await requirePageActor("exchange.export");
  const t = translator("exchange", actor.locale);
  const leftOut = await anonymisedLeftOutOfExport(actor);
  return (
    <div className="space-y-4">
      <p className="text-sm">
        <Link href="/beheer" className="text-brand-700 underline">
          {t("back")}
        </Link>
      </p>
      <h1>{t("export.title")}</h1>
      <p className="text-slate-700">{t("export.intro")}</p>
      {leftOut > 0 ? <p data-testid="export-anonymised">{t("export.anonymisedLeftOut", { count: leftOut })}</p> : null}
      {/* a POST form, not a link: no link or image elsewhere can start an export of every
          national number; the browser still streams the download itself */}
      <form method="post" action="/beheer/export/download">
        <button type="submit" className="btn-primary">
          {t("export.download")}
        </button>
      </form>
    </div>
  );
}
