import "server-only";
// The dossier import engine: validate the whole file, then write everything in one transaction
// or nothing. Used by `npm run import`, the upload page (/beheer/import) and the demo loader.
//
// Speed (≥ 20,000 newcomers/s on 2 cores): newcomers not yet in the database — all of them on a
// first import — go straight into their tables with COPY (ids made here, so events and decisions
// need no round trip); only events of newcomers that already exist pass through a staging table,
// where SQL drops the ones already recorded. That keeps a first import close to the plain-COPY
// floor (bench/import.bench.ts) and makes a second import of the same file change no row.
//
// Lives under lib/server (server-only): the scripts run with `tsx --conditions=react-server`,
// under which the server-only package resolves to an empty module.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import type { LineError, ResolvedNewcomer } from "@/lib/domain/exchange/validate-line";
import { maskNationalNumbersInText } from "@/lib/domain/national-number";
import { renderMessage } from "@/lib/i18n/message";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/messages";
import { firstOfTypeFlags } from "@/lib/domain/track/first-of-type";
import { vacuumBulkLoaded, withBulkLoad } from "./bulk-load";
import { copyIn } from "./copy-text";
import { chunked, decisionRow, DECISION_COPY, EVENT_COLUMNS, EVENT_COPY, eventRow, NEWCOMER_COPY, newcomerRow } from "./copy-rows";
import { loadReferenceCodes } from "./reference-codes";
import { numberMark } from "@/lib/server/retention/number-mark";
import { validateExchangeBytes } from "./validate-file";

/** A line error told in one language (what the command line prints, what importExchangeFile returns). */
export interface LineErrorText {
  line: number;
  field: string;
  reason: string;
}

// warnings: steps out of the usual order (issue 14), per line; the import went ahead with them
type Outcome<E> =
  | {
      ok: true;
      newcomers: number;
      events: number;
      seconds: number;
      warnings: E[];
      /** new persons whose national number belonged to an anonymised dossier (issue 15, lib/server/retention/number-mark.ts) */
      previouslyAnonymised?: number;
    }
  | { ok: false; errors: E[] };
/** The errors as messages (keys + parameters), for a caller that shows them in its reader's language. */
export type ImportOutcome = Outcome<LineError>;
export type ImportResult = Outcome<LineErrorText>;

export interface ImportOptions {
  databaseUrl: string;
  filePath: string;
  onProgress?: (done: number, total: number) => void;
  /** phase changes, for the ImportRun row of the upload page */
  onPhase?: (phase: "VALIDATING" | "IMPORTING", total: number) => void;
  /** who imports, for the audit trail (null: the command line) */
  auditUser?: { userId: string; email: string; ip: string | null } | null;
  fileName?: string;
  /** the language of the errors importExchangeFile returns (Dutch by default) */
  locale?: Locale;
}

/** The function the demo loader and the command line call: errors as text in `opts.locale`. */
export async function importExchangeFile(opts: ImportOptions): Promise<ImportResult> {
  const result = await importExchange(opts);
  const locale = opts.locale ?? DEFAULT_LOCALE;
  const told = (e: LineError) => ({ line: e.line, field: e.field, reason: renderMessage(e.reason, locale) });
  if (result.ok) return { ...result, warnings: result.warnings.map(told) };
  return { ok: false, errors: result.errors.map(told) };
}

/** The import with its errors as messages (the upload page stores them and shows them in the viewer's language). */
export async function importExchange(opts: ImportOptions): Promise<ImportOutcome> {
  const started = performance.now();
  const client = new pg.Client({ connectionString: opts.databaseUrl });
  await client.connect();
  try {
    const refs = await loadReferenceCodes(client);
    // bytes, not "utf8": Node's decoder would turn invalid UTF-8 into U+FFFD without a word
    const bytes = fs.readFileSync(opts.filePath);
    opts.onPhase?.("VALIDATING", 0);
    const file = validateExchangeBytes(bytes, refs, opts.onProgress);
    if (file.errors.length > 0) return { ok: false, errors: file.errors };
    opts.onPhase?.("IMPORTING", file.total);
    const { mode, ...written } = await writeAll(client, file.newcomers, file.total, opts);
    // after the commit (VACUUM runs outside a transaction): what the load wrote, ready to be read
    if (mode === "bulk-rebuilding-indexes") await vacuumBulkLoaded(client);
    return { ok: true, ...written, seconds: (performance.now() - started) / 1000, warnings: file.warnings };
  } finally {
    await client.end();
  }
}

async function writeAll(client: pg.Client, newcomers: ResolvedNewcomer[], total: number, opts: ImportOptions) {
  await client.query("BEGIN");
  try {
    // one import at a time: two imports of overlapping files must not both see a newcomer as new
    await client.query("SELECT pg_advisory_xact_lock(hashtext('exchange.import'))");
    // let the trigram index collect new entries in its pending list during the bulk load
    await client.query("SET LOCAL gin_pending_list_limit = '64MB'");
    // one all-or-nothing transaction: not waiting for the WAL flush of its commit risks only the
    // whole import (reported as done a moment before a crash), never a part of it
    await client.query("SET LOCAL synchronous_commit = off");
    const existing = await existingIds(client, newcomers);
    const fresh: ResolvedNewcomer[] = [];
    const known: { n: ResolvedNewcomer; id: string }[] = [];
    for (const n of newcomers) {
      const id = existing.get(n.nationalNumber);
      if (id === undefined) fresh.push(n);
      else known.push({ n, id });
    }
    const previouslyAnonymised = await countPreviouslyAnonymised(client, fresh);
    const now = new Date().toISOString();
    const ids = fresh.map(() => crypto.randomUUID());
    const progress = (done: number) => opts.onProgress?.(known.length + done, total);

    let freshEvents = 0;
    const { result: knownEvents, mode } = await withBulkLoad(
      client,
      ["newcomer", "track_event", "infringement_decision"],
      fresh.length,
      async (mode) => {
        const bulk = mode !== "rows";
        if (bulk) await setBulkLoad(client, "on");
        await copyIn(
          client,
          NEWCOMER_COPY,
          chunked(fresh.length, (i) => newcomerRow(fresh[i]!, ids[i]!, now)),
        );
        const eventIds: string[][] = [];
        // New newcomers have no earlier events, so the first-of-type marker written in the COPY is
        // exact; in a bulk load the marker's trigger (which would only confirm it) is skipped.
        if (bulk) await setBulkLoad(client, "fresh-events");
        await copyIn(
          client,
          EVENT_COPY,
          chunked(
            fresh.length,
            (i) => {
              const n = fresh[i]!;
              const evIds = n.events.map(() => crypto.randomUUID());
              const firsts = firstOfTypeFlags(n.events, evIds);
              let rows = "";
              n.events.forEach((e, j) => {
                rows += eventRow(e, evIds[j]!, ids[i]!, n.gender, now, firsts[j]!);
              });
              eventIds.push(evIds);
              freshEvents += n.events.length;
              return rows;
            },
            progress,
          ),
        );
        if (bulk) await setBulkLoad(client, "on");
        await copyIn(
          client,
          DECISION_COPY,
          chunked(fresh.length, (i) => {
            let rows = "";
            fresh[i]!.events.forEach((e, j) => {
              if (e.decision) rows += decisionRow(e, eventIds[i]![j]!, now);
            });
            return rows;
          }),
        );
        return known.length > 0 ? await addEventsOfKnownNewcomers(client, known, now) : 0;
      },
      async (mode) => {
        if (mode === "rows") return; // the report triggers kept the report tables up to date
        await setBulkLoad(client, "off");
        if (mode === "bulk-rebuilding-indexes") await client.query("SELECT report_rebuild()");
        else await client.query("SELECT report_refresh($1::uuid[])", [[...ids, ...known.map((k) => k.id)]]);
        // the track state kept on newcomer (prisma/sql/reports/80-track-state.sql): its triggers were skipped too
        if (mode === "bulk-rebuilding-indexes") await client.query("SELECT newcomer_track_state_rebuild()");
        else await client.query("SELECT newcomer_track_state_refresh($1::uuid[])", [[...ids, ...known.map((k) => k.id)]]);
        // the planner's statistics of what was loaded (prisma/sql/reports/70-bulk-load.sql), before anyone searches it
        if (mode === "bulk-rebuilding-indexes") await client.query("SELECT bulk_load_analyze()");
      },
    );
    opts.onProgress?.(total, total);
    await client.query(
      `INSERT INTO audit_log (user_id, user_email, ip, action, entity_type, entity_id, after, reason)
       VALUES ($1, $2, $3, 'exchange.import', 'exchange', $4, $5, $6)`,
      [
        opts.auditUser?.userId ?? null,
        opts.auditUser?.email ?? null,
        opts.auditUser?.ip ?? null,
        maskNationalNumbersInText(opts.fileName ?? path.basename(opts.filePath)),
        JSON.stringify({ lines: total, newcomers: fresh.length, events: freshEvents + knownEvents, previouslyAnonymised }),
        opts.auditUser ? null : "opdrachtregel (npm run import)",
      ],
    );
    await client.query("COMMIT");
    return { newcomers: fresh.length, events: freshEvents + knownEvents, previouslyAnonymised, mode };
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    throw e;
  }
}

/**
 * The report tables (report_fact, report_count) are derived by statement-level triggers. In a
 * bulk load they do not fire (their WHEN condition reads this transaction-local setting) and the
 * tables are derived once afterwards, when the indexes they read are back: from scratch when the
 * load rebuilt the indexes (a large share of the data is new), else for the imported newcomers
 * only. "fresh-events" also skips the first-of-type marker's insert trigger while the events of
 * new newcomers are copied (their marker is exact already). SET LOCAL ends with the transaction,
 * and needs no ownership (the app's role owns no table; ALTER TABLE … DISABLE TRIGGER would).
 */
async function setBulkLoad(client: pg.Client, value: "on" | "fresh-events" | "off") {
  await client.query("SELECT set_config('inburgering.bulk_load', $1, true)", [value]);
}

/**
 * How many of the new persons carry a national number whose dossier was anonymised: they become new
 * persons (the anonymised dossier keeps no number to match), and the import says so. Only the keyed
 * marks are compared; nothing links a mark to the anonymised dossier.
 */
async function countPreviouslyAnonymised(client: pg.Client, fresh: ResolvedNewcomer[]): Promise<number> {
  if (fresh.length === 0) return 0;
  const any = await client.query<{ e: boolean }>("SELECT EXISTS (SELECT 1 FROM anonymised_number) AS e");
  if (!any.rows[0]!.e) return 0;
  const marks = fresh.map((n) => numberMark(n.nationalNumber)).filter((m): m is string => m !== null);
  if (marks.length === 0) return 0;
  const r = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM anonymised_number WHERE mark = ANY($1::text[])", [marks]);
  return r.rows[0]!.n;
}

async function existingIds(client: pg.Client, newcomers: ResolvedNewcomer[]): Promise<Map<string, string>> {
  // a merged dossier's other number (newcomer_alias, issue 14) is the dossier it was merged into
  const r = await client.query<{ national_number: string; id: string }>(
    `SELECT national_number, id FROM newcomer WHERE national_number = ANY($1::text[])
     UNION ALL SELECT national_number, newcomer_id FROM newcomer_alias WHERE national_number = ANY($1::text[])`,
    [newcomers.map((n) => n.nationalNumber)],
  );
  return new Map(r.rows.map((row) => [row.national_number, row.id]));
}

/**
 * Events of newcomers already in the database: staged, then only those not yet recorded are
 * inserted. An event counts as recorded when the newcomer already has as many (non-cancelled)
 * events of that type, date and infringement type as the file lists up to it. The newcomer row
 * itself is left alone (its updated_at included), and so is an infringement already recorded:
 * a decision the file gives for it is not added (decisions on recorded dossiers are made and
 * corrected on /boetes, with their history).
 */
async function addEventsOfKnownNewcomers(client: pg.Client, known: { n: ResolvedNewcomer; id: string }[], now: string): Promise<number> {
  await client.query(
    `CREATE TEMP TABLE exchange_stage_event (ord int, ${EVENT_COLUMNS.split(",")
      .map((c) => `${c.trim()} text`)
      .join(", ")}, decision_outcome text, decided_on text, amount_eur int) ON COMMIT DROP`,
  );
  await copyIn(
    client,
    `COPY exchange_stage_event (ord, ${EVENT_COLUMNS}, decision_outcome, decided_on, amount_eur) FROM STDIN`,
    chunked(known.length, (i) => {
      const { n, id } = known[i]!;
      let rows = "";
      n.events.forEach((e, j) => {
        // the marker is left to the trigger here: it depends on the events already recorded
        const row = eventRow(e, crypto.randomUUID(), id, n.gender, now, false);
        const d = e.decision;
        rows += `${j}\t${row.slice(0, -1)}\t${d ? d.outcome : "\\N"}\t${d ? d.date : "\\N"}\t${d?.amountEur ?? "\\N"}\n`;
      });
      return rows;
    }),
  );
  const inserted = await client.query<{ id: string }>(`
    WITH numbered AS (
      SELECT s.*, row_number() OVER (PARTITION BY newcomer_id, type, date, infringement_type ORDER BY ord) AS nth
      FROM exchange_stage_event s),
    have AS (
      SELECT newcomer_id, type, date, infringement_type, count(*) AS c FROM track_event
      WHERE cancelled_at IS NULL AND newcomer_id IN (SELECT newcomer_id::uuid FROM exchange_stage_event)
      GROUP BY 1, 2, 3, 4)
    INSERT INTO track_event (${EVENT_COLUMNS})
    SELECT n.id::uuid, n.newcomer_id::uuid, n.type::"EventType", n.date::date, n.office_code, n.agency_code, n.nationality_code,
      n.nationality_group::"NationalityGroup", n.residence_status_code, n.target_group::"TargetGroup", n.gender::"Gender",
      n.infringement_type::"InfringementType", n.contract_signed::boolean, n.attestation_obtained::boolean,
      n.dvz_follow_up::"DvzFollowUp", n.updated_at::timestamptz, n.is_first_of_type::boolean
    FROM numbered n
    LEFT JOIN have h ON h.newcomer_id = n.newcomer_id::uuid AND h.type = n.type::"EventType" AND h.date = n.date::date
      AND h.infringement_type IS NOT DISTINCT FROM n.infringement_type::"InfringementType"
    WHERE n.nth > coalesce(h.c, 0)
    RETURNING id`);
  if (inserted.rowCount) {
    await client.query(
      `
      INSERT INTO infringement_decision (event_id, outcome, decided_on, amount_eur, status, payment_status, updated_at)
      SELECT s.id::uuid, s.decision_outcome::"DecisionOutcome", s.decided_on::date, s.amount_eur, 'FINAL',
        CASE WHEN s.decision_outcome = 'BOETE' THEN 'OPEN'::"PaymentStatus" END, s.updated_at::timestamptz
      FROM exchange_stage_event s WHERE s.decision_outcome IS NOT NULL AND s.id::uuid = ANY($1::uuid[])`,
      [inserted.rows.map((r) => r.id)],
    );
  }
  return inserted.rowCount ?? 0;
}
