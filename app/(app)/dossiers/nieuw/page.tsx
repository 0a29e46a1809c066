import Link from "next/link";
import { NewcomerForm } from "@/components/dossiers/newcomer-form";
import { translator } from "@/lib/i18n/messages";
import { pageTitle } from "@/lib/server/i18n/request-locale";
import { canSeeAgency } from "@/lib/server/access/scope";
import { requirePageActor } from "@/lib/server/auth/session";
import { listNewcomerFormOptions } from "@/lib/server/dossiers/reference-checks";
import { createNewcomerAction } from "../actions";

export const generateMetadata = pageTitle("dossiers", "new");

export default async function NewNewcomerPage() {
  const actor = await requirePageActor("dossier.write");
  const t = translator("dossiers", actor.locale);
  const options = await listNewcomerFormOptions();
  // staff create newcomers in their own agency only (the data layer refuses other offices too)
  const offices = options.offices.filter((o) => canSeeAgency(actor, o.agencyCode));
  return (
    <div className="space-y-4">
      <p className="text-sm">
        <Link href="/dossiers" className="text-brand-700 underline">
          {t("title")}
        </Link>
      </p>
      <h1>{t("new")}</h1>
      <NewcomerForm action={createNewcomerAction} options={{ ...options, offices }} defaultOfficeCode={actor.officeCode} />
    </div>
  );
}
