// Retention rules (issue 15): how long each kind of record is kept, with its legal ground. Code,
// not a table users edit: a term is a legal decision, changed by a reviewed commit. Read by the
// retention command (`npm run retention`), the admin page /beheer/bewaartermijnen and the
// register of processing (docs/register-of-processing.md), never re-stated elsewhere.
//
// General ground for every term: GDPR art. 5(1)(e) (storage limitation: no longer than necessary
// for the purposes) and art. 5(2) (accountability: the terms are written down and enforced).
// Where a term below says "unsure", the lead / the agencies' DPO should confirm it.

/** A term in whole years or days from a reference instant; `null` days means "in years". */
export interface Term {
  years?: number;
  days?: number;
}

export const dossierRetention = {
  /**
   * A closed dossier is anonymised this many years after its last event (its latest live track
   * event, decision or payment follow-up). "Closed": an attestation obtained, or simply no event
   * for this long (the track ended without one).
   * Ground: the civic-integration decree (Inburgeringsdecreet of 7 June 2013, art. 27 onward, and
   * its implementing order of 29 January 2016 / the order of 1 March 2022 on the fines) does not
   * fix a term for the case file as far as we know (unsure: to be confirmed by the DPO); an
   * administrative fine's enforcement lapses after 5 years (prescription of administrative fines,
   * decree of 22 March 2019 on administrative enforcement, unsure), and the Flemish archive rules
   * (Archiefdecreet of 9 July 2010, the agencies' selection lists) set "5 years after closure, then
   * destroy" for individual integration files (unsure). 5 years covers the longest of those, and
   * every later question of parliament asks for at most the previous five years' figures, which the
   * anonymised classification still gives.
   */
  closedDossier: { years: 5 } satisfies Term,
} as const;

export const securityRetention = {
  /** Sign-in attempts: throttling needs minutes; one year to investigate an abuse after the fact.
   *  Ground: GDPR art. 32 (security) and art. 5(1)(e); CNIL's guidance on logging (6–12 months). */
  loginAttempts: { years: 1 } satisfies Term,
  /** Sessions, counted from their end (or their last request): an ended session is only needed to
   *  explain a recent sign-out; 90 days. Ground: art. 32, art. 5(1)(c) data minimisation. */
  sessions: { days: 90 } satisfies Term,
  /** Search tokens live 8 hours (lib/server/dossiers/search-token.ts); one day after that they go.
   *  They may hold a national number typed in the search. */
  searchTokens: { days: 1 } satisfies Term,
  /** The error list of an import run (it may quote names or numbers of rejected lines): 90 days,
   *  enough to correct and re-import the file. The run's counts stay (they hold no personal data). */
  importErrors: { days: 90 } satisfies Term,
} as const;

/**
 * Audit rows per action kind, counted from the row's instant. Plain access logs (who opened what)
 * follow CNIL's recommendation for logging (6–12 months: long enough to detect misuse, "Délibération
 * n° 2021-122", recommendation on logging): one year. Changes to a dossier and decisions are the
 * authority's accountability for a decision with legal effect (a fine, an advice to the DVZ): they are
 * kept as long as the decision can be contested or enforced and audited by the Court of Audit /
 * Audit Vlaanderen, 10 years (the default; unsure, to be confirmed by the DPO). Refusals and
 * sign-in events are security logs: one year (as access logs). Anything not listed: 10 years (the
 * safer side for accountability; a new action kind must be added here deliberately).
 */
export const auditRetention: Record<string, Term> = {
  "newcomer.view": { years: 1 },
  "newcomer.view.denied": { years: 1 },
  "newcomer.reveal": { years: 1 },
  "newcomer.reveal.denied": { years: 1 },
  "report.view": { years: 1 },
  "publication.view": { years: 1 },
  "publication.view.denied": { years: 1 },
  "auth.signin": { years: 1 },
  "auth.signin.failed": { years: 1 },
  "auth.signin.locked": { years: 1 },
  "request.refused": { years: 1 },
  "user.locale": { years: 1 },
  // exports of personal data: who took a copy must be known as long as the copy can be misused
  "exchange.export": { years: 5 },
  "dvz.export": { years: 10 },
  "audit.export": { years: 5 },
  "report.export": { years: 1 },
};
/** The term of an action kind not in `auditRetention`. */
export const auditRetentionDefault: Term = { years: 10 };

/** The retention run's own audit rows say which rule applied: these are its names. */
export const retentionRuleNames = ["closedDossier", "loginAttempts", "sessions", "searchTokens", "importErrors", "audit"] as const;
export type RetentionRule = (typeof retentionRuleNames)[number];

/** The instant before which a record under `term` is due, seen from `now` (UTC calendar arithmetic). */
export function cutoff(term: Term, now: Date): Date {
  const d = new Date(now.getTime());
  if (term.years) d.setUTCFullYear(d.getUTCFullYear() - term.years);
  if (term.days) d.setUTCDate(d.getUTCDate() - term.days);
  return d;
}

/** The audit terms grouped by their cutoff: one DELETE per distinct term. */
export function auditTermsByCutoff(now: Date): { cutoff: Date; actions: string[]; others: boolean }[] {
  const groups = new Map<string, { cutoff: Date; actions: string[]; others: boolean }>();
  const add = (term: Term, action: string | null) => {
    const c = cutoff(term, now);
    const key = c.toISOString();
    const g = groups.get(key) ?? { cutoff: c, actions: [], others: false };
    if (action) g.actions.push(action);
    else g.others = true;
    groups.set(key, g);
  };
  for (const [action, term] of Object.entries(auditRetention)) add(term, action);
  add(auditRetentionDefault, null);
  return [...groups.values()];
}

/** The legal holds that stop a dossier's anonymisation (lib/server/retention/due.ts tests them in SQL). */
export const holdKinds = ["INFRINGEMENT_UNDECIDED", "FINE_UNPAID", "DVZ_ADVICE_OPEN", "ADMIN_HOLD"] as const;
export type HoldKind = (typeof holdKinds)[number];
