import Link from "next/link";
import { UserForm } from "@/components/admin/user-form";
import { formatDateTime } from "@/lib/i18n/format";
import { translator } from "@/lib/i18n/messages";
import { pageTitle } from "@/lib/server/i18n/request-locale";
import { requirePageActor } from "@/lib/server/auth/session";
import { listOfficesAndAgencies, listUsers } from "@/lib/server/users/manage-users";
import { createUserAction } from "./actions";
import { roleLabels, userFormLabels } from "./labels";

export const generateMetadata = pageTitle("admin", "users.title");

export default async function UsersPage() {
  const actor = await requirePageActor("user.manage");
  const t = translator("admin", actor.locale);
  const [users, { agencies, offices }] = await Promise.all([listUsers(actor), listOfficesAndAgencies()]);
  const officeLabel = new Map(offices.map((o) => [o.code, o.label]));
  const agencyLabel = new Map(agencies.map((a) => [a.code, a.label]));
  return (
    <div className="space-y-8">
      <div>
        <p className="text-sm">
          <Link href="/beheer" className="text-brand-700 underline">
            {t("title")}
          </Link>
        </p>
        <h1>{t("users.title")}</h1>
      </div>
      <div className="overflow-x-auto">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t("users.name")}</th>
              <th scope="col">{t("users.email")}</th>
              <th scope="col">{t("users.role")}</th>
              <th scope="col">
                {t("users.agency")} / {t("users.office")}
              </th>
              <th scope="col">{t("users.status")}</th>
              <th scope="col">{t("users.lastLogin")}</th>
              <th scope="col">
                <span className="sr-only">{t("users.edit")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} className={u.active ? "" : "text-slate-500"}>
                <td>{u.name}</td>
                <td>{u.email}</td>
                <td>{roleLabels(actor.locale)[u.role]}</td>
                <td>
                  {u.officeCode
                    ? `${agencyLabel.get(u.agencyCode ?? "") ?? ""} · ${officeLabel.get(u.officeCode) ?? u.officeCode}`
                    : u.agencyCode
                      ? agencyLabel.get(u.agencyCode)
                      : u.role === "MANAGER"
                        ? t("users.allFlanders")
                        : t("users.none")}
                </td>
                <td>{u.active ? t("users.active") : t("users.inactive")}</td>
                <td>{u.lastLoginAt ? formatDateTime(u.lastLoginAt, actor.locale) : t("users.never")}</td>
                <td>
                  <Link className="text-brand-700 underline" href={`/beheer/gebruikers/${u.id}`}>
                    {t("users.edit")}
                    <span className="sr-only"> {u.name}</span>
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section aria-labelledby="new-user">
        <h2 id="new-user" className="mb-3">
          {t("users.new")}
        </h2>
        <UserForm action={createUserAction} agencies={agencies} offices={offices} labels={userFormLabels(actor.locale)} roleLabels={roleLabels(actor.locale)} />
      </section>
    </div>
  );
}
