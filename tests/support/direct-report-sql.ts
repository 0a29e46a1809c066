// The report query written directly over track_event (the engine before report_count existed),
// kept as the reference the pre-aggregated engine is compared with in the tests.
// One GROUP BY over the recorded classification columns of track_event, as-of semantics
// written out (registration EXISTS, the latest final decision, the follow-up's date).
// Pure: returns text and parameters; every value goes in as a parameter, never spliced in. The
// measure's event type and the province mapping are the engine's own definitions; what this
// re-states independently is how "as of" is counted.
import type { Dimension, Measure } from "@/lib/domain/reports/definitions";
import type { ReportParams } from "@/lib/domain/reports/report-params.schema";
import type { SqlExecutor } from "@/lib/domain/reports/run-report";
import { measureEventType, provinceCase, type ReportQuery } from "@/lib/domain/reports/sql";
import { effectiveDecisionSql } from "@/lib/domain/fines/decision-state";

/** reach and contracts count newcomers by their first (live) event of the type. */
const countsFirstOnly = (m: Measure) => m === "reach" || m === "contracts";
const needsDecision = (m: Measure) => m === "infringements" || m === "fines" || m === "fine_amount_eur";

/** SQL of a dimension's value; `$AS_OF` stands for the as-of date parameter. */
function dimensionSql(d: Dimension): string {
  switch (d) {
    case "office":
      return "e.office_code";
    case "agency":
      return "e.agency_code";
    case "province":
      return provinceCase("e");
    case "nationality":
      return "e.nationality_code";
    case "nationality_group":
      return "e.nationality_group::text";
    case "gender":
      return "e.gender::text";
    case "target_group":
      return "e.target_group::text";
    case "residence_status":
      return "e.residence_status_code";
    case "registered":
      return `CASE WHEN EXISTS (SELECT 1 FROM track_event r
        WHERE r.newcomer_id = e.newcomer_id AND r.type = 'REGISTRATION' AND r.cancelled_at IS NULL AND r.date <= $AS_OF)
        THEN 'AANGEMELD' ELSE 'NIET_AANGEMELD' END`;
    case "infringement_type":
      return "COALESCE(e.infringement_type::text, 'ONBEKEND')";
    case "decision":
      return "COALESCE(d.outcome::text, 'IN_BEHANDELING')";
    case "amount":
      return "COALESCE(d.amount_eur::text, 'ONBEKEND')";
    case "contract_signed":
      return "CASE WHEN e.contract_signed THEN 'JA' ELSE 'NEE' END";
    case "attestation_obtained":
      return "CASE WHEN e.attestation_obtained THEN 'JA' ELSE 'NEE' END";
    // a follow-up recorded after the as-of date was not known then
    case "follow_up":
      return "CASE WHEN e.dvz_follow_up IS NULL OR e.dvz_follow_up_on > $AS_OF THEN 'ONBEKEND' ELSE e.dvz_follow_up::text END";
  }
}

export function buildDirectReportQuery(p: ReportParams): ReportQuery {
  const values: unknown[] = [measureEventType[p.measure], `${p.from}-01-01`, `${p.to}-12-31`, p.asOf];
  const asOf = "$4::date";
  const where = ['e.type = $1::"EventType"', "e.cancelled_at IS NULL", "e.date >= $2::date", "e.date <= $3::date", `e.date <= ${asOf}`];
  if (countsFirstOnly(p.measure)) where.push("e.is_first_of_type");
  if (p.agency) {
    values.push(p.agency);
    where.push(`e.agency_code = $${values.length}`);
  }
  // the effective decision as of the date: the latest FINAL one decided on or before it
  const decisionJoin = needsDecision(p.measure) ? `LEFT JOIN LATERAL (${effectiveDecisionSql("e.id", "x.outcome, x.amount_eur", asOf)}) d ON true` : "";
  if (p.measure === "fines" || p.measure === "fine_amount_eur") where.push("d.outcome = 'BOETE'");
  const value = p.measure === "fine_amount_eur" ? "COALESCE(sum(d.amount_eur), 0)::bigint" : "count(*)::bigint";
  const keys = p.by.map((d, i) => `${dimensionSql(d).replaceAll("$AS_OF", asOf)} AS k${i + 1}`);
  // cells only (k1, k2, year, value): the comparison is about the counts, not the labels
  const text = `SELECT ${keys.join(", ")}, extract(year FROM e.date)::int AS year, ${value} AS value
  FROM track_event e ${decisionJoin}
  WHERE ${where.join(" AND ")}
  GROUP BY ${p.by.map((_, i) => i + 1).join(", ")}, ${p.by.length + 1}`;
  return { text, values };
}

/** A report query's cells as sorted "k1|k2|year|value" strings: what two queries must agree on. */
export async function reportCells(executor: SqlExecutor, q: ReportQuery): Promise<string[]> {
  const { rows } = await executor.query(q.text, q.values);
  return rows.map((r) => `${r.k1}|${r.k2 ?? ""}|${r.year}|${r.value}`).sort();
}
