import "server-only";
// What /beheer/bewaartermijnen shows and does (issue 15): the dossiers due under the rules (paged,
// with the true count and each one's holds), and an admin's anonymisation of chosen dossiers — the
// same function as the retention run, one transaction, refused for a dossier under a hold.
import { assertCan, type Actor } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/db";
import { ValidationError } from "@/lib/server/errors";
import { parseInput } from "@/lib/server/kit/parse-input";
import { anonymiseLocked } from "./anonymise";
import { dueBefore, listDue, lockUnheld } from "./due";
import { anonymiseSchema, dueListSchema } from "./retention.schema";

export const DUE_PAGE_SIZE = 50;

export async function getRetentionOverview(actor: Actor, input: unknown) {
  assertCan(actor, "retention.manage");
  const { page } = parseInput(dueListSchema, input);
  const before = dueBefore(new Date());
  const due = await listDue(db, before, { limit: DUE_PAGE_SIZE, offset: (page - 1) * DUE_PAGE_SIZE });
  return { before, page, pageSize: DUE_PAGE_SIZE, ...due };
}

/** Anonymises the chosen dossiers now (an admin's decision, e.g. an erasure request under art. 17), unless one is held. */
export async function anonymiseDossiers(actor: Actor, input: unknown): Promise<{ anonymised: number }> {
  assertCan(actor, "retention.manage");
  const { newcomerIds } = parseInput(anonymiseSchema, input);
  return db.$transaction(
    async (tx) => {
      const { free, held } = await lockUnheld(tx, newcomerIds);
      // all or nothing: a held dossier among the chosen ones refuses the whole request
      if (held.length > 0) throw new ValidationError({ newcomerIds: "retention.held" });
      return { anonymised: (await anonymiseLocked(tx, actor, free, "admin")).newcomers };
    },
    { timeout: 120_000 },
  );
}
