import Link from "next/link";
import { Suspense } from "react";
import { WorklistCounts } from "@/components/worklists/worklist-counts";
import { can, navigationFor } from "@/lib/domain/permissions";
import { translator } from "@/lib/i18n/messages";
import type { Actor } from "@/lib/server/auth/actor";
import { requirePageActor } from "@/lib/server/auth/session";
import { worklistCounts } from "@/lib/server/worklists/worklists";

export default async function HomePage() {
  const actor = await requirePageActor();
  const t = translator("common", actor.locale);
  const sections = navigationFor(actor.role);
  // what is due today (issue 14): the worklists' counts, for those who work in the dossiers
  const showCounts = can(actor.role, "dossier.read");
  return (
    <div>
      <h1>{t("home.title", { name: actor.name })}</h1>
      <p className="mt-1 text-slate-700">{t("home.intro")}</p>
      <ul className="mt-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {sections.map((s) => (
          <li key={s.href}>
            <Link href={s.href} className="card block h-full hover:border-brand-600">
              <h2 className="text-brand-800">{t(`nav.${s.key}`)}</h2>
              <p className="mt-1 text-sm text-slate-700">{t(`sections.${s.key}`)}</p>
            </Link>
          </li>
        ))}
      </ul>
      {showCounts && (
        <section className="mt-8" aria-labelledby="worklists-heading">
          <h2 id="worklists-heading">{translator("worklists", actor.locale)("title")}</h2>
          <div className="mt-3">
            {/* streamed: the page (and the sign-in that lands on it) does not wait for the counts */}
            <Suspense fallback={<p className="text-sm text-slate-600">{translator("worklists", actor.locale)("countsLoading")}</p>}>
              <HomeWorklistCounts actor={actor} />
            </Suspense>
          </div>
        </section>
      )}
    </div>
  );
}

async function HomeWorklistCounts({ actor }: { actor: Actor }) {
  return <WorklistCounts counts={await worklistCounts(actor)} locale={actor.locale} />;
}
