import Link from "next/link";
import { notFound } from "next/navigation";
import { UserForm } from "@/components/admin/user-form";
import { translator } from "@/lib/i18n/messages";
import { requirePageActor } from "@/lib/server/auth/session";
import { NotFoundError } from "@/lib/server/errors";
import { getUser, listOfficesAndAgencies } from "@/lib/server/users/manage-users";
import { updateUserAction } from "../actions";
import { roleLabels, userFormLabels } from "../labels";

export default async function EditUserPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor("user.manage");
  const t = translator("admin", actor.locale);
  const { id } = await params;
  const user = await getUser(actor, id).catch((e: unknown) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const { agencies, offices } = await listOfficesAndAgencies();
  return (
    <div className="space-y-4">
      <p className="text-sm">
        <Link href="/beheer/gebruikers" className="text-brand-700 underline">
          {t("users.backToList")}
        </Link>
      </p>
      <h1>
        {user.name} <span className="text-base font-normal text-slate-600">({user.email})</span>
      </h1>
      <UserForm
        action={updateUserAction.bind(null, user.id)}
        agencies={agencies}
        offices={offices}
        labels={userFormLabels(actor.locale)}
        roleLabels={roleLabels(actor.locale)}
        initial={user}
      />
    </div>
  );
}
