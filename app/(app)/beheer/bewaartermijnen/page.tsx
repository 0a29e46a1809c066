import Link from "next/link";
import { AnonymiseForm, RemoveHoldForm, SetHoldForm } from "@/components/admin/retention-forms";
import { dossierRetention } from "@/lib/domain/retention/rules";
import { formatDate } from "@/lib/i18n/format";
import { translator } from "@/lib/i18n/messages";
import { requirePageActor } from "@/lib/server/auth/session";
import { listLegalHolds } from "@/lib/server/retention/holds";
import { getRetentionOverview } from "@/lib/server/retention/overview";
import { anonymiseAction, removeHoldAction, setHoldAction } from "./actions";

export default async function RetentionPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor("retention.manage");
  const t = translator("admin", actor.locale);
  const sp = await searchParams;
  const due = await getRetentionOverview(actor, { page: typeof sp.pagina === "string" ? sp.pagina : "1" });
  const holds = await listLegalHolds(actor);
  const pages = Math.max(1, Math.ceil(due.total / due.pageSize));
  const holdKind = (k: string) => t(`retention.holdKinds.${k as "ADMIN_HOLD"}`);
  const rows = due.rows.map((r) => ({
    id: r.id,
    name: `${r.lastName} ${r.firstName}`.trim(),
    agency: r.agencyCode,
    lastActivity: formatDate(r.lastActivity),
    holds: r.holds.map(holdKind).join(", "),
  }));
  return (
    <div className="space-y-6">
      <h1>{t("retention.title")}</h1>
      <p className="text-slate-700">{t("retention.intro", { years: dossierRetention.closedDossier.years })}</p>
      <section className="card space-y-3">
        <h2>{t("retention.dueTitle", { date: formatDate(due.before) })}</h2>
        <p data-testid="due-count">{t("retention.dueCount", { total: due.total, held: due.held })}</p>
        {rows.length === 0 ? (
          <p>{t("retention.none")}</p>
        ) : (
          <AnonymiseForm
            action={anonymiseAction}
            rows={rows}
            labels={{
              name: t("retention.name"),
              agency: t("retention.agency"),
              lastActivity: t("retention.lastActivity"),
              holds: t("retention.holds"),
              choose: t("retention.choose"),
              confirm: t("retention.confirmLabel"),
              submit: t("retention.anonymise"),
            }}
          />
        )}
        {pages > 1 ? (
          <nav className="flex gap-4 text-sm">
            {due.page > 1 ? <Link href={`/beheer/bewaartermijnen?pagina=${due.page - 1}`}>{t("retention.previous")}</Link> : null}
            <span>{t("retention.pageOf", { page: due.page, pages })}</span>
            {due.page < pages ? <Link href={`/beheer/bewaartermijnen?pagina=${due.page + 1}`}>{t("retention.next")}</Link> : null}
          </nav>
        ) : null}
      </section>
      <section className="card space-y-3">
        <h2>{t("retention.holdsTitle")}</h2>
        {holds.length === 0 ? (
          <p>{t("retention.noHolds")}</p>
        ) : (
          <ul className="space-y-3">
            {holds.map((h) => (
              <li key={h.id} className="border-b pb-2">
                <p>
                  <Link href={`/dossiers/${h.newcomerId}`} className="text-brand-700 underline" prefetch={false}>
                    {`${h.newcomer.lastName} ${h.newcomer.firstName}`.trim()}
                  </Link>{" "}
                  ({h.newcomer.agencyCode}) — {formatDate(h.setAt)}: {h.reason}
                </p>
                <RemoveHoldForm action={removeHoldAction} holdId={h.id} labels={{ reason: t("retention.removeReason"), submit: t("retention.removeHold") }} />
              </li>
            ))}
          </ul>
        )}
        <SetHoldForm
          action={setHoldAction}
          dossiers={rows.filter((r) => !r.holds).map((r) => ({ id: r.id, name: r.name }))}
          labels={{ dossier: t("retention.holdDossier"), reason: t("retention.holdReason"), submit: t("retention.setHold") }}
        />
      </section>
    </div>
  );
}
