// Which decision of an infringement dossier counts. The one home of two rules that every reader
// (data layer, pages, export, reports' test oracle) used to spell out itself:
// - the EFFECTIVE decision as of a date: the latest FINAL decision decided on or before it, in the
//   order decided_on, created_at, id (the order of the report_fact_source view, the reference:
//   tests/integration/decision-rule-db.test.ts checks that the view and this module agree);
// - the STANDING decision: the latest one that was not rejected (FINAL or awaiting a second
//   admin), in the order of recording. A new decision on the dossier is a correction of it.
// Pure. Dates are ISO calendar dates (YYYY-MM-DD) or Dates; ids compare as strings, which is the
// database's uuid order for the lowercase form PostgreSQL prints.

import type { DecisionStatusCode } from "@/lib/domain/codes";

/** The statuses of a decision that stands (decides the dossier for now). */
export const STANDING_STATUSES = ["FINAL", "AWAITING_CONFIRMATION"] as const satisfies readonly DecisionStatusCode[];

type Day = string | Date;
const iso = (d: Day) => (typeof d === "string" ? d : d.toISOString().slice(0, 10));
const ms = (d: Date | string) => (typeof d === "string" ? Date.parse(d) : d.getTime());
const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export interface DatedDecision {
  id: string;
  status: DecisionStatusCode | string;
  decidedOn: Day;
  createdAt: Date | string;
}

/** The order in which FINAL decisions succeed each other (the last one of a day wins). */
export function compareDecisions(a: DatedDecision, b: DatedDecision): number {
  const da = iso(a.decidedOn),
    db = iso(b.decidedOn);
  if (da !== db) return da < db ? -1 : 1;
  return ms(a.createdAt) - ms(b.createdAt) || byId(a.id, b.id);
}

/** The effective decision as of `asOf` (YYYY-MM-DD; omitted: the latest of all), or null. */
export function effectiveDecision<D extends DatedDecision>(decisions: readonly D[], asOf?: string): D | null {
  let best: D | null = null;
  for (const d of decisions) {
    if (d.status !== "FINAL" || (asOf !== undefined && iso(d.decidedOn) > asOf)) continue;
    if (best === null || compareDecisions(d, best) > 0) best = d;
  }
  return best;
}

/** The standing decision: the latest recorded one that was not rejected, or null. */
export function standingDecision<D extends { id: string; status: string; createdAt: Date | string }>(decisions: readonly D[]): D | null {
  let best: D | null = null;
  for (const d of decisions) {
    if (!(STANDING_STATUSES as readonly string[]).includes(d.status)) continue;
    if (best === null || ms(d.createdAt) - ms(best.createdAt) > 0 || (ms(d.createdAt) === ms(best.createdAt) && d.id > best.id)) best = d;
  }
  return best;
}

/** What a dossier's page offers, derived from its standing decision. */
export function dossierDecisionState<D extends { status: string; outcome: string }>(standing: D | null, decisions: readonly { status: string }[]) {
  return {
    /** a fine above the threshold waiting for a second admin: review instead of a new decision */
    awaiting: standing?.status === "AWAITING_CONFIRMATION" ? standing : null,
    /** the final fine standing on the dossier: its payment is followed */
    finalFine: standing?.status === "FINAL" && standing.outcome === "BOETE" ? standing : null,
    /** there is a final decision, so a letter can be printed */
    hasFinal: decisions.some((d) => d.status === "FINAL"),
  };
}

/**
 * The same effective-decision rule in SQL, for queries that must apply it in the database (the
 * export, the reports' test oracle): a LATERAL sub-select over infringement_decision `x` of the
 * event `eventId` (a column reference such as `e.id`), decided on or before `asOf` (an SQL date
 * expression; omitted: all). Select the columns you need: `effectiveDecisionSql("e.id", …, "x.outcome")`.
 */
export function effectiveDecisionSql(eventId: string, columns: string, asOf?: string): string {
  return `SELECT ${columns} FROM infringement_decision x
         WHERE x.event_id = ${eventId} AND x.status = 'FINAL'${asOf ? ` AND x.decided_on <= ${asOf}` : ""}
         ORDER BY x.decided_on DESC, x.created_at DESC, x.id DESC LIMIT 1`;
}
