// The choice of a report as a plain GET form, so every report is a shareable URL (the URL
// contract: measure, by, from, to, asOf, agency, publicatie=1, kennisdatum). No client JavaScript needed.
import { dimensionLabel, measureLabel, type Dimension, type Measure } from "@/lib/domain/reports/definitions";
import { knowledgeTimeInputValue, parseKnowledgeTime } from "@/lib/domain/reports/knowledge-time";
import type { PageRequest } from "@/lib/domain/reports/questions";
import type { Locale } from "@/lib/i18n/locale";
import { translator } from "@/lib/i18n/messages";

export interface FilterOptions {
  measures?: Measure[];
  dimensions?: Dimension[];
  agencies: { code: string; label: string }[];
  /** the knowledge-time field (kennisdatum): only for who may ask for it (report.knowledgeTime) */
  knowledgeTime?: boolean;
}

/** The URL's kennisdatum as a date-time input shows it (Brussels time); as given when it is no instant. */
function knowledgeTimeValue(raw: string | null): string {
  if (!raw) return "";
  const instant = parseKnowledgeTime(raw);
  return instant ? knowledgeTimeInputValue(instant) : raw;
}

export function ReportFilters({ request, options, locale }: { request: PageRequest; options: FilterOptions; locale: Locale }) {
  const t = translator("reports", locale);
  const years = Array.from({ length: 12 }, (_, i) => new Date().getUTCFullYear() - i);
  return (
    <form method="get" className="card no-print grid gap-4 sm:grid-cols-3 lg:grid-cols-6" aria-label={t("filters.legend")}>
      {options.measures && (
        <div>
          <label className="label" htmlFor="f-measure">
            {t("filters.measure")}
          </label>
          <select id="f-measure" name="measure" className="input" defaultValue={request.measure}>
            {options.measures.map((m) => (
              <option key={m} value={m}>
                {measureLabel(m, locale)}
              </option>
            ))}
          </select>
        </div>
      )}
      {options.dimensions && (
        <>
          <div>
            <label className="label" htmlFor="f-by">
              {t("filters.by")}
            </label>
            <select id="f-by" name="by" className="input" defaultValue={request.by[0]}>
              {options.dimensions.map((d) => (
                <option key={d} value={d}>
                  {dimensionLabel(d, locale)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label className="label" htmlFor="f-by2">
              {t("filters.by2")}
            </label>
            <select id="f-by2" name="by" className="input" defaultValue={request.by[1] ?? ""}>
              <option value="">{t("filters.none")}</option>
              {options.dimensions.map((d) => (
                <option key={d} value={d}>
                  {dimensionLabel(d, locale)}
                </option>
              ))}
            </select>
          </div>
        </>
      )}
      <div>
        <label className="label" htmlFor="f-from">
          {t("filters.from")}
        </label>
        <select id="f-from" name="from" className="input" defaultValue={String(request.from)}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label className="label" htmlFor="f-to">
          {t("filters.to")}
        </label>
        <select id="f-to" name="to" className="input" defaultValue={String(request.to)}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label className="label" htmlFor="f-asof">
          {t("filters.asOf")}
        </label>
        <input id="f-asof" name="asOf" type="date" className="input" defaultValue={request.asOf} required />
      </div>
      {options.knowledgeTime && (
        <div>
          <label className="label" htmlFor="f-recorded-on">
            {t("filters.recordedOn")}
          </label>
          <input id="f-recorded-on" name="kennisdatum" type="datetime-local" className="input" defaultValue={knowledgeTimeValue(request.recordedOn)} />
        </div>
      )}
      {options.agencies.length > 0 && (
        <div>
          <label className="label" htmlFor="f-agency">
            {t("filters.agency")}
          </label>
          <select id="f-agency" name="agency" className="input" defaultValue={request.agency ?? ""}>
            <option value="">{t("filters.allAgencies")}</option>
            {options.agencies.map((a) => (
              <option key={a.code} value={a.code}>
                {a.label}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="flex items-end gap-2 sm:col-span-2">
        <input id="f-pub" name="publicatie" type="checkbox" value="1" defaultChecked={request.publication} />
        <label htmlFor="f-pub" className="text-sm">
          {t("filters.publication")}
        </label>
      </div>
      <div className="flex items-end">
        <button type="submit" className="btn-primary">
          {t("filters.show")}
        </button>
      </div>
    </form>
  );
}
