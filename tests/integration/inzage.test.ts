// The right of access (issue 15): the inzage of one person holds their data, track (cancelled
// steps with their reason), decisions, DVZ advices, access log and rectifications, and nothing of
// another person; admins only; its production is audited without the national number.
import { describe, expect, it } from "vitest";
import { formatNationalNumber } from "@/lib/domain/national-number";
import { db } from "@/lib/server/db";
import { ForbiddenError, NotFoundError } from "@/lib/server/errors";
import { getNewcomerDossier } from "@/lib/server/dossiers/get-dossier";
import { cancelTrackEvent, recordTrackEvent } from "@/lib/server/dossiers/record-event";
import { createNewcomer, updateNewcomer } from "@/lib/server/dossiers/save-newcomer";
import { generateDvzAdvice } from "@/lib/server/dvz/advice";
import { decideInfringement } from "@/lib/server/fines/decide";
import { buildInzage } from "@/lib/server/inzage/build-inzage";
import { newcomerInput } from "../support/dossier-factories";
import { createTestAgency, createTestUser } from "../support/factories";
import { createTestEvent } from "../support/fines-factories";

async function setup() {
  const agency = await createTestAgency();
  const other = await createTestAgency();
  const staff = await createTestUser("STAFF", agency);
  const admin = await createTestUser("ADMIN");
  const p = await createNewcomer(staff, newcomerInput(agency, { lastName: "Inzagepersoon" }));
  const q = await createNewcomer(staff, newcomerInput(agency, { lastName: "Anderepersoon" }));
  await recordTrackEvent(staff, p.id, { type: "EXTRACTION", date: "2025-01-02" });
  const invitation = await recordTrackEvent(staff, p.id, { type: "INVITATION", date: "2025-01-10" });
  await cancelTrackEvent(staff, invitation.id, { reason: "Verkeerde datum ingegeven", version: invitation.version });
  await recordTrackEvent(staff, p.id, { type: "REGISTRATION", date: "2025-02-01" });
  await recordTrackEvent(staff, p.id, { type: "CONTRACT", date: "2025-03-01" });
  const infringement = await createTestEvent(p.id, "INFRINGEMENT", "2026-03-02");
  await decideInfringement(admin, infringement.id, { outcome: "BOETE", decidedOn: "2026-04-01", amountEur: 75, motivation: "Niet tijdig.", version: 1 });
  await generateDvzAdvice(admin, { newcomerId: p.id, date: "2026-05-01" });
  await updateNewcomer(staff, p.id, {
    ...newcomerInput(agency),
    nationalNumber: p.nationalNumber,
    birthDate: p.birthDate.toISOString().slice(0, 10),
    gender: p.gender,
    lastName: "Inzagepersoon-Rechtgezet",
    version: p.version,
  });
  await getNewcomerDossier(staff, p.id);
  // the other person: a track, a view, a decision — none of it may reach p's inzage
  await recordTrackEvent(staff, q.id, { type: "EXTRACTION", date: "2024-06-01" });
  const qInfringement = await createTestEvent(q.id, "INFRINGEMENT", "2026-03-02");
  await decideInfringement(admin, qInfringement.id, { outcome: "BOETE", decidedOn: "2026-04-02", amountEur: 150, motivation: "Ander.", version: 1 });
  await getNewcomerDossier(admin, q.id);
  return { agency, other, staff, admin, p, q };
}

describe("inzage (right of access)", () => {
  it("holds the person's data, track, decisions, advices, access log and rectifications, and nothing of another person", async () => {
    const { staff, admin, p, q } = await setup();
    const doc = await buildInzage(admin, p.id, "json");
    expect(doc.person).toMatchObject({ id: p.id, lastName: "Inzagepersoon-Rechtgezet", nationalNumber: formatNationalNumber(p.nationalNumber) });
    expect(doc.track.map((e) => e.type)).toEqual(["EXTRACTION", "INVITATION", "REGISTRATION", "CONTRACT", "INFRINGEMENT", "DVZ_ADVICE"]);
    expect(doc.track.find((e) => e.type === "INVITATION")).toMatchObject({ cancelled: true, cancelReason: "Verkeerde datum ingegeven" });
    expect(doc.decisions).toHaveLength(1);
    expect(doc.decisions[0]).toMatchObject({ outcome: "BOETE", amountEur: 75, paymentStatus: "OPEN", motivation: "Niet tijdig." });
    expect(doc.dvzAdvices).toHaveLength(1);
    expect(doc.dvzAdvices[0]).toMatchObject({ contractSigned: true, attestationObtained: false });
    expect(doc.letters).toEqual([]);
    expect(doc.accessLog).toContainEqual(expect.objectContaining({ action: "newcomer.view", who: staff.email }));
    expect(doc.accessLog.map((a) => a.action)).toEqual(expect.arrayContaining(["newcomer.create", "event.create", "event.cancel", "decision.create"]));
    expect(doc.accessLog.some((a) => a.action === "dvz.advice.create")).toBe(true);
    const rename = doc.rectifications.find((r) => r.action === "newcomer.update");
    expect(rename?.changes).toContainEqual({ field: "lastName", label: "Familienaam", before: "Inzagepersoon", after: "Inzagepersoon-Rechtgezet" });
    expect(doc.rectifications.find((r) => r.action === "event.cancel")?.reason).toBe("Verkeerde datum ingegeven");
    const text = JSON.stringify(doc);
    for (const foreign of [q.id, "Anderepersoon", q.nationalNumber, formatNationalNumber(q.nationalNumber), "Ander."]) expect(text).not.toContain(foreign);
  });

  it("audits its production with counts and without the national number", async () => {
    const { admin, p } = await setup();
    await buildInzage(admin, p.id, "page");
    const rows = await db.auditLog.findMany({ where: { action: "newcomer.inzage", newcomerId: p.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ userId: admin.userId, entityId: p.id, agencyCode: p.agencyCode });
    expect(rows[0]!.after).toMatchObject({ format: "page", events: 6, decisions: 1, dvzAdvices: 1, letters: 0 });
    const row = JSON.stringify(rows[0], (_k, v) => (typeof v === "bigint" ? String(v) : v));
    expect(row).not.toContain(p.nationalNumber);
    expect(row).not.toContain(formatNationalNumber(p.nationalNumber));
    // the next inzage shows this production in the access log
    expect((await buildInzage(admin, p.id, "json")).accessLog.some((a) => a.action === "newcomer.inzage")).toBe(true);
  });

  it("refuses staff (own agency and another), managers, and audits an unknown dossier", async () => {
    const { agency, other, staff, admin, p } = await setup();
    const otherStaff = await createTestUser("STAFF", other);
    const manager = await createTestUser("MANAGER", agency);
    for (const actor of [staff, otherStaff, manager]) await expect(buildInzage(actor, p.id, "page")).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.auditLog.count({ where: { action: "newcomer.inzage", newcomerId: p.id } })).toBe(0);
    const missing = "00000000-0000-4000-8000-000000000000";
    await expect(buildInzage(admin, missing, "page")).rejects.toBeInstanceOf(NotFoundError);
    await expect(buildInzage(admin, "not-a-uuid", "json")).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.auditLog.count({ where: { action: "newcomer.inzage.denied", userId: admin.userId } })).toBe(2);
  });
});
