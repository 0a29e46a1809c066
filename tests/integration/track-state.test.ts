// The track state kept on newcomer (prisma/sql/reports/80-track-state.sql: furthest step, year of
// the first extraction, the worklists' clock dates) equals a from-scratch computation in
// TypeScript (the step order of TRACK_STEPS, the rules as the worklists state them) after every
// kind of write: a new event, a correction, a cancellation, a move, a merge, an anonymisation, an
// import row by row, an import of events for known newcomers and a bulk-load import. And the check
// notices a missing trigger.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { syntheticExchangeText, syntheticNewcomer } from "@/bench/support/synthetic-newcomers";
import { effectiveDecision, STANDING_STATUSES } from "@/lib/domain/fines/decision-state";
import { TRACK_STEPS } from "@/lib/domain/track/track-rules";
import { db } from "@/lib/server/db";
import { mergeNewcomers } from "@/lib/server/dossiers/merge-newcomers";
import { decideInfringement } from "@/lib/server/fines/decide";
import { confirmDecision, rejectDecision } from "@/lib/server/fines/review";
import { cancelTrackEvent, correctTrackEvent, recordTrackEvent } from "@/lib/server/dossiers/record-event";
import { moveNewcomer } from "@/lib/server/dossiers/save-newcomer";
import { importExchangeFile } from "@/lib/server/exchange/import-exchange";
import { anonymiseDossiers } from "@/lib/server/retention/overview";
import { createEmptyDatabase, writeTempFile } from "@/tests/support/exchange-factories";
import { createTestAgency, createTestNewcomer, createTestUser } from "../support/factories";
import { createTestEvent } from "../support/fines-factories";

interface Kept {
  id: string;
  track_status: string | null;
  extraction_year: number | null;
  awaiting_registration_since: string | null;
  awaiting_contract_since: string | null;
  awaiting_attestation_since: string | null;
}

/** The state from the live events, computed here without any SQL of the product. */
function fromScratch(id: string, events: { type: string; date: string; infringement_type: string | null }[]): Kept {
  const steps = events.filter((e) => (TRACK_STEPS as readonly string[]).includes(e.type));
  const furthest = steps.reduce((m, e) => Math.max(m, TRACK_STEPS.indexOf(e.type as (typeof TRACK_STEPS)[number])), -1);
  const first = (type: string) =>
    events
      .filter((e) => e.type === type)
      .map((e) => e.date)
      .sort()[0] ?? null;
  const has = (type: string) => events.some((e) => e.type === type);
  const lateDossier = events.some((e) => e.type === "INFRINGEMENT" && e.infringement_type === "NIET_TIJDIG_AANGEMELD");
  const extraction = first("EXTRACTION");
  return {
    id,
    track_status: furthest < 0 ? null : TRACK_STEPS[furthest]!,
    extraction_year: extraction ? Number(extraction.slice(0, 4)) : null,
    awaiting_registration_since: has("REGISTRATION") || lateDossier ? null : first("INVITATION"),
    awaiting_contract_since: has("CONTRACT") ? null : first("REGISTRATION"),
    awaiting_attestation_since: has("ATTESTATION") ? null : first("CONTRACT"),
  };
}

/** Kept and from-scratch state of the newcomers (all of the database's when `ids` is null). */
async function compare(client: pg.ClientBase, ids: string[] | null): Promise<{ kept: Kept[]; expected: Kept[] }> {
  const filter = ids ? "WHERE n.id = ANY($1::uuid[])" : "";
  const params = ids ? [ids] : [];
  const kept = (
    await client.query<Kept>(
      `SELECT n.id, n.track_status::text, n.extraction_year, to_char(n.awaiting_registration_since, 'YYYY-MM-DD') AS awaiting_registration_since,
              to_char(n.awaiting_contract_since, 'YYYY-MM-DD') AS awaiting_contract_since,
              to_char(n.awaiting_attestation_since, 'YYYY-MM-DD') AS awaiting_attestation_since
       FROM newcomer n ${filter} ORDER BY n.id`,
      params,
    )
  ).rows;
  const events = (
    await client.query<{ newcomer_id: string; type: string; date: string; infringement_type: string | null }>(
      `SELECT e.newcomer_id, e.type::text, to_char(e.date, 'YYYY-MM-DD') AS date, e.infringement_type::text
       FROM track_event e JOIN newcomer n ON n.id = e.newcomer_id ${filter} ${ids ? "AND" : "WHERE"} e.cancelled_at IS NULL`,
      params,
    )
  ).rows;
  const byNewcomer = new Map<string, typeof events>();
  for (const e of events) byNewcomer.set(e.newcomer_id, [...(byNewcomer.get(e.newcomer_id) ?? []), e]);
  return { kept, expected: kept.map((k) => fromScratch(k.id, byNewcomer.get(k.id) ?? [])) };
}

/** The infringement flags kept (decision_standing, in_force) and as the rules of lib/domain/fines/decision-state.ts give them. */
async function compareInfringements(client: pg.ClientBase, newcomerIds: string[]) {
  const events = (
    await client.query<{ id: string; live: boolean; decision_standing: boolean }>(
      `SELECT id, cancelled_at IS NULL AS live, decision_standing FROM track_event WHERE type = 'INFRINGEMENT' AND newcomer_id = ANY($1::uuid[]) ORDER BY id`,
      [newcomerIds],
    )
  ).rows;
  const decisions = (
    await client.query<{ id: string; event_id: string; status: string; decidedOn: string; createdAt: Date; in_force: boolean }>(
      `SELECT d.id, d.event_id, d.status::text, to_char(d.decided_on, 'YYYY-MM-DD') AS "decidedOn", d.created_at AS "createdAt", d.in_force
       FROM infringement_decision d JOIN track_event e ON e.id = d.event_id WHERE e.newcomer_id = ANY($1::uuid[]) ORDER BY d.id`,
      [newcomerIds],
    )
  ).rows;
  const live = new Map(events.map((e) => [e.id, e.live]));
  const ofEvent = (id: string) => decisions.filter((d) => d.event_id === id);
  return {
    kept: { events: events.map((e) => [e.id, e.decision_standing]), decisions: decisions.map((d) => [d.id, d.in_force]) },
    expected: {
      events: events.map((e) => [e.id, e.live && ofEvent(e.id).some((d) => (STANDING_STATUSES as readonly string[]).includes(d.status))]),
      decisions: decisions.map((d) => [d.id, live.get(d.event_id) === true && effectiveDecision(ofEvent(d.event_id))?.id === d.id]),
    },
  };
}

describe("track state kept on newcomer", () => {
  const pool = new pg.Pool({ connectionString: inject("databaseUrl"), max: 2 });
  afterAll(() => pool.end());
  const expectRight = async (ids: string[]) => {
    const { kept, expected } = await compare(pool as unknown as pg.ClientBase, ids);
    expect(kept.length).toBe(ids.length);
    expect(kept).toEqual(expected);
  };

  it("follows new events, corrections, cancellations, a move, a merge and an anonymisation", async () => {
    const a = await createTestAgency();
    const staff = await createTestUser("STAFF", a);
    const admin = await createTestUser("ADMIN");
    const n = await createTestNewcomer(a);
    await expectRight([n.id]);
    await recordTrackEvent(staff, n.id, { type: "EXTRACTION", date: "2021-02-01" });
    await recordTrackEvent(staff, n.id, { type: "INVITATION", date: "2021-03-01" });
    await expectRight([n.id]);
    expect((await db.newcomer.findUniqueOrThrow({ where: { id: n.id } })).awaitingRegistrationSince).not.toBeNull();
    const reg = await recordTrackEvent(staff, n.id, { type: "REGISTRATION", date: "2021-04-01" });
    await expectRight([n.id]);
    const regEvent = await db.trackEvent.findFirstOrThrow({ where: { newcomerId: n.id, type: "REGISTRATION" } });
    expect(reg).toBeTruthy();
    await correctTrackEvent(staff, regEvent.id, { date: "2021-05-02", version: regEvent.version, reason: "datum verbeterd" });
    await expectRight([n.id]);
    await cancelTrackEvent(staff, regEvent.id, { version: regEvent.version + 1, reason: "vergissing" });
    await expectRight([n.id]);
    expect((await db.newcomer.findUniqueOrThrow({ where: { id: n.id } })).trackStatus).toBe("INVITATION");
    // a second extraction in another year: the first one's year is kept
    await createTestEvent(n.id, "EXTRACTION", "2019-06-01");
    await createTestEvent(n.id, "INFRINGEMENT", "2021-07-01");
    await createTestEvent(n.id, "CONTRACT", "2021-08-01", { cancelled: true });
    await expectRight([n.id]);

    const moved = await db.newcomer.findUniqueOrThrow({ where: { id: n.id } });
    await moveNewcomer(admin, n.id, { officeCode: a.secondOfficeCode, version: moved.version });
    await expectRight([n.id]);

    // a merge moves the other dossier's events to the survivor (a registration and a contract here)
    const other = await createTestNewcomer(a, { lastName: "Samenvoegen", birthDate: "1980-01-01" });
    const survivor = await createTestNewcomer(a, { lastName: "Samenvoegen", birthDate: "1980-01-01" });
    await createTestEvent(survivor.id, "INVITATION", "2020-01-10");
    await createTestEvent(other.id, "REGISTRATION", "2020-03-10");
    await createTestEvent(other.id, "CONTRACT", "2020-04-10");
    await expectRight([other.id, survivor.id]);
    const [s, o] = await Promise.all([survivor.id, other.id].map((id) => db.newcomer.findUniqueOrThrow({ where: { id } })));
    await mergeNewcomers(admin, { survivorId: s!.id, mergedId: o!.id, survivorVersion: s!.version, mergedVersion: o!.version });
    await expectRight([survivor.id]);
    expect((await db.newcomer.findUniqueOrThrow({ where: { id: survivor.id } })).awaitingAttestationSince).toEqual(new Date("2020-04-10T00:00:00Z"));

    // (the first one has an open infringement dossier, a hold)
    await anonymiseDossiers(admin, { newcomerIds: [survivor.id], confirm: "ANONIMISEER" });
    await expectRight([n.id, survivor.id]);
  });

  it("keeps the infringement flags through decisions, a confirmation, a rejection, a correction and a cancelled dossier", async () => {
    const a = await createTestAgency();
    const [admin, second] = await Promise.all([createTestUser("ADMIN"), createTestUser("ADMIN")]);
    const staff = await createTestUser("STAFF", a);
    const n = await createTestNewcomer(a);
    const now = new Date("2026-06-15T10:00:00Z");
    const versionOf = async (id: string) => (await db.trackEvent.findUniqueOrThrow({ where: { id } })).version;
    const decide = async (eventId: string, amountEur: number, extra: Record<string, unknown> = {}) =>
      decideInfringement(
        admin,
        eventId,
        {
          outcome: "BOETE",
          decidedOn: "2026-04-01",
          amountEur,
          motivation: "Niet tijdig aangemeld na aanmaning.",
          version: await versionOf(eventId),
          ...extra,
        },
        now,
      );
    const check = async () => {
      const { kept, expected } = await compareInfringements(pool as unknown as pg.ClientBase, [n.id]);
      expect(kept).toEqual(expected);
      return kept;
    };
    const e1 = await createTestEvent(n.id, "INFRINGEMENT", "2026-03-02");
    const e2 = await createTestEvent(n.id, "INFRINGEMENT", "2026-03-05");
    expect((await check()).events.every(([, standing]) => standing === false)).toBe(true);
    const big = await decide(e1.id, 1500); // awaiting a second admin: standing, not in force
    await check();
    await confirmDecision(second, big.id);
    expect((await check()).decisions).toEqual([[big.id, true]]);
    await decide(e1.id, 150, { decidedOn: "2026-04-10", correctionReason: "Rekenfout." });
    await check();
    const other = await decide(e2.id, 2500);
    await rejectDecision(second, other.id, { reason: "Bedrag te hoog voor een eerste inbreuk." });
    await check();
    const cancelled = await db.trackEvent.findUniqueOrThrow({ where: { id: e1.id } });
    await cancelTrackEvent(staff, e1.id, { version: cancelled.version, reason: "dubbel dossier" });
    const kept = await check();
    expect(kept.decisions.some(([, inForce]) => inForce)).toBe(false);
  });

  it("is right after an import row by row, events for known newcomers, and a bulk-load import", async () => {
    const target = await createEmptyDatabase();
    const client = new pg.Client({ connectionString: target.url });
    await client.connect();
    try {
      expect(await importExchangeFile({ databaseUrl: target.url, filePath: writeTempFile(syntheticExchangeText(300)) })).toMatchObject({ ok: true });
      let r = await compare(client, null);
      expect(r.kept.length).toBe(300);
      expect(r.kept).toEqual(r.expected);
      // the same newcomers again with one more event each: the known newcomers' path
      // (an attestation for those with a contract and none yet: off the attestation worklist)
      const known = Array.from({ length: 150 }, (_, i) => i).filter((i) => i % 5 !== 4 && i % 3 !== 0);
      const more = known.map((i) => {
        const n = syntheticNewcomer(i);
        return JSON.stringify({ ...n, events: [...n.events, { type: "ATTESTATION", date: "2025-12-01" }] });
      });
      const again = await importExchangeFile({ databaseUrl: target.url, filePath: writeTempFile(`${more.join("\n")}\n`) });
      expect(again, JSON.stringify(again).slice(0, 600)).toMatchObject({ ok: true });
      r = await compare(client, null);
      expect(r.kept).toEqual(r.expected);
      // bulk-load mode (≥ 5,000 new newcomers, more than a quarter of the table): the triggers are off, the import derives the state
      const bulk = await importExchangeFile({ databaseUrl: target.url, filePath: writeTempFile(syntheticExchangeText(5000, { offset: 10_000 })) });
      expect(bulk).toMatchObject({ ok: true, newcomers: 5000 });
      r = await compare(client, null);
      expect(r.kept.length).toBe(5300);
      expect(r.kept).toEqual(r.expected);
      expect(r.kept.filter((k) => k.track_status !== null).length).toBeGreaterThan(5000);
      const inf = await compareInfringements(
        client,
        r.kept.map((k) => k.id),
      );
      expect(inf.kept).toEqual(inf.expected);
      expect(inf.kept.decisions.filter(([, inForce]) => inForce).length).toBeGreaterThan(100);
    } finally {
      await client.end();
      await target.drop();
    }
  }, 180_000);

  it("the check notices a missing trigger", async () => {
    const a = await createTestAgency();
    const n = await createTestNewcomer(a);
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      await client.query(`SET LOCAL lock_timeout = '10s'`);
      await client.query(`DROP TRIGGER track_event_state_insert ON track_event`);
      await client.query(
        `INSERT INTO track_event (newcomer_id, type, date, office_code, agency_code, nationality_code, nationality_group, residence_status_code,
           target_group, gender, updated_at)
         SELECT id, 'EXTRACTION', DATE '2022-01-01', office_code, agency_code, nationality_code, nationality_group, residence_status_code, target_group,
           gender, now() FROM newcomer WHERE id = $1`,
        [n.id],
      );
      const { kept, expected } = await compare(client, [n.id]);
      expect(kept).not.toEqual(expected);
    } finally {
      await client.query("ROLLBACK");
      client.release();
    }
  });

  beforeAll(async () => {
    // the enum order is the step order the SQL's max(type) relies on
    const labels = (await pool.query<{ l: string }>(`SELECT unnest(enum_range(NULL::"EventType"))::text AS l`)).rows.map((r) => r.l);
    expect(labels.slice(0, TRACK_STEPS.length)).toEqual([...TRACK_STEPS]);
  });
});
