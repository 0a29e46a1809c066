// The selection of a batch of letters: newcomer ids from a form (one field per id) or the query
// (?ids=a,b or ?id=a&id=b). UUIDs only — never national numbers, which must not reach a URL — and
// at most MAX_BATCH, so one request cannot render the whole register.
import { isUuid } from "@/lib/domain/kit";
import type { ErrorKey } from "@/lib/i18n/message";

export const MAX_BATCH = 200;

export type IdList = { ok: true; ids: string[] } | { ok: false; reason: ErrorKey };

export function parseIdList(values: readonly string[]): IdList {
  const ids = [
    ...new Set(
      values
        .flatMap((v) => v.split(","))
        .map((s) => s.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
  if (ids.length === 0) return { ok: false, reason: "letters.noneChosen" };
  if (ids.some((id) => !isUuid(id))) return { ok: false, reason: "letters.idsOnly" };
  if (ids.length > MAX_BATCH) return { ok: false, reason: "letters.tooMany" };
  return { ok: true, ids };
}
