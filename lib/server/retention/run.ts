import "server-only";
// The retention run (issue 15; `npm run retention`, lib/domain/retention/rules.ts): lists (dry run)
// or carries out what the rules say is due. Dossiers are anonymised in batches, each one transaction
// that commits as a whole: a run killed mid-way leaves every batch either done or not, and the next
// run simply finds the rest still due (the batch re-checks under its row locks). Then the records
// past their term (sign-in attempts, sessions, search tokens, import error lists, audit rows) are
// deleted, each kind in one statement.
import { auditRetention, auditTermsByCutoff, cutoff, securityRetention } from "@/lib/domain/retention/rules";
import { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/server/audit/audit";
import type { Actor } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/db";
import { anonymiseLocked, refreshStatistics } from "./anonymise";
import { countDue, dueBefore, dueIds, lockDue } from "./due";

export interface RetentionOptions {
  apply: boolean;
  /** anonymise only dossiers whose last activity is before this day too (never later than the rule) */
  before?: Date | null;
  now?: Date;
  /** one agency's dossiers only (an agency running its own retention; the tests); the purge is always for all */
  agency?: string | null;
  batchSize?: number;
  /** false: dossiers only, no purge (the benchmark, whose clock is moved ahead) */
  purge?: boolean;
  /** called after each committed batch (the command prints progress) */
  onBatch?: (done: number) => void;
}

export interface PurgeCounts {
  loginAttempts: number;
  sessions: number;
  searchTokens: number;
  importErrors: number;
  auditRows: number;
}

const emptyPurge: PurgeCounts = { loginAttempts: 0, sessions: 0, searchTokens: 0, importErrors: 0, auditRows: 0 };

export interface RetentionReport {
  before: Date;
  dueDossiers: number;
  heldDossiers: number;
  anonymised: number;
  purge: PurgeCounts;
}

/** What the purge would delete (dry run) or deletes (apply), per kind. */
async function purge(apply: boolean, now: Date, actor: Actor | null): Promise<PurgeCounts> {
  const attempts = cutoff(securityRetention.loginAttempts, now);
  const sessions = cutoff(securityRetention.sessions, now);
  const tokens = cutoff(securityRetention.searchTokens, now);
  const imports = cutoff(securityRetention.importErrors, now);
  const groups = auditTermsByCutoff(now);
  const listed = Object.keys(auditRetention);
  // an ended session counts from its end, a forgotten one from its last request
  const sessionWhere = Prisma.sql`coalesce(ended_at, last_seen_at) < ${sessions}`;
  if (!apply) {
    const [c] = await db.$queryRaw<Record<keyof PurgeCounts, bigint>[]>(Prisma.sql`SELECT
      (SELECT count(*) FROM login_attempt WHERE at < ${attempts}) AS "loginAttempts",
      (SELECT count(*) FROM user_session WHERE ${sessionWhere}) AS sessions,
      (SELECT count(*) FROM search_token WHERE created_at < ${tokens}) AS "searchTokens",
      (SELECT count(*) FROM import_run WHERE errors IS NOT NULL AND started_at < ${imports}) AS "importErrors",
      (SELECT count(*) FROM audit_log WHERE ${Prisma.join(
        groups.map((g) =>
          g.others
            ? Prisma.sql`(at < ${g.cutoff} AND (action = ANY(${g.actions}::text[]) OR action <> ALL(${listed}::text[])))`
            : Prisma.sql`(at < ${g.cutoff} AND action = ANY(${g.actions}::text[]))`,
        ),
        " OR ",
      )}) AS "auditRows"`);
    return Object.fromEntries(Object.entries(c!).map(([k, v]) => [k, Number(v)])) as unknown as PurgeCounts;
  }
  return db.$transaction(async (tx) => {
    const counts: PurgeCounts = {
      loginAttempts: await tx.$executeRaw(Prisma.sql`DELETE FROM login_attempt WHERE at < ${attempts}`),
      sessions: await tx.$executeRaw(Prisma.sql`DELETE FROM user_session WHERE ${sessionWhere}`),
      searchTokens: await tx.$executeRaw(Prisma.sql`DELETE FROM search_token WHERE created_at < ${tokens}`),
      importErrors: await tx.$executeRaw(Prisma.sql`UPDATE import_run SET errors = NULL WHERE errors IS NOT NULL AND started_at < ${imports}`),
      auditRows: 0,
    };
    for (const g of groups) {
      const [r] = await tx.$queryRaw<{ n: bigint }[]>(
        Prisma.sql`SELECT retention_purge_audit(${g.actions}::text[], ${g.others ? listed : null}::text[], ${g.cutoff}::timestamptz) AS n`,
      );
      counts.auditRows += Number(r!.n);
    }
    await recordAudit(tx, actor, {
      action: "retention.purge",
      entityType: "retention",
      after: { rule: "purge", ...counts },
      ...(actor ? {} : { subject: { userEmail: "npm run retention", ip: null } }),
    });
    return counts;
  });
}

export async function runRetention(actor: Actor | null, options: RetentionOptions): Promise<RetentionReport> {
  const now = options.now ?? new Date();
  const before = dueBefore(now, options.before);
  const size = options.batchSize ?? 500;
  const agency = options.agency ?? null;
  const first = await countDue(db, before, agency);
  let anonymised = 0;
  if (options.apply) {
    const work = await dueIds(db, before, agency);
    for (let i = 0; i < work.length; i += size) {
      const n = await db.$transaction(
        async (tx) => (await anonymiseLocked(tx, actor, await lockDue(tx, work.slice(i, i + size), before), "closedDossier")).newcomers,
        { timeout: 600_000, maxWait: 60_000 },
      );
      anonymised += n;
      options.onBatch?.(anonymised);
    }
    if (anonymised > 0) await refreshStatistics();
  }
  return {
    before,
    dueDossiers: first.total,
    heldDossiers: first.held,
    anonymised,
    purge: options.purge === false ? emptyPurge : await purge(options.apply, now, actor),
  };
}
