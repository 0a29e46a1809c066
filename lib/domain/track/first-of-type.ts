// The rule of track_event.is_first_of_type, as the database triggers apply it
// (prisma/migrations/20261129020400_report_first_of_type): per type, the earliest event by date,
// then — all rows of one COPY share created_at — the smallest id. Loaders that write the marker
// themselves (the import's COPY, the report benchmark) use this, so the trigger has nothing to fix.

/** For each of one newcomer's events (with their ids): is it the first of its type? */
export function firstOfTypeFlags(events: readonly { type: string; date: string }[], ids: readonly string[]): boolean[] {
  const best = new Map<string, number>();
  events.forEach((e, j) => {
    const k = best.get(e.type);
    if (k === undefined) return void best.set(e.type, j);
    const b = events[k]!;
    if (e.date < b.date || (e.date === b.date && ids[j]! < ids[k]!)) best.set(e.type, j);
  });
  const firsts = new Set(best.values());
  return events.map((_, j) => firsts.has(j));
}
