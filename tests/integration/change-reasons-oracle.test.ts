// Issue 13: the reasons behind a diff's changed cells (change-reasons.ts pairs each record's version
// at T1 with its version at T2) equal the oracle's (tests/support/reasons-oracle.ts: the first,
// slow statement that sums every changed fact per record and cell), on records changed every way
// the diff explains: dates moved across a year and within one, a classification corrected,
// records cancelled, a decision taken after T1, a fine's amount changed, a late registration (the
// reach fact of the extraction changes), new newcomers, and a change undone before T2 (no net
// change). Over the whole answer and the breakdowns by nationality, residence status and
// nationality × gender, for this agency and for all agencies (both statements in one snapshot),
// between T1 and now, T1 and T2, T2 and now, at two reference dates. And the figures at the newer
// instant derived from those at the older plus the statement's changes of value per cell
// (now-from-changes.ts, what a diff against now uses) equal runReport's at the newer instant.
import { describe, expect, it } from "vitest";
import { type ReasonRow, type ReasonsInput, buildReasonsQuery } from "@/lib/domain/reports/publication/change-reasons";
import { CURRENT_LABELS_SQL, currentLabels, reportsNow } from "@/lib/domain/reports/publication/now-from-changes";
import { runReport } from "@/lib/domain/reports/run-report";
import type { PublicationSpec } from "@/lib/domain/reports/publication/figures";
import { answerSpecs } from "@/lib/domain/reports/publication/spec";
import { db, sqlPool } from "@/lib/server/db";
import { createTestAgency, createTestNewcomer } from "../support/factories";
import { buildReasonsOracleQuery } from "../support/reasons-oracle";
import { addDecision, addEvent, cancelEvent } from "../support/report-factories";

const breakdowns: PublicationSpec[] = (["contracts", "attestations", "fines", "fine_amount_eur", "dvz_advices", "reach"] as const).flatMap((measure) => [
  { measure, by: ["nationality"], from: 2019, to: 2022 },
  { measure, by: ["residence_status"], from: 2019, to: 2022 },
  { measure, by: ["nationality", "gender"], from: 2019, to: 2022 },
]);

/** A small deterministic generator (the same records every run). */
function prng(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

const dbNow = async () => ((await sqlPool().query<{ t: Date }>("SELECT clock_timestamp() AS t")).rows[0]!.t as Date).toISOString();
const day = (d: string) => new Date(`${d}T00:00:00Z`);

async function bothInOneSnapshot(input: ReasonsInput) {
  const q = buildReasonsQuery(input)!;
  const o = buildReasonsOracleQuery(input)!;
  const client = await sqlPool().connect();
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const key = (r: object) =>
      JSON.stringify(["t", "gk", "gy", "k1", "k2", "year", "added", "corrected", "cancelled", "decided"].map((k) => String((r as Record<string, unknown>)[k])));
    const rows = (await client.query<ReasonRow>(q.text, q.values)).rows;
    // rows with only a change of value (a record no longer there has no reason) are not the oracle's
    const counted = (r: ReasonRow) => [r.added, r.corrected, r.cancelled, r.decided].some((n) => Number(n) !== 0);
    const product = rows.filter(counted).map(key).sort();
    const oracle = (await client.query(o.text, o.values)).rows.map(key).sort();
    // the figures at the newer instant, from those at the older plus the cells' changes of value
    // (now-from-changes.ts), against runReport at the newer instant, in the same snapshot
    const run = (recordedOn: string | null) =>
      Promise.all(
        input.specs.map(async (s) => {
          const { recordedOn: _, ...r } = await runReport(client, { ...s!, asOf: input.asOf, agency: input.agency, recordedOn });
          return r;
        }),
      );
    const labels = currentLabels((await client.query(CURRENT_LABELS_SQL)).rows);
    const composed = reportsNow(input.specs as PublicationSpec[], await run(input.since), rows, labels, input.asOf);
    const recomputed = await run(input.until);
    await client.query("COMMIT");
    return { product, oracle, composed, recomputed };
  } finally {
    client.release();
  }
}

describe("the reasons of a diff against their oracle", () => {
  it("gives the oracle's counts per cell and reason, for every kind of change", { timeout: 180_000 }, async () => {
    const a = await createTestAgency();
    const rnd = prng(113);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
    const nationalities = ["MAR", "SYR", "AFG", "TUR", "UKR"];
    const statuses = ["GEZINSHERENIGING_BELG", "ERKEND_VLUCHTELING"];
    const date = () =>
      `${2019 + Math.floor(rnd() * 4)}-${String(1 + Math.floor(rnd() * 12)).padStart(2, "0")}-${String(1 + Math.floor(rnd() * 27)).padStart(2, "0")}`;
    const ids = { extractions: [] as string[], contracts: [] as string[], infringements: [] as string[], other: [] as string[], newcomers: [] as string[] };

    const newcomerWithTrack = async () => {
      const n = await createTestNewcomer(a);
      ids.newcomers.push(n.id);
      const c = { nationality: pick(nationalities), residenceStatus: pick(statuses), gender: pick(["M", "V"] as const) };
      const registered = rnd() < 0.7;
      ids.extractions.push((await addEvent(n, { type: "EXTRACTION", date: "2019-02-01", ...c })).id);
      if (registered) {
        await addEvent(n, { type: "REGISTRATION", date: "2019-03-01", ...c });
        ids.contracts.push((await addEvent(n, { type: "CONTRACT", date: date(), ...c })).id);
        if (rnd() < 0.5) ids.other.push((await addEvent(n, { type: "ATTESTATION", date: date(), ...c })).id);
      }
      if (rnd() < 0.4) {
        const e = await addEvent(n, { type: "INFRINGEMENT", date: date(), ...c });
        ids.infringements.push(e.id);
        if (rnd() < 0.6) await addDecision(e.id, { outcome: "BOETE", on: "2022-12-01", amountEur: pick([50, 100, 250]) });
      }
      if (rnd() < 0.3)
        ids.other.push((await addEvent(n, { type: "DVZ_ADVICE", date: date(), contractSigned: rnd() < 0.5, attestationObtained: rnd() < 0.5, ...c })).id);
      return n;
    };
    for (let i = 0; i < 40; i++) await newcomerWithTrack();
    const t1 = await dbNow();

    // after T1: every kind of change
    const [movedAcross, movedWithin, reclassified, cancelled, undone] = ids.contracts;
    await db.trackEvent.update({ where: { id: movedAcross! }, data: { date: day("2020-12-31") } });
    await db.trackEvent.update({ where: { id: movedAcross! }, data: { date: day("2021-01-02") } });
    await db.trackEvent.update({ where: { id: movedWithin! }, data: { date: day("2021-06-15") } });
    await db.trackEvent.update({ where: { id: reclassified! }, data: { nationalityCode: "SYR", residenceStatusCode: "ERKEND_VLUCHTELING", gender: "V" } });
    await cancelEvent(cancelled!);
    const before = await db.trackEvent.findUniqueOrThrow({ where: { id: undone! } });
    await db.trackEvent.update({ where: { id: undone! }, data: { date: day("2019-01-05") } });
    await db.trackEvent.update({ where: { id: undone! }, data: { date: before.date } });
    const decided = await db.infringementDecision.findMany({ where: { eventId: { in: ids.infringements } }, select: { eventId: true } });
    const undecided = ids.infringements.filter((id) => !decided.some((d) => d.eventId === id));
    for (const id of undecided.slice(0, 3)) await addDecision(id, { outcome: pick(["BOETE", "GEEN_BOETE"] as const), on: "2022-12-20", amountEur: 100 });
    if (decided[0]) await db.infringementDecision.updateMany({ where: { eventId: decided[0].eventId }, data: { amountEur: 175 } });
    // a late registration: the extraction's reach fact becomes AANGEMELD
    const unregistered = await db.newcomer.findFirstOrThrow({ where: { id: { in: ids.newcomers }, events: { none: { type: "REGISTRATION" } } } });
    await addEvent(unregistered, { type: "REGISTRATION", date: "2022-02-01" });
    for (let i = 0; i < 4; i++) await newcomerWithTrack();
    const t2 = await dbNow();

    // after T2: more, and one of the T1 changes put back
    await db.trackEvent.update({ where: { id: movedAcross! }, data: { date: before.date } });
    await cancelEvent(ids.other[0]!);
    await db.trackEvent.update({ where: { id: ids.contracts[6]! }, data: { date: day("2022-12-30") } });
    for (let i = 0; i < 3; i++) await newcomerWithTrack();

    const specs = [...answerSpecs(2019, 2022), ...breakdowns];
    let compared = 0;
    const reasonsSeen = new Set<string>();
    for (const asOf of ["2023-01-15", "2022-06-30"]) {
      for (const agency of [a.agencyCode, null]) {
        for (const [since, until] of [
          [t1, null],
          [t1, t2],
          [t2, null],
        ] as const) {
          const { product, oracle, composed, recomputed } = await bothInOneSnapshot({ specs, asOf, agency, since, until });
          const where = `peildatum ${asOf}, ${agency ?? "alle agentschappen"}, ${since} → ${until ?? "nu"}`;
          expect(product, where).toEqual(oracle);
          expect(composed, where).toEqual(recomputed);
          if (JSON.stringify(composed) !== JSON.stringify(recomputed)) throw new Error(`order differs: ${where}`);
          compared += product.length;
          if (agency) {
            for (const row of product) {
              const [, , , , , , added, corrected, cancelledCount, decidedCount] = JSON.parse(row) as string[];
              if (added !== "0") reasonsSeen.add("added");
              if (corrected !== "0") reasonsSeen.add("corrected");
              if (cancelledCount !== "0") reasonsSeen.add("cancelled");
              if (decidedCount !== "0") reasonsSeen.add("decided");
            }
          }
        }
      }
    }
    // not vacuous: many cells explained, every reason among them
    expect(compared).toBeGreaterThan(200);
    expect([...reasonsSeen].sort()).toEqual(["added", "cancelled", "corrected", "decided"]);
  });
});
