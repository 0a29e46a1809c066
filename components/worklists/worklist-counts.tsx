// The worklists with their counts, as cards (the home page and /werklijsten).
import Link from "next/link";
import { formatNumber } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locale";
import { translator } from "@/lib/i18n/messages";
import type { Worklist } from "@/lib/server/worklists/definitions";

export function WorklistCounts({ counts, locale }: { counts: { list: Worklist; count: number; capped: boolean }[]; locale: Locale }) {
  const t = translator("worklists", locale);
  return (
    <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" data-testid="worklist-counts">
      {counts.map((c) => (
        <li key={c.list}>
          <Link href={`/werklijsten/${c.list}`} className="card block h-full hover:border-brand-600" data-testid={`worklist-${c.list}`}>
            <h3 className="text-brand-800">{t(`lists.${c.list}.title`)}</h3>
            <p className="mt-1 text-2xl font-semibold" data-testid="worklist-count">
              {c.capped ? `> ${formatNumber(c.count, locale)}` : formatNumber(c.count, locale)}
            </p>
            <p className="mt-1 text-sm text-slate-700">{t(`lists.${c.list}.help`)}</p>
          </Link>
        </li>
      ))}
    </ul>
  );
}
