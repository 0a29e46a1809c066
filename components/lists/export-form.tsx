// The export of a list as the user sees it (issue 14): a POST (no GET exports or audits anything)
// of the list's filters as hidden fields to its export route, as CSV or XLSX; the box for full
// national numbers only for a role that may reveal them; the cap said beforehand, and plainly
// when the list is longer than the cap. Server component; the texts are common.json "lists.export".
import { EXPORT_ROW_CAP } from "@/lib/domain/lists/export-table";
import { can, type Role } from "@/lib/domain/permissions";
import { formatNumber } from "@/lib/i18n/format";
import { type Locale, translator } from "@/lib/i18n/messages";

export function ExportForm(props: {
  action: string;
  fields: Record<string, string | number | null | undefined>;
  role: Role;
  locale: Locale;
  /** the list's count as shown, and whether it is "more than" */
  total: number;
  totalCapped: boolean;
  id: string;
}) {
  const t = translator("common", props.locale);
  const cap = formatNumber(EXPORT_ROW_CAP, props.locale);
  const over = props.totalCapped ? props.total >= EXPORT_ROW_CAP : props.total > EXPORT_ROW_CAP;
  return (
    <form method="post" action={props.action} className="card flex flex-wrap items-end gap-3" aria-labelledby={`${props.id}-legend`} data-testid="list-export">
      <p id={`${props.id}-legend`} className="w-full text-sm">
        <span className="font-semibold">{t("lists.export.legend")}</span> — {t("lists.export.intro", { cap })}
      </p>
      {Object.entries(props.fields)
        .filter(([, v]) => v !== null && v !== undefined && v !== "")
        .map(([k, v]) => (
          <input key={k} type="hidden" name={k} value={String(v)} />
        ))}
      {can(props.role, "dossier.reveal") && (
        <div>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="volledig" value="1" aria-describedby={`${props.id}-reveal-hint`} />
            {t("lists.export.reveal")}
          </label>
          <p id={`${props.id}-reveal-hint`} className="text-xs text-slate-600">
            {t("lists.export.revealHint")}
          </p>
        </div>
      )}
      <button type="submit" name="format" value="csv" className="btn-secondary">
        {t("lists.export.csv")}
      </button>
      <button type="submit" name="format" value="xlsx" className="btn-secondary">
        {t("lists.export.xlsx")}
      </button>
      {over && (
        <p role="status" className="w-full rounded-md bg-amber-50 p-2 text-sm text-amber-900" data-testid="list-export-capped">
          {t("lists.export.capped", { cap })}
        </p>
      )}
    </form>
  );
}
