import "server-only";
// Anonymises dossiers (issue 15), one batch in one transaction: every personal column of
// lib/domain/retention/personal-data.ts replaced, the person's audit rows redacted (the dossier
// history shows old values), their search tokens and name words gone, a keyed mark of the number kept for the
// import, and the anonymisation audited (who, when, which rule, how many records). The newcomer's
// id stays: it is a random UUID and becomes the pseudonymous id the events, report facts and audit
// rows keep pointing at. No classification column changes, so the report triggers re-derive
// nothing (they compare the fact columns only) and every report and publication keeps its figures.
import { ANONYMISED_MARKER, personalAuditKeys, personalData, type Replacement, type RowKey } from "@/lib/domain/retention/personal-data";
import type { RetentionRule } from "@/lib/domain/retention/rules";
import { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/server/audit/audit";
import type { Actor } from "@/lib/server/auth/actor";
import type { Tx } from "@/lib/server/kit/tx";
import { db } from "@/lib/server/db";
import { numberMark } from "./number-mark";

/**
 * The tables and columns of personal-data.ts as SQL identifiers written in the code (no raw SQL
 * built from strings); a name the list gains without one here fails at once, not silently.
 */
const IDENTIFIERS: Record<string, Prisma.Sql> = {
  newcomer: Prisma.sql`"newcomer"`,
  track_event: Prisma.sql`"track_event"`,
  infringement_decision: Prisma.sql`"infringement_decision"`,
  newcomer_alias: Prisma.sql`"newcomer_alias"`,
  legal_hold: Prisma.sql`"legal_hold"`,
  reason: Prisma.sql`"reason"`,
  removal_reason: Prisma.sql`"removal_reason"`,
  national_number: Prisma.sql`"national_number"`,
  last_name: Prisma.sql`"last_name"`,
  first_name: Prisma.sql`"first_name"`,
  search_name: Prisma.sql`"search_name"`,
  birth_date: Prisma.sql`"birth_date"`,
  street: Prisma.sql`"street"`,
  postal_code: Prisma.sql`"postal_code"`,
  city: Prisma.sql`"city"`,
  house_number: Prisma.sql`"house_number"`,
  box_number: Prisma.sql`"box_number"`,
  country_code: Prisma.sql`"country_code"`,
  phone_number: Prisma.sql`"phone_number"`,
  email_address: Prisma.sql`"email_address"`,
  contact_language: Prisma.sql`"contact_language"`,
  note: Prisma.sql`"note"`,
  cancel_reason: Prisma.sql`"cancel_reason"`,
  motivation: Prisma.sql`"motivation"`,
  correction_reason: Prisma.sql`"correction_reason"`,
};
const ident = (name: string): Prisma.Sql => {
  const sql = IDENTIFIERS[name];
  if (!sql) throw new Error(`retention: no SQL identifier for ${name} (lib/server/retention/anonymise.ts)`);
  return sql;
};

const replacement = (column: string, r: Replacement): Prisma.Sql => {
  const col = ident(column);
  switch (r) {
    case "pseudonym":
      return Prisma.sql`"pseudonym"`;
    case "searchPseudonym":
      return Prisma.sql`lower("pseudonym")`;
    case "empty":
      return Prisma.sql`''`;
    case "null":
      return Prisma.sql`NULL`;
    case "marker":
      return Prisma.sql`CASE WHEN ${col} IS NULL THEN NULL ELSE ${ANONYMISED_MARKER} END`;
    case "anonymousNumber":
      return Prisma.sql`'X' || lpad(nextval('newcomer_anonymous_number_seq')::text, 10, '0')`;
    case "yearOnly":
      return Prisma.sql`make_date(extract(year FROM ${col})::int, 1, 1)`;
  }
};

const rowsOf = (key: RowKey, ids: string[]): Prisma.Sql => {
  switch (key) {
    case "newcomer":
      return Prisma.sql`"id" = ANY(${ids}::uuid[])`;
    case "event":
    case "ofNewcomer":
      return Prisma.sql`"newcomer_id" = ANY(${ids}::uuid[])`;
    case "decision":
      return Prisma.sql`"event_id" IN (SELECT e.id FROM track_event e WHERE e.newcomer_id = ANY(${ids}::uuid[]))`;
    case "alias":
      return Prisma.sql`"newcomer_id" = ANY(${ids}::uuid[]) AND "national_number" NOT LIKE 'X%'`;
  }
};

/**
 * Only the rows that hold something to remove (most events carry no note): an UPDATE of the others
 * would change nothing and still cost a row version and the report triggers' comparison.
 */
const holdsSomething = (columns: Record<string, Replacement>): Prisma.Sql => {
  const parts = Object.entries(columns).map(([c, r]) => {
    const col = ident(c);
    if (r === "empty") return Prisma.sql`${col} <> ''`;
    if (r === "marker") return Prisma.sql`(${col} IS NOT NULL AND ${col} <> ${ANONYMISED_MARKER})`;
    return Prisma.sql`${col} IS NOT NULL`;
  });
  return Prisma.sql`(${Prisma.join(parts, " OR ")})`;
};

export interface AnonymiseOutcome {
  newcomers: number;
  /** rows changed per table, and the audit rows redacted */
  records: Record<string, number>;
}

/**
 * Anonymises `ids` (already locked and checked free of holds by the caller, in `tx`). Idempotent:
 * a newcomer already anonymised is skipped, so a batch run twice changes nothing the second time.
 */
export async function anonymiseLocked(tx: Tx, actor: Actor | null, ids: string[], rule: RetentionRule | "admin"): Promise<AnonymiseOutcome> {
  const records: Record<string, number> = {};
  if (ids.length === 0) return { newcomers: 0, records };
  const numbers = await tx.$queryRaw<{ id: string; national_number: string }[]>(
    Prisma.sql`SELECT id, national_number FROM newcomer WHERE id = ANY(${ids}::uuid[]) AND anonymised_at IS NULL`,
  );
  const todo = numbers.map((r) => r.id);
  if (todo.length === 0) return { newcomers: 0, records };
  // the aliases' numbers (a merged dossier's BIS number) are marked like the newcomer's own
  const aliases = await tx.$queryRaw<{ national_number: string }[]>(
    Prisma.sql`SELECT national_number FROM newcomer_alias WHERE newcomer_id = ANY(${todo}::uuid[]) AND national_number NOT LIKE 'X%'`,
  );
  const marks = [...numbers, ...aliases].map((r) => numberMark(r.national_number)).filter((m): m is string => m !== null);
  if (marks.length > 0) {
    await tx.$executeRaw(Prisma.sql`INSERT INTO anonymised_number (mark) SELECT unnest(${marks}::text[]) ON CONFLICT DO NOTHING`);
  }
  // the pseudonym first: the newcomer's own columns below are set from it. 12 hex digits of a
  // random UUID (48 bits): a collision among millions is unlikely, and would only fail this batch
  // (unique index), which the next run repeats with new random values.
  await tx.$executeRaw(Prisma.sql`
    UPDATE newcomer SET pseudonym = 'P-' || upper(substr(replace(gen_random_uuid()::text, '-', ''), 1, 12)),
                        anonymised_at = now(), version = version + 1, updated_at = now()
     WHERE id = ANY(${todo}::uuid[])`);
  for (const t of personalData) {
    const sets = Prisma.join(
      Object.entries(t.columns).map(([c, r]) => Prisma.sql`${ident(c)} = ${replacement(c, r)}`),
      ", ",
    );
    const only = t.key === "newcomer" ? Prisma.empty : Prisma.sql` AND ${holdsSomething(t.columns)}`;
    records[t.table] = await tx.$executeRaw(Prisma.sql`UPDATE ${ident(t.table)} SET ${sets} WHERE ${rowsOf(t.key, todo)}${only}`);
  }
  // the name's words went with the new search name (prisma/sql/reports/90-name-words.sql); a word
  // no other newcomer has would stay in the search dictionary without this
  const [purged] = await tx.$queryRaw<{ n: number }[]>(Prisma.sql`SELECT name_word_purge() AS n`);
  records.name_word = Number(purged!.n);
  // a search by national number is kept server-side (search_token): any kept query whose digits are
  // a part of one of these numbers goes (at least 6 digits: a shorter one says nothing of a person)
  const plain = numbers.map((r) => r.national_number);
  records.search_token = await tx.$executeRaw(Prisma.sql`
    DELETE FROM search_token t WHERE length(regexp_replace(t.query, '\\D', '', 'g')) >= 6
       AND EXISTS (SELECT 1 FROM unnest(${plain}::text[]) nn WHERE strpos(nn, regexp_replace(t.query, '\\D', '', 'g')) > 0)`);
  const [redacted] = await tx.$queryRaw<{ n: bigint }[]>(
    Prisma.sql`SELECT retention_redact_audit(${todo}::uuid[], ${[...personalAuditKeys]}::text[], ${ANONYMISED_MARKER}) AS n`,
  );
  records.audit_log = Number(redacted!.n);
  await recordAudit(tx, actor, {
    action: "retention.anonymise",
    entityType: "retention",
    after: { rule, count: todo.length, records, newcomerIds: todo, marks: marks.length },
    ...(actor ? {} : { subject: { userEmail: "npm run retention", ip: null } }),
  });
  return { newcomers: todo.length, records };
}

/**
 * ANALYZE of the tables anonymisation changes (migration 20261202200200), after the commit: the
 * planner statistics (pg_stats' most common values and histogram bounds) hold copies of column
 * values, and would otherwise keep the removed names and numbers until autovacuum's next ANALYZE
 * (tests/integration/retention-dump.test.ts). A process killed before it leaves them until then.
 */
export async function refreshStatistics(): Promise<void> {
  await db.$executeRaw(Prisma.sql`SELECT retention_refresh_statistics()`);
}
