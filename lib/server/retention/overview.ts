import "server-only";
// What /beheer/bewaartermijnen shows and does (issue 15): the dossiers due under the rules (paged,
// each one's holds; the count up to DUE_COUNT_CAP, the true count and the held ones on request),
// and an admin's anonymisation of chosen dossiers — the same function as the retention run, one
// transaction, refused for a dossier under a hold.
import { assertCan, type Actor } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/db";
import { ValidationError } from "@/lib/server/errors";
import { parseInput } from "@/lib/server/kit/parse-input";
import { anonymiseLocked, refreshStatistics } from "./anonymise";
import { countDue, countDueUpTo, dueBefore, listDuePage, lockUnheld } from "./due";
import { anonymiseSchema, dueListSchema } from "./retention.schema";

export const DUE_PAGE_SIZE = 50;
/** Up to this many due dossiers the page counts them at once; beyond, "meer dan" and a button for the true count. */
export const DUE_COUNT_CAP = 1000;

export async function getRetentionOverview(actor: Actor, input: unknown) {
  assertCan(actor, "retention.manage");
  const { after, exact, agency } = parseInput(dueListSchema, input);
  const before = dueBefore(new Date());
  const rows = await listDuePage(db, before, { limit: DUE_PAGE_SIZE + 1, after }, agency);
  const upTo = exact ? null : await countDueUpTo(db, before, DUE_COUNT_CAP, agency);
  const counts = upTo?.more ? null : await countDue(db, before, agency);
  return {
    before,
    after,
    agency,
    pageSize: DUE_PAGE_SIZE,
    rows: rows.slice(0, DUE_PAGE_SIZE),
    /** the id to continue after, when there is a next page */
    next: rows.length > DUE_PAGE_SIZE ? rows[DUE_PAGE_SIZE - 1]!.id : null,
    /** the true counts, or null when there are more than DUE_COUNT_CAP and they were not asked for */
    counts,
    countCap: DUE_COUNT_CAP,
  };
}

/** Anonymises the chosen dossiers now (an admin's decision, e.g. an erasure request under art. 17), unless one is held. */
export async function anonymiseDossiers(actor: Actor, input: unknown): Promise<{ anonymised: number }> {
  assertCan(actor, "retention.manage");
  const { newcomerIds } = parseInput(anonymiseSchema, input);
  const outcome = await db.$transaction(
    async (tx) => {
      const { free, held } = await lockUnheld(tx, newcomerIds);
      // all or nothing: a held dossier among the chosen ones refuses the whole request
      if (held.length > 0) throw new ValidationError({ newcomerIds: "retention.held" });
      return { anonymised: (await anonymiseLocked(tx, actor, free, "admin")).newcomers };
    },
    { timeout: 120_000 },
  );
  if (outcome.anonymised > 0) await refreshStatistics();
  return outcome;
}
