// Publication benchmark (see bench/README.md, "Publicaties", issue 13).
//   npx tsx --conditions=react-server bench/publications.bench.ts [--newcomers N] [--runs 7] [--changes 0.01] [--data DIR]
// A fresh embedded PostgreSQL with N synthetic newcomers (default 1 500 000, ~10× Flanders)
// loaded the bulk way (as reports.bench.ts), then an instant T, then later records: a share of the
// events corrected (date moved), cancelled, and new newcomers — so the knowledge history after T
// is what a few months of work leave. Measured, interleaved (floor and case alternate, median of
// RUNS ≥ 7), against the same reports as of now:
//   - the whole answer (Tables 1–18) recomputed as recorded on T (runReport with recordedOn);
//   - its diff against now: the reports as recorded on T plus the changes of value and the reasons
//     of one statement (change-reasons.ts, now-from-changes.ts), checked against the answer now; and
//     the same by recomputing the answer now beside the reasons (no stored reports);
//   - publishing the full answer for publication (publishReport: reports, disclosure control, store,
//     audit), the first one and one with an earlier publication to stay consistent with (time).
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { answerSpecs } from "@/lib/domain/reports/publication/spec";
import { buildReasonsQuery, type ReasonRow } from "@/lib/domain/reports/publication/change-reasons";
import { CURRENT_LABELS_SQL, currentLabels, reportsNow } from "@/lib/domain/reports/publication/now-from-changes";
import { runReport } from "@/lib/domain/reports/run-report";
import { startBenchServer } from "./support/fresh-server";
import { loadRecords } from "./support/report-load";
import { syntheticRecords } from "./support/report-synthetic";

const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const NEWCOMERS = Number(arg("newcomers") ?? 1_500_000);
const RUNS = Math.max(7, Number(arg("runs") ?? 7));
const CHANGES = Number(arg("changes") ?? 0.01);
/** --data DIR: keep the loaded database (and T) between runs; a 10× load and its history take many minutes */
const KEEP = arg("data") ? path.resolve(arg("data")!) : undefined;
const PERIOD = { from: 2019, to: 2022, asOf: "2023-01-15" };

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)]!;
/** median and the spread (min–max) of a series, in ms */
const stat = (xs: number[]) => `${median(xs).toFixed(0)} ms (${sorted(xs)[0]!.toFixed(0)}–${sorted(xs).at(-1)!.toFixed(0)})`;
async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}
interface Series {
  floor: number[];
  subject: number[];
  /** the first call of each in this process (cold: the connections, plans and pages still to be made) */
  cold: { floor: number; subject: number };
}
/** floor and case alternately (a busy moment of the shared machine hits both), after one (cold) call each. */
async function interleaved(floor: () => Promise<unknown>, subject: () => Promise<unknown>): Promise<Series> {
  const cold = { floor: await time(floor), subject: await time(subject) };
  const f: number[] = [];
  const s: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    f.push(await time(floor));
    s.push(await time(subject));
  }
  return { floor: f, subject: s, cold };
}
function print(what: string, r: Series) {
  // the ratio of the medians, and per run (floor and case measured side by side): its spread
  const ratios = r.subject.map((x, i) => x / r.floor[i]!);
  console.log(
    `  ${what}: ${stat(r.subject)} tegen nu ${stat(r.floor)}; verhouding ${(median(r.subject) / median(r.floor)).toFixed(2)} ` +
      `(per ronde ${sorted(ratios)[0]!.toFixed(2)}–${sorted(ratios).at(-1)!.toFixed(2)}; eis ≤ 2); ` +
      `koud ${r.cold.subject.toFixed(0)} ms tegen ${r.cold.floor.toFixed(0)} ms`,
  );
}

/** The bulk load and the history after T, once per database (--data keeps it); returns T. */
async function populate(client: pg.PoolClient): Promise<string> {
  const kept = await client
    .query<{ t: Date; newcomers: number; events: number }>("SELECT t, newcomers, events FROM bench_meta WHERE newcomers = $1 AND changes = $2", [
      NEWCOMERS,
      CHANGES,
    ])
    .catch(() => null);
  if (kept?.rows[0]) {
    console.log(`Bewaarde databank: ${kept.rows[0].newcomers} inburgeraars, ${kept.rows[0].events} gebeurtenissen`);
    // the publications of an earlier run would be earlier publications of this one: the bench's own database, as its owner
    await client.query("SET session_replication_role = replica");
    await client.query("DELETE FROM publication");
    await client.query("RESET session_replication_role");
    return kept.rows[0].t.toISOString();
  }
  const exists = await client.query("SELECT 1 FROM newcomer LIMIT 1");
  if (exists.rowCount) throw new Error(`De databank in ${KEEP} heeft andere gegevens (ander --newcomers / --changes): kies een andere --data.`);
  console.log(`Laden: ${NEWCOMERS} synthetische inburgeraars …`);
  // bulk path as reports.bench.ts: triggers and indexes off during the COPY, report_rebuild() once
  const indexes = (
    await client.query<{ name: string; def: string }>(
      `SELECT indexname AS name, indexdef AS def FROM pg_indexes
        WHERE schemaname = 'public' AND tablename IN ('track_event', 'newcomer', 'infringement_decision') AND indexname NOT LIKE '%_pkey'`,
    )
  ).rows;
  for (const ix of indexes) await client.query(`DROP INDEX "${ix.name}"`);
  await client.query("SET session_replication_role = replica");
  const loaded = await loadRecords(client, syntheticRecords(NEWCOMERS), 100_000, (s) => console.log(s), true);
  await client.query("RESET session_replication_role");
  for (const ix of indexes) await client.query(ix.def);
  await client.query("SET maintenance_work_mem = '256MB'");
  const rebuild = await time(() => client.query("SELECT report_rebuild()"));
  await client.query("VACUUM ANALYZE");
  console.log(`Geladen: ${loaded.newcomers} inburgeraars, ${loaded.events} gebeurtenissen (report_rebuild ${(rebuild / 1000).toFixed(0)} s)`);

  // T, then what came later: corrections, cancellations (through the triggers)
  const T = (await client.query<{ t: Date }>("SELECT clock_timestamp() AS t")).rows[0]!.t.toISOString();
  const share = Math.round(loaded.events * CHANGES);
  const later = await time(async () => {
    await client.query(
      `UPDATE track_event SET date = date + 20, updated_at = now()
        WHERE id IN (SELECT id FROM track_event WHERE cancelled_at IS NULL AND date < '2022-12-01' ORDER BY md5(id::text) LIMIT $1)`,
      [share],
    );
    await client.query(
      `UPDATE track_event SET cancelled_at = now(), cancel_reason = 'bench', updated_at = now()
        WHERE id IN (SELECT id FROM track_event WHERE cancelled_at IS NULL AND type <> 'EXTRACTION' ORDER BY md5(id::text || 'c') LIMIT $1)`,
      [Math.round(share / 2)],
    );
  });
  await client.query("VACUUM ANALYZE");
  console.log(`Na T: ${share} correcties en ${Math.round(share / 2)} annuleringen in ${(later / 1000).toFixed(1)} s`);
  await client.query("CREATE TABLE bench_meta (t timestamptz, newcomers int, events int, changes float8)");
  await client.query("INSERT INTO bench_meta VALUES ($1, $2, $3, $4)", [T, loaded.newcomers, loaded.events, CHANGES]);
  return T;
}

async function main() {
  console.log(
    `Belasting bij de start: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
  const server = await startBenchServer(KEEP);
  try {
    const url = await server.database("bench_publications");
    const pool = new pg.Pool({ connectionString: url, max: 4 });
    const client = await pool.connect();
    const T = await populate(client);
    const history = await client.query(`SELECT count(*) FILTER (WHERE recorded_to IS NOT NULL) AS closed, count(*) AS facts FROM report_fact`);
    console.log(`report_fact ${history.rows[0].facts} versies, waarvan ${history.rows[0].closed} afgesloten`);
    client.release();

    const specs = answerSpecs(PERIOD.from, PERIOD.to);
    const answer = (recordedOn?: string) => Promise.all(specs.map((s) => runReport(pool, { ...s, asOf: PERIOD.asOf, ...(recordedOn ? { recordedOn } : {}) })));
    const reasons = buildReasonsQuery({ specs, asOf: PERIOD.asOf, agency: null, since: T, until: null })!;
    // the diff as diffPublication computes it against now: the publication's stored reports (as
    // recorded on T, what publishing at T stored) plus the cells' changes of value the reasons
    // statement returns beside the reasons (now-from-changes.ts), with the labels as now; checked
    // in the run against the answer now
    const storedAtT = (await answer(T)).map(({ recordedOn: _, ...r }) => r);
    const diff = async () => {
      const [r, labels] = await Promise.all([pool.query<ReasonRow>(reasons.text, reasons.values), pool.query(CURRENT_LABELS_SQL)]);
      return reportsNow(specs, storedAtT, r.rows, currentLabels(labels.rows), PERIOD.asOf);
    };
    const same = JSON.stringify(await diff()) === JSON.stringify(await answer());
    console.log(`  de cijfers nu uit die van T plus de wijzigingen: ${same ? "gelijk aan het antwoord nu" : "VERSCHILLEN van het antwoord nu"}`);
    if (!same) throw new Error("de cijfers nu uit de wijzigingen verschillen van het antwoord nu");
    // the diff by recomputing (a publication without stored reports, or after a rule changed)
    const diffByRecomputing = () => Promise.all([pool.query(reasons.text, reasons.values), answer()]);

    console.log(`\nHet hele antwoord (${specs.length} rapporten), mediaan van ${RUNS} (spreiding), afgewisseld met hetzelfde antwoord zoals nu:`);
    print(
      "zoals geregistreerd op T",
      await interleaved(
        () => answer(),
        () => answer(T),
      ),
    );
    print("verschil met nu (cijfers van T + wijzigingen en redenen in één statement)", await interleaved(() => answer(), diff));
    print("verschil met nu door herberekenen (redenen + het antwoord nu ernaast)", await interleaved(() => answer(), diffByRecomputing));
    const reasonsAlone = await interleaved(
      () => answer(),
      () => pool.query(reasons.text, reasons.values),
    );
    console.log(`  waarvan het statement van de redenen alleen: ${stat(reasonsAlone.subject)}`);
    const reasonRows = (await pool.query(reasons.text, reasons.values)).rows.length;
    console.log(`  (redenen: ${reasonRows} cellen met een verklaring)`);
    console.log(
      `  belasting: ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(" ")}`,
    );

    // publishing, through the data layer as the app does it (Prisma on this database)
    process.env.DATABASE_URL = url;
    await pool.query(
      `INSERT INTO app_user (email, name, password_hash, role, updated_at) VALUES ('bench-publisher@test', 'Bench', 'x', 'ADMIN', now())
        ON CONFLICT (email) DO NOTHING`,
    );
    const { commandLineActor } = await import("../lib/server/reports/command-line-actor");
    const { publishReport } = await import("../lib/server/reports/publish");
    const actor = await commandLineActor("bench-publisher@test");
    const publish = (title: string) =>
      publishReport(actor, { title, questionNumber: 113, tables: "answer", ...PERIOD, status: "VOORLOPIG", forPublication: true });
    // The server loads the disclosure solver when it starts (instrumentation.ts), so the bench does
    // the same first, timed on its own. Then cold: the first publish in the process (Prisma's first
    // connection, its plans, the pattern not cached); then warm, each one consistent with every
    // publication before it (1, 2, … earlier ones)
    const { solver } = await import("../lib/domain/reports/disclosure/interval");
    const solverLoad = await time(() => solver());
    let firstId = "";
    const first = await time(async () => {
      firstId = (await publish("Bench eerste")).id;
    });
    const warm: number[] = [];
    for (let i = 0; i < RUNS; i++) warm.push(await time(() => publish(`Bench ${i + 2}`)));
    console.log(
      `\nPubliceren van het hele antwoord (voor publicatie, eis < 2000 ms; ` +
        `de oplosser vooraf geladen zoals bij de start van de server: ${solverLoad.toFixed(0)} ms): koud ${first.toFixed(0)} ms; ` +
        `daarna, consistent met 1–${RUNS} eerdere publicaties: ${stat(warm)} (in volgorde: ${warm.map((w) => w.toFixed(0)).join(", ")})`,
    );
    // the diff as the detail page and `npm run publication -- diff` compute it: the publication
    // recomputed now (its disclosure control with every publication so far) and the reasons
    const { diffPublication } = await import("../lib/server/reports/publications");
    const pageDiff = await interleaved(
      () => answer(),
      () => diffPublication(actor, firstId, "now"),
    );
    print("verschil met nu via de datalaag (diffPublication: cijfers nu voor publicatie + redenen)", pageDiff);
    const { computeFigures, computeReports } = await import("../lib/server/reports/publication-figures");
    const { earlierTables } = await import("../lib/server/reports/earlier-publications");
    // A publication taken at T, before the changes, as publishing at T would have stored it (the
    // answer as recorded on T, without disclosure control; inserted with taken_at T, the clock
    // cannot go back), so the data layer's diff against now meets every change since T
    const { contentHash } = await import("../lib/domain/reports/publication/figures");
    const { reportRulesFingerprint } = await import("../lib/domain/reports/publication/now-from-changes");
    const atTParams = { asOf: PERIOD.asOf, agency: null, forPublication: false, recordedOn: T };
    const reportsAtT = await computeReports(specs, atTParams);
    const figuresAtT = await computeFigures(specs, atTParams, undefined, [], reportsAtT);
    const params = { tables: specs, from: PERIOD.from, to: PERIOD.to, asOf: PERIOD.asOf, agency: null, forPublication: false };
    const atT = (
      await pool.query<{ id: string }>(
        `INSERT INTO publication (title, question_number, tables, year_from, year_to, as_of, taken_at, status, agency_code, published_by_id,
                for_publication, figures, content_hash, reports, reports_rules)
         VALUES ('Bench op T', 113, $1, $2, $3, $4, $5, 'VOORLOPIG', NULL, $6, false, $7, $8, $9, $10) RETURNING id`,
        [
          JSON.stringify(specs),
          PERIOD.from,
          PERIOD.to,
          PERIOD.asOf,
          T,
          actor.userId,
          JSON.stringify(figuresAtT),
          contentHash(params, figuresAtT),
          JSON.stringify(reportsAtT.map(({ recordedOn: _, ...r }) => r)),
          reportRulesFingerprint(specs, PERIOD.asOf, null),
        ],
      )
    ).rows[0]!.id;
    const diffAtT = await diffPublication(actor, atT, "now");
    console.log(`  (de publicatie op T tegen nu: ${diffAtT.tables.reduce((n, t) => n + t.changes.length, 0)} gewijzigde cellen)`);
    print(
      "verschil met nu via de datalaag van een publicatie op T (elke wijziging sinds T; niet voor publicatie)",
      await interleaved(
        () => answer(),
        () => diffPublication(actor, atT, "now"),
      ),
    );
    // and against the same figures "voor publicatie" now: the answer now with the disclosure
    // control of every publication so far (what showing the publication's tables now costs; the
    // diff does the same but takes the reports from the stored ones and the changes)
    const figureParams = { asOf: PERIOD.asOf, agency: null, forPublication: true };
    const figuresNow = async () => {
      const reports = await computeReports(specs, figureParams);
      const earlier = await earlierTables(specs, { from: PERIOD.from, to: PERIOD.to, agency: null, before: new Date(Date.now() + 1) }, undefined, {
        reports,
        recordedOn: null,
      });
      return computeFigures(specs, figureParams, undefined, earlier, reports);
    };
    print(
      "verschil met nu via de datalaag, tegen dezelfde cijfers voor publicatie nu (het antwoord nu met de geheimhouding van alle publicaties)",
      await interleaved(figuresNow, () => diffPublication(actor, firstId, "now")),
    );
    console.log(
      `  belasting: ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(" ")}`,
    );
    const { db, sqlPool } = await import("../lib/server/db");
    await db.$disconnect();
    // the data layer's own pg pool too: the server is stopped next, and an idle client would report it
    await sqlPool().end();
    await pool.end();
  } finally {
    await server.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
