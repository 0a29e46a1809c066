// Fine decisions: who may decide, the amount range, the four-eyes rule, corrections with
// history, the two-admin race, payment follow-up and the work queue.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/server/errors";
import { decideInfringement } from "@/lib/server/fines/decide";
import { getInfringementDossier } from "@/lib/server/fines/infringement-dossier";
import { updateFinePayment } from "@/lib/server/fines/payment";
import { listRemindersDue, listUndecidedInfringements } from "@/lib/server/fines/queue";
import { confirmDecision, rejectDecision } from "@/lib/server/fines/review";
import { createTestAgency, createTestNewcomer, createTestUser } from "../support/factories";
import { createTestEvent, decisionState } from "../support/fines-factories";

const NOW = new Date("2026-06-15T10:00:00Z");

async function dossier(date = "2026-03-02") {
  const agency = await createTestAgency();
  const newcomer = await createTestNewcomer(agency);
  const event = await createTestEvent(newcomer.id, "INFRINGEMENT", date);
  return { agency, newcomer, event };
}

const fine = (amountEur: number | string, extra: Record<string, unknown> = {}) => ({
  outcome: "BOETE",
  decidedOn: "2026-04-01",
  amountEur,
  motivation: "Niet tijdig aangemeld na aanmaning.",
  version: 1,
  ...extra,
});

describe("fine decisions", () => {
  it("records a final fine of 75 EUR with an open payment, audited, and bumps the dossier's version", async () => {
    const { event } = await dossier();
    const admin = await createTestUser("ADMIN");
    const d = await decideInfringement(admin, event.id, fine("75"), NOW);
    expect(d).toMatchObject({ outcome: "BOETE", amountEur: 75, status: "FINAL", paymentStatus: "OPEN", decidedById: admin.userId });
    expect((await db.trackEvent.findUniqueOrThrow({ where: { id: event.id } })).version).toBe(2);
    expect(await db.auditLog.count({ where: { action: "decision.create", entityId: d.id } })).toBe(1);
  });

  it("refuses 49 and 5001 EUR and writes nothing", async () => {
    const { event } = await dossier();
    const admin = await createTestUser("ADMIN");
    const before = await decisionState(event.id);
    for (const amount of [49, 5001]) {
      await expect(decideInfringement(admin, event.id, fine(amount), NOW)).rejects.toMatchObject({
        fieldErrors: { amountEur: "Het bedrag moet een heel bedrag van 50 tot 5000 euro zijn." },
      });
    }
    expect(await decisionState(event.id)).toEqual(before);
    expect(before.decisions).toHaveLength(0);
  });

  it("refuses a date in the future or before the dossier was received", async () => {
    const { event } = await dossier("2026-03-02");
    const admin = await createTestUser("ADMIN");
    await expect(decideInfringement(admin, event.id, fine(100, { decidedOn: "2026-06-16" }), NOW)).rejects.toMatchObject({
      fieldErrors: { decidedOn: expect.stringContaining("toekomst") },
    });
    await expect(decideInfringement(admin, event.id, fine(100, { decidedOn: "2026-03-01" }), NOW)).rejects.toMatchObject({
      fieldErrors: { decidedOn: expect.stringContaining("vóór") },
    });
    expect(await db.infringementDecision.count({ where: { eventId: event.id } })).toBe(0);
  });

  it("refuses STAFF and MANAGER users and changes nothing", async () => {
    const { agency, event } = await dossier();
    const before = await decisionState(event.id);
    for (const role of ["STAFF", "MANAGER"] as const) {
      const user = await createTestUser(role, agency);
      await expect(decideInfringement(user, event.id, fine(75), NOW)).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await decisionState(event.id)).toEqual(before);
  });

  it("lets exactly one of two admins deciding at once win; the other gets a Dutch ConflictError", async () => {
    const { event } = await dossier();
    const [a, b] = await Promise.all([createTestUser("ADMIN"), createTestUser("ADMIN")]);
    const results = await Promise.allSettled([
      decideInfringement(a, event.id, fine(150), NOW),
      decideInfringement(b, event.id, { outcome: "GEEN_BOETE", decidedOn: "2026-04-02", amountEur: "", motivation: "Attest alsnog behaald.", version: 1 }, NOW),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.reason).toBeInstanceOf(ConflictError);
    expect(lost[0]!.reason.message).toMatch(/intussen door een andere beheerder beslist/);
    expect(await db.infringementDecision.count({ where: { eventId: event.id } })).toBe(1);
  });

  it("needs a second admin for a fine above 1000 EUR: the decider cannot confirm, another admin can", async () => {
    const { event } = await dossier();
    const [first, second] = await Promise.all([createTestUser("ADMIN"), createTestUser("ADMIN")]);
    const d = await decideInfringement(first, event.id, fine(1500), NOW);
    expect(d).toMatchObject({ status: "AWAITING_CONFIRMATION", paymentStatus: null });
    await expect(confirmDecision(first, d.id)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await db.infringementDecision.findUniqueOrThrow({ where: { id: d.id } })).status).toBe("AWAITING_CONFIRMATION");
    const confirmed = await confirmDecision(second, d.id);
    expect(confirmed).toMatchObject({ status: "FINAL", confirmedById: second.userId, paymentStatus: "OPEN" });
    await expect(confirmDecision(second, d.id)).rejects.toBeInstanceOf(ConflictError);
    expect(await db.auditLog.count({ where: { action: "decision.confirm", entityId: d.id, userId: second.userId } })).toBe(1);
  });

  it("lets the second admin reject with a reason, after which the dossier is back in the queue", async () => {
    const { agency, event } = await dossier();
    const [first, second] = await Promise.all([createTestUser("ADMIN"), createTestUser("ADMIN")]);
    const d = await decideInfringement(first, event.id, fine(2500), NOW);
    const inQueue = async () =>
      (await listUndecidedInfringements(second, { agency: agency.agencyCode, page: 1 }, NOW)).items.some((i) => i.eventId === event.id);
    expect(await inQueue()).toBe(false);
    await expect(rejectDecision(second, d.id, { reason: "" })).rejects.toBeInstanceOf(ValidationError);
    await rejectDecision(second, d.id, { reason: "Bedrag te hoog voor een eerste inbreuk." });
    expect((await db.infringementDecision.findUniqueOrThrow({ where: { id: d.id } })).status).toBe("REJECTED");
    expect(await inQueue()).toBe(true);
    const view = await getInfringementDossier(second, event.id);
    expect(view.decisions[0]!.rejection?.reason).toBe("Bedrag te hoog voor een eerste inbreuk.");
  });

  it("corrects a decision only with a reason, as a new decision that keeps the history", async () => {
    const { event } = await dossier();
    const admin = await createTestUser("ADMIN");
    const original = await decideInfringement(admin, event.id, fine(300), NOW);
    const correction = { outcome: "BOETE", decidedOn: "2026-04-10", amountEur: 150, motivation: "Eerste inbreuk: lager bedrag.", version: 2 };
    await expect(decideInfringement(admin, event.id, correction, NOW)).rejects.toMatchObject({
      fieldErrors: { correctionReason: expect.stringContaining("waarom") },
    });
    expect(await db.infringementDecision.count({ where: { eventId: event.id } })).toBe(1);
    const fixed = await decideInfringement(admin, event.id, { ...correction, correctionReason: "Rekenfout in het bedrag." }, NOW);
    expect(fixed).toMatchObject({ correctsId: original.id, correctionReason: "Rekenfout in het bedrag.", status: "FINAL" });
    const view = await getInfringementDossier(admin, event.id);
    expect(view.decisions.map((d) => [d.amountEur, d.status, d.standing])).toEqual([
      [300, "FINAL", false],
      [150, "FINAL", true],
    ]);
    expect(await db.auditLog.count({ where: { action: "decision.correct", entityId: fixed.id, reason: "Rekenfout in het bedrag." } })).toBe(1);
  });

  it("refuses a decision on a stale version (decided meanwhile)", async () => {
    const { event } = await dossier();
    const admin = await createTestUser("ADMIN");
    await decideInfringement(admin, event.id, fine(75), NOW);
    await expect(decideInfringement(admin, event.id, fine(100, { correctionReason: "x" }), NOW)).rejects.toBeInstanceOf(ConflictError);
  });

  it("shows earlier fines of the same newcomer next to a repeat infringement", async () => {
    const { newcomer, event } = await dossier("2025-01-10");
    const admin = await createTestUser("ADMIN");
    await decideInfringement(admin, event.id, fine(75, { decidedOn: "2025-02-01" }), NOW);
    const repeat = await createTestEvent(newcomer.id, "INFRINGEMENT", "2026-03-01");
    const view = await getInfringementDossier(admin, repeat.id);
    expect(view.earlierFines.map((f) => f.amountEur)).toEqual([75]);
    expect(await db.auditLog.count({ where: { action: "newcomer.view", entityId: repeat.id } })).toBe(1);
  });

  it("follows up payment and lists the reminders that are due", async () => {
    const { event, agency } = await dossier("2026-03-02");
    const admin = await createTestUser("ADMIN");
    const d = await decideInfringement(admin, event.id, fine(75, { decidedOn: "2026-05-10" }), NOW);
    const ofAgency = { office: agency.officeCode };
    expect((await listRemindersDue(admin, NOW, ofAgency)).items.some((r) => r.decisionId === d.id)).toBe(true);
    expect((await listRemindersDue(admin, new Date("2026-06-09T10:00:00Z"), ofAgency)).items.some((r) => r.decisionId === d.id)).toBe(false);
    await expect(updateFinePayment(admin, d.id, { paymentStatus: "BETAALD", on: "" }, NOW)).rejects.toBeInstanceOf(ValidationError);
    const paid = await updateFinePayment(admin, d.id, { paymentStatus: "BETAALD", on: "2026-06-01" }, NOW);
    expect(paid).toMatchObject({ paymentStatus: "BETAALD", paidOn: new Date("2026-06-01T00:00:00Z") });
    expect((await listRemindersDue(admin, NOW, ofAgency)).items.some((r) => r.decisionId === d.id)).toBe(false);
  });

  it("queues undecided, non-cancelled dossiers oldest first, filtered by agency, type and age", async () => {
    const agency = await createTestAgency();
    const admin = await createTestUser("ADMIN");
    const n = await createTestNewcomer(agency);
    const newer = await createTestEvent(n.id, "INFRINGEMENT", "2026-05-01");
    const older = await createTestEvent(n.id, "INFRINGEMENT", "2025-11-01", { infringementType: "ONREGELMATIGE_DEELNAME" });
    await createTestEvent(n.id, "INFRINGEMENT", "2025-10-01", { cancelled: true });
    const decided = await createTestEvent(n.id, "INFRINGEMENT", "2025-09-01");
    await decideInfringement(admin, decided.id, { outcome: "GEEN_GEVOLG", decidedOn: "2025-10-01", motivation: "Verhuisd.", version: 1 }, NOW);
    const ids = async (q: Record<string, unknown>) =>
      (await listUndecidedInfringements(admin, { agency: agency.agencyCode, page: 1, ...q }, NOW)).items.map((i) => i.eventId);
    expect(await ids({})).toEqual([older.id, newer.id]);
    expect(await ids({ type: "ONREGELMATIGE_DEELNAME" })).toEqual([older.id]);
    expect(await ids({ minAgeDays: 90 })).toEqual([older.id]);
    const staff = await createTestUser("STAFF", agency);
    await expect(listUndecidedInfringements(staff, { page: 1 }, NOW)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
