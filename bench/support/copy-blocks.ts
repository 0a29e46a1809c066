// The COPY text of new newcomers, their events and decisions, formatted in advance (untimed) for
// the import floors of bench/import.bench.ts and bench/daily-import.bench.ts: the rows the import
// itself writes for them (copy-rows.ts), ids and the first-of-type marker made here as it does.
import crypto from "node:crypto";
import type { ResolvedNewcomer } from "../../lib/domain/exchange/validate-line";
import { firstOfTypeFlags } from "../../lib/domain/track/first-of-type";
import { chunked, decisionRow, eventRow, newcomerRow } from "../../lib/server/exchange/copy-rows";

export function freshCopyBlocks(fresh: ResolvedNewcomer[], now: string): { newcomers: string[]; events: string[]; decisions: string[] } {
  const ids = fresh.map(() => crypto.randomUUID());
  const eventIds = fresh.map((n) => n.events.map(() => crypto.randomUUID()));
  return {
    newcomers: [...chunked(fresh.length, (i) => newcomerRow(fresh[i]!, ids[i]!, now))],
    events: [
      ...chunked(fresh.length, (i) =>
        ((firsts) => fresh[i]!.events.map((e, j) => eventRow(e, eventIds[i]![j]!, ids[i]!, fresh[i]!.gender, now, firsts[j]!)).join(""))(
          firstOfTypeFlags(fresh[i]!.events, eventIds[i]!),
        ),
      ),
    ],
    decisions: [...chunked(fresh.length, (i) => fresh[i]!.events.map((e, j) => (e.decision ? decisionRow(e, eventIds[i]![j]!, now) : "")).join(""))],
  };
}
