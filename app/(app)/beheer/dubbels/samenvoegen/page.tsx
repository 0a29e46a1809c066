// The merge screen (issue 14): which dossier stays (`a`) and which is taken in (`b`), what moves,
// which number is kept, and what changes in the reports; ids only in the URL (no numbers).
import Link from "next/link";
import { notFound } from "next/navigation";
import { MergeForm } from "@/components/admin/merge-form";
import { formatDate } from "@/lib/i18n/format";
import { looseTranslator, translator } from "@/lib/i18n/messages";
import { requirePageActor } from "@/lib/server/auth/session";
import { getMergePreview } from "@/lib/server/dossiers/merge-newcomers";
import { NotFoundError, ValidationError } from "@/lib/server/errors";
import { pageTitle } from "@/lib/server/i18n/request-locale";
import { mergeNewcomersAction } from "./actions";

export const generateMetadata = pageTitle("admin", "duplicates.mergeTitle");

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

export default async function MergePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor("dossier.merge");
  const t = translator("admin", actor.locale);
  const events = looseTranslator("dossiers", actor.locale);
  const sp = await searchParams;
  const [a, b] = [one(sp.a), one(sp.b)];
  const preview = await getMergePreview(actor, a, b).catch((e) => (e instanceof NotFoundError || e instanceof ValidationError ? e : Promise.reject(e)));
  if (preview instanceof NotFoundError) notFound();
  return (
    <div className="space-y-4">
      <p className="text-sm">
        <Link href="/beheer/dubbels" className="text-brand-700 underline">
          {t("duplicates.title")}
        </Link>
      </p>
      <h1>{t("duplicates.mergeTitle")}</h1>
      {preview instanceof ValidationError ? (
        <p role="alert" className="text-red-700">
          {Object.values(preview.fieldErrorsIn(actor.locale)).join(" ")}
        </p>
      ) : (
        <>
          <p className="text-slate-700">{t("duplicates.mergeIntro")}</p>
          <div className="grid gap-4 sm:grid-cols-2">
            {(
              [
                ["survivor", preview.survivor],
                ["merged", preview.merged],
              ] as const
            ).map(([role, d]) => (
              <section key={role} className="card" data-testid={`merge-${role}`}>
                <h2 className="mb-2">{t(`duplicates.${role}`)}</h2>
                <p className="font-medium">
                  <Link href={`/dossiers/${d.id}`} prefetch={false} className="text-brand-700 underline">
                    {d.lastName}, {d.firstName}
                  </Link>
                </p>
                <p className="text-sm">
                  {formatDate(d.birthDate)} · <span className="font-mono">{d.maskedNationalNumber}</span> (
                  {d.isBis ? t("duplicates.bis") : t("duplicates.national")})
                </p>
                <p className="text-sm">{t("duplicates.holdings", { events: d.events, decisions: d.decisions, advices: d.advices, audits: d.audits })}</p>
              </section>
            ))}
          </div>
          <p>
            <Link className="text-brand-700 underline" prefetch={false} href={`/beheer/dubbels/samenvoegen?${new URLSearchParams({ a: b, b: a }).toString()}`}>
              {t("duplicates.swap")}
            </Link>
          </p>
          <p>{t("duplicates.keptNumber", { number: preview.keptMasked })}</p>
          <section className="card" data-testid="merge-reports">
            <h2 className="mb-2">{t("duplicates.reportsTitle")}</h2>
            {preview.reports.length === 0 ? (
              <p className="text-sm">{t("duplicates.reportsNone")}</p>
            ) : (
              <ul className="list-disc pl-5 text-sm">
                {preview.reports.map((r) => (
                  <li key={r.type}>
                    {t("duplicates.reportsLine", { type: events(`events.${r.type}`), count: r.count, years: r.firstYears.join(", "), year: r.firstYearAfter })}
                  </li>
                ))}
              </ul>
            )}
            <p className="mt-2 text-sm text-slate-600">{t("duplicates.reportsRest")}</p>
          </section>
          <MergeForm
            action={mergeNewcomersAction}
            survivor={{ id: preview.survivor.id, version: preview.survivor.version }}
            merged={{ id: preview.merged.id, version: preview.merged.version }}
          />
        </>
      )}
    </div>
  );
}
