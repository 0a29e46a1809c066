import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { NewcomerForm } from "@/components/dossiers/newcomer-form";
import { translator } from "@/lib/i18n/messages";
import { pageTitle } from "@/lib/server/i18n/request-locale";
import { requirePageActor } from "@/lib/server/auth/session";
import { AnonymisedDossierError, NotFoundError } from "@/lib/server/errors";
import { getNewcomerForEdit } from "@/lib/server/dossiers/get-dossier";
import { listNewcomerFormOptions } from "@/lib/server/dossiers/reference-checks";
import { updateNewcomerAction } from "../../actions";

export const generateMetadata = pageTitle("dossiers", "dossier.edit");

export default async function EditNewcomerPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor("dossier.write");
  const t = translator("dossiers", actor.locale);
  const { id } = await params;
  const newcomer = await getNewcomerForEdit(actor, id).catch((e) =>
    e instanceof NotFoundError ? null : e instanceof AnonymisedDossierError ? ("frozen" as const) : Promise.reject(e),
  );
  if (!newcomer) notFound();
  // an anonymised dossier is frozen (issue 15): its page says so, there is nothing to edit
  if (newcomer === "frozen") redirect(`/dossiers/${id}`);
  const options = await listNewcomerFormOptions();
  return (
    <div className="space-y-4">
      <p className="text-sm">
        <Link href={`/dossiers/${id}`} prefetch={false} className="text-brand-700 underline">
          {newcomer.lastName}, {newcomer.firstName}
        </Link>
      </p>
      <h1>{t("dossier.edit")}</h1>
      <NewcomerForm action={updateNewcomerAction.bind(null, id)} options={options} initial={newcomer} />
    </div>
  );
}
