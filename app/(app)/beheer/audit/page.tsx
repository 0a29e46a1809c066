import Link from "next/link";
import { formatDateTime } from "@/lib/i18n/format";
import { translator } from "@/lib/i18n/messages";
import { listAuditEntries } from "@/lib/server/audit/list-audit";
import { auditQuerySchema } from "@/lib/server/audit/list-audit.schema";
import { requirePageActor } from "@/lib/server/auth/session";

const t = translator("admin");
const common = translator("common");

export const metadata = { title: t("audit.title") };

function summary(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor("audit.read");
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = auditQuerySchema.safeParse(raw);
  const query = parsed.success ? parsed.data : {};
  const { entries, nextBefore } = await listAuditEntries(actor, query);
  const keep = new URLSearchParams(Object.entries(query).filter(([k, v]) => k !== "before" && v) as [string, string][]);
  return (
    <div className="space-y-4">
      <p className="text-sm"><Link href="/beheer" className="text-brand-700 underline">{t("title")}</Link></p>
      <h1>{t("audit.title")}</h1>
      {!parsed.success && <p className="field-error">{parsed.error.issues[0]?.message}</p>}
      <form className="card flex flex-wrap items-end gap-3" method="get">
        <div><label className="label" htmlFor="a-action">{t("audit.filterAction")}</label><input id="a-action" name="action" className="input" defaultValue={query.action ?? ""} placeholder="newcomer." /></div>
        <div><label className="label" htmlFor="a-user">{t("audit.filterUser")}</label><input id="a-user" name="user" className="input" defaultValue={query.user ?? ""} /></div>
        <div><label className="label" htmlFor="a-newcomer">{t("audit.filterNewcomer")}</label><input id="a-newcomer" name="newcomer" className="input" defaultValue={query.newcomer ?? ""} /></div>
        <div><label className="label" htmlFor="a-from">{t("audit.from")}</label><input id="a-from" name="from" type="date" className="input" defaultValue={query.from ?? ""} /></div>
        <div><label className="label" htmlFor="a-to">{t("audit.to")}</label><input id="a-to" name="to" type="date" className="input" defaultValue={query.to ?? ""} /></div>
        <button className="btn-primary" type="submit">{t("audit.filter")}</button>
      </form>
      {entries.length === 0 ? (
        <p>{t("audit.empty")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="data-table" data-testid="audit-table">
            <thead>
              <tr><th scope="col">{t("audit.when")}</th><th scope="col">{t("audit.who")}</th><th scope="col">{t("audit.action")}</th><th scope="col">{t("audit.entity")}</th><th scope="col">{t("audit.newcomer")}</th><th scope="col">{t("audit.details")}</th></tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td className="whitespace-nowrap">{formatDateTime(e.at)}</td>
                  <td>{e.userEmail ?? t("audit.system")}</td>
                  <td><code>{e.action}</code></td>
                  <td>{e.entityType}{e.entityId ? ` ${e.entityId.slice(0, 8)}` : ""}</td>
                  <td>{e.newcomerId ? <Link className="text-brand-700 underline" href={`/dossiers/${e.newcomerId}`}>{e.newcomerId.slice(0, 8)}</Link> : ""}</td>
                  <td className="max-w-md break-all text-xs text-slate-700">{e.reason ? `${e.reason} · ` : ""}{summary(e.after ?? e.before)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {nextBefore && (
        <Link className="btn-secondary" href={`/beheer/audit?${new URLSearchParams([...keep, ["before", nextBefore]]).toString()}`}>{t("audit.older")}</Link>
      )}
      <p className="sr-only">{common("appName")}</p>
    </div>
  );
}
