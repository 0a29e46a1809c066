// A short list shown in full up to a limit (the holds, the decisions awaiting a second admin, a
// dossier's letters and history, a name search): the query reads one row more than the limit, so
// the page can say that more exist instead of cutting the list off silently (the house rule "no
// list is cut off silently"; the long lists page instead, lib/domain/lists/list-params.ts).

/** Query with `take: limit + 1`, then split: the rows to show and whether there were more. */
export function firstOf<T>(rows: readonly T[], limit: number): { items: T[]; more: boolean } {
  return { items: rows.slice(0, limit), more: rows.length > limit };
}
