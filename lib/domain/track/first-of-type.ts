// The rule of track_event.is_first_of_type, in the order the database trigger applies it
// (track_event_recompute_first, migration 20261129020400_report_first_of_type): per type, the
// events ordered by (cancelled last, date, created_at, id), and the first one is marked only when
// it is not cancelled. Loaders that write the marker themselves (the import's COPY, where all rows
// share created_at and none is cancelled; the report benchmark) use this, so the trigger has
// nothing to fix. tests/integration/rules-agree-db.test.ts checks that the two agree.

export interface FirstOfTypeEvent {
  type: string;
  /** YYYY-MM-DD */
  date: string;
  cancelled?: boolean;
  /** omitted: the same for all events (one COPY shares its created_at) */
  createdAt?: Date;
}

const createdMs = (e: FirstOfTypeEvent) => e.createdAt?.getTime() ?? 0;

/** The trigger's order: negative when `a` (with id `ia`) comes before `b` (with id `ib`). */
export function compareForFirst(a: FirstOfTypeEvent, ia: string, b: FirstOfTypeEvent, ib: string): number {
  const ca = a.cancelled ? 1 : 0,
    cb = b.cancelled ? 1 : 0;
  if (ca !== cb) return ca - cb;
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  return createdMs(a) - createdMs(b) || (ia < ib ? -1 : ia > ib ? 1 : 0);
}

/** For each of one newcomer's events (with their ids): is it the first of its type? */
export function firstOfTypeFlags(events: readonly FirstOfTypeEvent[], ids: readonly string[]): boolean[] {
  const best = new Map<string, number>();
  events.forEach((e, j) => {
    const k = best.get(e.type);
    if (k === undefined || compareForFirst(e, ids[j]!, events[k]!, ids[k]!) < 0) best.set(e.type, j);
  });
  const firsts = new Set([...best.values()].filter((j) => !events[j]!.cancelled));
  return events.map((_, j) => firsts.has(j));
}
