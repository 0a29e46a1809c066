// /dossiers/[id]/inzage — the right of access (issue 15): everything held about one person, to
// print (PDF through the browser) or download as JSON (a POST, like every export). Admins only;
// producing it is audited (newcomer.inzage) by buildInzage. Only the dossier id is in the URL.
import Link from "next/link";
import { notFound } from "next/navigation";
import { InzageDocument } from "@/components/inzage/inzage-document";
import { PrintButton } from "@/components/reports/print-button";
import { formatDateTime } from "@/lib/i18n/format";
import { translator } from "@/lib/i18n/messages";
import { requirePageActor } from "@/lib/server/auth/session";
import { NotFoundError } from "@/lib/server/errors";
import { pageTitle } from "@/lib/server/i18n/request-locale";
import { buildInzage } from "@/lib/server/inzage/build-inzage";

export const generateMetadata = pageTitle("inzage", "title");

export default async function InzagePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor("dossier.inzage");
  const t = translator("inzage", actor.locale);
  const { id } = await params;
  const doc = await buildInzage(actor, id, "page").catch((e) => (e instanceof NotFoundError ? null : Promise.reject(e)));
  if (!doc) notFound();
  return (
    <div className="space-y-6">
      <p className="no-print text-sm">
        <Link href={`/dossiers/${doc.person.id}`} className="text-brand-700 underline">
          {t("back")}
        </Link>
      </p>
      <div>
        <h1 data-testid="inzage-title">
          {t("title")}: {doc.person.lastName}, {doc.person.firstName}
        </h1>
        <p className="text-sm">{t("intro")}</p>
        <p className="text-sm text-slate-600">{t("producedAt", { at: formatDateTime(doc.producedAt, actor.locale), by: doc.producedBy })}</p>
      </div>
      <div className="no-print flex flex-wrap gap-3">
        <PrintButton label={t("print")} />
        <form method="post" action={`/dossiers/${doc.person.id}/inzage/json`}>
          <button type="submit" className="btn-secondary">
            {t("download")}
          </button>
        </form>
      </div>
      <InzageDocument doc={doc} locale={actor.locale} />
    </div>
  );
}
