// The "Geschiedenis" of one dossier: who did what and when (views, changes, moves, reveals),
// newest first, with the before/after of changes folded away.
import { formatDateTime } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locale";
import { dynamicMessage, translator } from "@/lib/i18n/messages";

interface Entry {
  id: string;
  at: Date;
  userEmail: string | null;
  action: string;
  before: unknown;
  after: unknown;
  reason: string | null;
}

export function DossierHistory({ entries, locale }: { entries: Entry[]; locale: Locale }) {
  const t = translator("dossiers", locale);
  if (entries.length === 0) return <p className="card text-sm">{t("dossier.historyEmpty")}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="data-table" data-testid="history">
        <thead>
          <tr>
            <th scope="col">{t("audit.when")}</th>
            <th scope="col">{t("audit.who")}</th>
            <th scope="col">{t("audit.what")}</th>
            <th scope="col">{t("audit.details")}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((h) => {
            // message keys cannot contain dots (they are paths): newcomer.view → audit.newcomer_view
            const label = dynamicMessage("dossiers", locale, `audit.${h.action.replaceAll(".", "_")}`, h.action);
            return (
              <tr key={h.id}>
                <td className="whitespace-nowrap">{formatDateTime(h.at, locale)}</td>
                <td>{h.userEmail ?? "—"}</td>
                <td>
                  {label}
                  {h.reason ? ` — ${h.reason}` : ""}
                </td>
                <td>
                  {(h.before != null || h.after != null) && (
                    <details>
                      <summary className="cursor-pointer text-xs">{t("audit.details")}</summary>
                      <pre className="max-w-md overflow-x-auto whitespace-pre-wrap text-xs">
                        {JSON.stringify({ [t("audit.before")]: h.before ?? null, [t("audit.after")]: h.after ?? null }, null, 1)}
                      </pre>
                    </details>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
