// Two rules exist both in TypeScript (lib/domain) and in the database (the report_fact_source view,
// the first-of-type trigger). The TS side is the one home the app imports; the database's SQL
// is kept as canonical source elsewhere. These tests make sure the two never drift apart, on the
// cases where an ordering decides: same-day corrections, equal created_at, cancelled events,
// decisions awaiting confirmation or rejected.
import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { effectiveDecision, effectiveDecisionSql } from "@/lib/domain/fines/decision-state";
import { firstOfTypeFlags } from "@/lib/domain/track/first-of-type";
import { isoOf } from "@/lib/domain/kit";
import { db, sqlPool } from "@/lib/server/db";
import { createTestAgency, createTestNewcomer } from "../support/factories";
import { addEvent } from "../support/report-factories";

const day = (d: string) => new Date(`${d}T00:00:00Z`);
const T0 = new Date("2026-01-01T09:00:00.000Z");
const at = (ms: number) => new Date(T0.getTime() + ms);
/** uuids with a chosen first character, so the id tie-break is known in advance */
const idStarting = (c: string) => c + crypto.randomUUID().slice(1);

type Outcome = "BOETE" | "GEEN_BOETE" | "GEEN_GEVOLG";
type Status = "FINAL" | "AWAITING_CONFIRMATION" | "REJECTED";
interface D {
  id: string;
  on: string;
  created: Date;
  status: Status;
  outcome: Outcome;
  amountEur: number | null;
}

/** The view's state of the infringement at `asOf`, as "OUTCOME amount" (or IN_BEHANDELING / none). */
async function viewState(eventId: string, asOf: string): Promise<string> {
  const rows = await db.$queryRaw<{ state: string; amount_eur: number | null }[]>`
    SELECT state, amount_eur FROM report_fact_source
      WHERE event_id = ${eventId}::uuid AND valid_from <= ${asOf}::date AND (valid_to IS NULL OR valid_to > ${asOf}::date)`;
  expect(rows.length).toBeLessThanOrEqual(1);
  return rows[0] ? `${rows[0].state} ${rows[0].amount_eur ?? ""}`.trim() : "none";
}

async function sqlExpressionState(eventId: string, asOf: string): Promise<string> {
  // the shared SQL text with numbered parameters, as the export runs it (through pg, with parameters)
  const { rows } = await sqlPool().query<{ outcome: string; amount_eur: number | null }>(
    effectiveDecisionSql("$1::uuid", "x.outcome, x.amount_eur", "$2::date"),
    [eventId, asOf],
  );
  return rows[0] ? `${rows[0].outcome} ${rows[0].amount_eur ?? ""}`.trim() : "IN_BEHANDELING";
}

const tsState = (decisions: D[], asOf: string) => {
  const d = effectiveDecision(
    decisions.map((x) => ({ ...x, decidedOn: x.on, createdAt: x.created })),
    asOf,
  );
  return d ? `${d.outcome} ${d.amountEur ?? ""}`.trim() : "IN_BEHANDELING";
};

async function infringementWith(receivedOn: string, decisions: D[]) {
  const newcomer = await createTestNewcomer(await createTestAgency());
  const event = await addEvent(newcomer, { type: "INFRINGEMENT", date: receivedOn });
  // one statement, so the decisions' created_at are exactly the ones given
  await db.infringementDecision.createMany({
    data: decisions.map((d) => ({
      id: d.id,
      eventId: event.id,
      outcome: d.outcome,
      decidedOn: day(d.on),
      amountEur: d.amountEur,
      status: d.status,
      createdAt: d.created,
    })),
  });
  return event.id;
}

function asOfDates(receivedOn: string, decisions: D[]): string[] {
  const dates = new Set<string>([receivedOn]);
  for (const d of decisions) {
    const t = day(d.on).getTime();
    for (const delta of [-1, 0, 1]) dates.add(isoOf(new Date(t + delta * 86_400_000)));
  }
  return [...dates].filter((d) => d >= receivedOn).sort();
}

const cases: { name: string; receivedOn: string; decisions: D[] }[] = [
  {
    name: "a same-day correction recorded later wins, whatever the ids",
    receivedOn: "2025-02-01",
    decisions: [
      { id: idStarting("f"), on: "2025-03-01", created: at(0), status: "FINAL", outcome: "BOETE", amountEur: 100 },
      { id: idStarting("0"), on: "2025-03-01", created: at(5000), status: "FINAL", outcome: "BOETE", amountEur: 200 },
    ],
  },
  {
    name: "equal created_at on the same day: the larger id wins",
    receivedOn: "2025-02-01",
    decisions: [
      { id: idStarting("a"), on: "2025-03-01", created: at(0), status: "FINAL", outcome: "BOETE", amountEur: 300 },
      { id: idStarting("b"), on: "2025-03-01", created: at(0), status: "FINAL", outcome: "GEEN_BOETE", amountEur: null },
      { id: idStarting("9"), on: "2025-03-01", created: at(0), status: "FINAL", outcome: "BOETE", amountEur: 400 },
    ],
  },
  {
    name: "a correction dated later wins from its date on; an earlier date recorded later does not",
    receivedOn: "2025-02-01",
    decisions: [
      { id: idStarting("5"), on: "2025-03-01", created: at(0), status: "FINAL", outcome: "BOETE", amountEur: 150 },
      { id: idStarting("6"), on: "2025-06-10", created: at(1000), status: "FINAL", outcome: "GEEN_GEVOLG", amountEur: null },
      { id: idStarting("7"), on: "2025-04-01", created: at(2000), status: "FINAL", outcome: "BOETE", amountEur: 250 },
    ],
  },
  {
    name: "decisions awaiting confirmation or rejected never count",
    receivedOn: "2025-02-01",
    decisions: [
      { id: idStarting("1"), on: "2025-03-01", created: at(0), status: "FINAL", outcome: "GEEN_BOETE", amountEur: null },
      { id: idStarting("2"), on: "2025-03-05", created: at(1000), status: "AWAITING_CONFIRMATION", outcome: "BOETE", amountEur: 2500 },
      { id: idStarting("3"), on: "2025-03-04", created: at(2000), status: "REJECTED", outcome: "BOETE", amountEur: 3000 },
      { id: idStarting("4"), on: "2025-03-03", created: at(500), status: "AWAITING_CONFIRMATION", outcome: "BOETE", amountEur: 1500 },
    ],
  },
  {
    name: "decisions dated before the dossier count from its date, the last of them",
    receivedOn: "2025-02-10",
    decisions: [
      { id: idStarting("c"), on: "2025-02-01", created: at(0), status: "FINAL", outcome: "BOETE", amountEur: 50 },
      { id: idStarting("d"), on: "2025-02-05", created: at(100), status: "FINAL", outcome: "BOETE", amountEur: 75 },
    ],
  },
];

describe("the effective decision: TS rule, its SQL expression and the report view agree", () => {
  for (const c of cases) {
    it(c.name, async () => {
      const eventId = await infringementWith(c.receivedOn, c.decisions);
      for (const asOf of asOfDates(c.receivedOn, c.decisions)) {
        const expected = tsState(c.decisions, asOf);
        expect({ asOf, state: await viewState(eventId, asOf) }).toEqual({ asOf, state: expected });
        expect({ asOf, state: await sqlExpressionState(eventId, asOf) }).toEqual({ asOf, state: expected });
      }
    });
  }
});

describe("first of type: the TS rule and the trigger agree", () => {
  const base = { type: "CONTRACT" as const };
  const firstCases: { name: string; events: { id: string; date: string; created: Date; cancelled: boolean }[] }[] = [
    {
      name: "same date, different created_at: the earlier recorded one, whatever the ids",
      events: [
        { id: idStarting("0"), date: "2024-05-01", created: at(9000), cancelled: false },
        { id: idStarting("f"), date: "2024-05-01", created: at(0), cancelled: false },
      ],
    },
    {
      name: "same date and created_at: the smallest id",
      events: [
        { id: idStarting("e"), date: "2024-05-01", created: at(0), cancelled: false },
        { id: idStarting("3"), date: "2024-05-01", created: at(0), cancelled: false },
        { id: idStarting("8"), date: "2024-05-01", created: at(0), cancelled: false },
      ],
    },
    {
      name: "a cancelled earlier event is never first; the next one is",
      events: [
        { id: idStarting("1"), date: "2024-01-01", created: at(0), cancelled: true },
        { id: idStarting("2"), date: "2024-06-01", created: at(100), cancelled: false },
        { id: idStarting("0"), date: "2024-06-01", created: at(200), cancelled: false },
      ],
    },
    {
      name: "only cancelled events: none is first",
      events: [
        { id: idStarting("1"), date: "2024-01-01", created: at(0), cancelled: true },
        { id: idStarting("2"), date: "2024-02-01", created: at(0), cancelled: true },
      ],
    },
  ];
  for (const c of firstCases) {
    it(c.name, async () => {
      const newcomer = await createTestNewcomer(await createTestAgency());
      await db.trackEvent.createMany({
        data: c.events.map((e) => ({
          id: e.id,
          newcomerId: newcomer.id,
          type: base.type,
          date: day(e.date),
          createdAt: e.created,
          officeCode: newcomer.officeCode,
          agencyCode: newcomer.agencyCode,
          nationalityCode: newcomer.nationalityCode,
          nationalityGroup: newcomer.nationalityGroup,
          residenceStatusCode: newcomer.residenceStatusCode,
          targetGroup: newcomer.targetGroup,
          gender: newcomer.gender,
          ...(e.cancelled ? { cancelledAt: e.created, cancelReason: "test" } : {}),
        })),
      });
      const rows = await db.trackEvent.findMany({ where: { newcomerId: newcomer.id }, select: { id: true, isFirstOfType: true } });
      const inDb = new Map(rows.map((r) => [r.id, r.isFirstOfType]));
      const ts = firstOfTypeFlags(
        c.events.map((e) => ({ ...base, date: e.date, cancelled: e.cancelled, createdAt: e.created })),
        c.events.map((e) => e.id),
      );
      expect(c.events.map((e) => inDb.get(e.id))).toEqual(ts);
    });
  }
});
