import { WorklistCounts } from "@/components/worklists/worklist-counts";
import { translator } from "@/lib/i18n/messages";
import { requirePageActor } from "@/lib/server/auth/session";
import { pageTitle } from "@/lib/server/i18n/request-locale";
import { worklistCounts } from "@/lib/server/worklists/worklists";

export const generateMetadata = pageTitle("worklists", "title");

export default async function WorklistsPage() {
  const actor = await requirePageActor("dossier.read");
  const t = translator("worklists", actor.locale);
  return (
    <div className="space-y-6">
      <h1>{t("title")}</h1>
      <p className="text-slate-700">{t("intro")}</p>
      <WorklistCounts counts={await worklistCounts(actor)} locale={actor.locale} />
    </div>
  );
}
