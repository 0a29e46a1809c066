import Link from "next/link";
import { AnonymiseForm, RemoveHoldForm, SetHoldForm } from "@/components/admin/retention-forms";
import { dossierRetention } from "@/lib/domain/retention/rules";
import { formatDate, formatNumber } from "@/lib/i18n/format";
import { translator } from "@/lib/i18n/messages";
import { requirePageActor } from "@/lib/server/auth/session";
import { listNewcomerFormOptions } from "@/lib/server/dossiers/reference-checks";
import { MoreNote } from "@/components/lists/more-note";
import { LEGAL_HOLDS_LIMIT, listLegalHolds } from "@/lib/server/retention/holds";
import { getRetentionOverview } from "@/lib/server/retention/overview";
import { anonymiseAction, removeHoldAction, setHoldAction } from "./actions";

export default async function RetentionPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor("retention.manage");
  const t = translator("admin", actor.locale);
  const sp = await searchParams;
  const one = (v: string | string[] | undefined) => (typeof v === "string" && v !== "" ? v : null);
  const { agencies } = await listNewcomerFormOptions();
  // an agency not in the list is ignored, like a filter left empty
  const agency = agencies.some((a) => a.code === one(sp.agentschap)) ? one(sp.agentschap) : null;
  const due = await getRetentionOverview(actor, { after: one(sp.na), agency, exact: sp.telling === "exact" });
  const holds = await listLegalHolds(actor);
  const href = (p: { na?: string | null; telling?: boolean }) => {
    const q = new URLSearchParams();
    if (agency) q.set("agentschap", agency);
    if (p.na) q.set("na", p.na);
    if (p.telling) q.set("telling", "exact");
    const s = q.toString();
    return `/beheer/bewaartermijnen${s ? `?${s}` : ""}`;
  };
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
        <form method="get" action="/beheer/bewaartermijnen" className="flex flex-wrap items-end gap-2 text-sm">
          <label className="flex flex-col">
            {t("retention.agencyFilter")}
            <select name="agentschap" defaultValue={agency ?? ""} className="input">
              <option value="">{t("retention.allAgencies")}</option>
              {agencies.map((a) => (
                <option key={a.code} value={a.code}>
                  {a.label}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="btn-secondary">
            {t("retention.show")}
          </button>
        </form>
        {due.counts ? (
          <p data-testid="due-count">{t("retention.dueCount", { total: due.counts.total, held: due.counts.held })}</p>
        ) : (
          // counting every due dossier walks all newcomers (seconds for Flanders): on request only
          <p data-testid="due-count">
            {t("retention.dueMoreThan", { cap: formatNumber(due.countCap, actor.locale) })}{" "}
            <Link href={href({ na: due.after, telling: true })} prefetch={false} className="text-brand-700 underline">
              {t("retention.countExact")}
            </Link>
          </p>
        )}
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
            none: t("retention.none"),
          }}
        />
        {/* keyset pages (in dossier id order): "next" continues after the last row shown */}
        {due.after || due.next ? (
          <nav className="flex gap-4 text-sm" aria-label={t("retention.pages")}>
            {due.after ? (
              <Link href={href({})} prefetch={false}>
                {t("retention.first")}
              </Link>
            ) : null}
            {due.next ? (
              <Link href={href({ na: due.next })} prefetch={false} rel="next">
                {t("retention.next")}
              </Link>
            ) : null}
          </nav>
        ) : null}
      </section>
      <section className="card space-y-3">
        <h2>{t("retention.holdsTitle")}</h2>
        {holds.items.length === 0 ? (
          <p>{t("retention.noHolds")}</p>
        ) : (
          <ul className="space-y-3">
            {holds.items.map((h) => (
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
        <MoreNote more={holds.more} shown={LEGAL_HOLDS_LIMIT} hint={t("retention.holdsMore")} locale={actor.locale} />
        <SetHoldForm
          action={setHoldAction}
          dossiers={rows.filter((r) => !r.holds).map((r) => ({ id: r.id, name: r.name }))}
          labels={{ dossier: t("retention.holdDossier"), reason: t("retention.holdReason"), submit: t("retention.setHold") }}
        />
      </section>
    </div>
  );
}
