// Recording the steps of a track: classification snapshot, order rules, future dates, the
// infringement rules of 2022-03-01, corrections and cancellations, each with one audit entry.
import { describe, expect, it } from "vitest";
import { todayIso } from "@/lib/i18n/format";
import { db } from "@/lib/server/db";
import { ConflictError, ValidationError } from "@/lib/server/errors";
import { createNewcomer, moveNewcomer } from "@/lib/server/dossiers/save-newcomer";
import { cancelTrackEvent, correctTrackEvent, recordTrackEvent } from "@/lib/server/dossiers/record-event";
import { createTestAgency, createTestUser } from "../support/factories";
import { auditCount, newcomerInput } from "../support/dossier-factories";

async function setup(overrides: Record<string, unknown> = {}) {
  const agency = await createTestAgency();
  const staff = await createTestUser("STAFF", agency);
  const n = await createNewcomer(staff, newcomerInput(agency, overrides));
  return { agency, staff, n };
}

const fieldError = async (p: Promise<unknown>, field: string) => {
  const e = await p.catch((x) => x);
  expect(e).toBeInstanceOf(ValidationError);
  return (e as ValidationError).fieldErrors[field];
};

describe("record a step", () => {
  it("records the newcomer's classification at that moment, and one audit entry per record", async () => {
    const { staff, n, agency } = await setup();
    const e = await recordTrackEvent(staff, n.id, { type: "INVITATION", date: "2021-01-05", confirmWarnings: "INVITATION_NO_EXTRACTION" });
    expect(e).toMatchObject({
      officeCode: agency.officeCode,
      agencyCode: agency.agencyCode,
      nationalityCode: "MAR",
      nationalityGroup: "DERDELANDER",
      residenceStatusCode: "GEZINSHERENIGING_BELG",
      targetGroup: "PLICHT",
      gender: "M",
      recordedById: staff.userId,
    });
    expect(await auditCount({ entityId: e.id, action: "event.create" })).toBe(1);
    expect(await auditCount({ newcomerId: n.id })).toBe(2);
  });

  it("takes the classification given on a contract over the newcomer's", async () => {
    const { staff, n } = await setup();
    await recordTrackEvent(staff, n.id, { type: "REGISTRATION", date: "2021-01-05", confirmWarnings: "REGISTRATION_NO_EXTRACTION" });
    const c = await recordTrackEvent(staff, n.id, {
      type: "CONTRACT",
      date: "2021-02-01",
      nationalityCode: "BEL",
      targetGroup: "RECHT",
      residenceStatusCode: "ARBEIDSMIGRANT_EU",
    });
    expect(c).toMatchObject({ nationalityCode: "BEL", nationalityGroup: "EU_PLUS", targetGroup: "RECHT", residenceStatusCode: "ARBEIDSMIGRANT_EU" });
    expect(await fieldError(recordTrackEvent(staff, n.id, { type: "INVITATION", date: "2021-01-05", nationalityCode: "ZZZ" }), "nationalityCode")).toMatch(
      /nationaliteit/,
    );
  });

  it("refuses future dates, a contract before the registration and an attestation before the contract", async () => {
    const { staff, n } = await setup();
    const tomorrow = new Date(Date.parse(`${todayIso()}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect(await fieldError(recordTrackEvent(staff, n.id, { type: "INVITATION", date: tomorrow }), "date")).toMatch(/toekomst/);
    expect(await fieldError(recordTrackEvent(staff, n.id, { type: "CONTRACT", date: "2021-02-01" }), "date")).toMatch(/aanmelding/);
    await recordTrackEvent(staff, n.id, { type: "REGISTRATION", date: "2021-03-01", confirmWarnings: "REGISTRATION_NO_EXTRACTION" });
    expect(await fieldError(recordTrackEvent(staff, n.id, { type: "CONTRACT", date: "2021-02-01" }), "date")).toBe(
      "Het contract kan niet vóór de aanmelding (01/03/2021) ondertekend zijn.",
    );
    expect(await fieldError(recordTrackEvent(staff, n.id, { type: "ATTESTATION", date: "2021-04-01" }), "date")).toMatch(/contract/);
    await recordTrackEvent(staff, n.id, { type: "CONTRACT", date: "2021-03-15" });
    expect(await fieldError(recordTrackEvent(staff, n.id, { type: "ATTESTATION", date: "2021-03-10" }), "date")).toMatch(/vóór het contract/);
    expect(await fieldError(recordTrackEvent(staff, n.id, { type: "INVITATION", date: "2021-02-30" }), "date")).toMatch(/geldige datum/);
    expect(await fieldError(recordTrackEvent(staff, n.id, { type: "DVZ_ADVICE", date: "2021-02-01" }), "type")).toMatch(/stap/);
    expect(await db.trackEvent.count({ where: { newcomerId: n.id } })).toBe(2);
    expect(await auditCount({ newcomerId: n.id })).toBe(3);
  });

  it("enforces the infringement types of 2022-03-01 and the entitled newcomers' only type", async () => {
    const { staff, n } = await setup();
    expect(
      await fieldError(
        recordTrackEvent(staff, n.id, { type: "INFRINGEMENT", date: "2022-03-01", infringementType: "ONRECHTMATIG_VROEGTIJDIG_BEEINDIGD" }),
        "infringementType",
      ),
    ).toMatch(/niet meer/);
    expect(
      await fieldError(
        recordTrackEvent(staff, n.id, { type: "INFRINGEMENT", date: "2022-02-28", infringementType: "NIET_REGELMATIG_DEELGENOMEN" }),
        "infringementType",
      ),
    ).toMatch(/pas/);
    expect(await fieldError(recordTrackEvent(staff, n.id, { type: "INFRINGEMENT", date: "2022-02-28" }), "infringementType")).toMatch(/type inbreuk/);
    await recordTrackEvent(staff, n.id, { type: "INFRINGEMENT", date: "2022-03-01", infringementType: "NIET_REGELMATIG_DEELGENOMEN" });
    const entitled = await setup({ targetGroup: "RECHT" });
    expect(
      await fieldError(
        recordTrackEvent(entitled.staff, entitled.n.id, { type: "INFRINGEMENT", date: "2021-05-01", infringementType: "NIET_TIJDIG_AANGEMELD" }),
        "infringementType",
      ),
    ).toMatch(/rechthebbende/);
    const ok = await recordTrackEvent(entitled.staff, entitled.n.id, {
      type: "INFRINGEMENT",
      date: "2021-05-01",
      infringementType: "ONRECHTMATIG_VROEGTIJDIG_BEEINDIGD",
    });
    expect(ok.targetGroup).toBe("RECHT");
  });
});

describe("correct and cancel", () => {
  it("corrects with a reason and the version read; a stale version is a conflict", async () => {
    const { staff, n } = await setup();
    const e = await recordTrackEvent(staff, n.id, { type: "INVITATION", date: "2021-01-05", confirmWarnings: "INVITATION_NO_EXTRACTION" });
    expect(await fieldError(correctTrackEvent(staff, e.id, { date: "2021-01-06", version: 1, reason: "" }), "reason")).toMatch(/reden/);
    const fixed = await correctTrackEvent(staff, e.id, { date: "2021-01-06", version: 1, reason: "tikfout" });
    expect(fixed.version).toBe(2);
    await expect(correctTrackEvent(staff, e.id, { date: "2021-01-07", version: 1, reason: "tikfout" })).rejects.toBeInstanceOf(ConflictError);
    const audit = await db.auditLog.findMany({ where: { entityId: e.id, action: "event.correct" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      reason: "tikfout",
      before: expect.objectContaining({ date: "2021-01-05" }),
      after: expect.objectContaining({ date: "2021-01-06" }),
    });
  });

  it("refuses a correction or cancellation that would break the order of the steps", async () => {
    const { staff, n } = await setup();
    const reg = await recordTrackEvent(staff, n.id, { type: "REGISTRATION", date: "2021-01-05", confirmWarnings: "REGISTRATION_NO_EXTRACTION" });
    await recordTrackEvent(staff, n.id, { type: "CONTRACT", date: "2021-02-01" });
    expect(await fieldError(correctTrackEvent(staff, reg.id, { date: "2021-03-01", version: 1, reason: "verkeerde datum" }), "date")).toMatch(
      /vóór de aanmelding/,
    );
    expect(await fieldError(cancelTrackEvent(staff, reg.id, { version: 1, reason: "dubbel ingegeven" }), "reason")).toMatch(/Annuleren kan niet/);
    expect((await db.trackEvent.findUniqueOrThrow({ where: { id: reg.id } })).cancelledAt).toBeNull();
  });

  it("cancels with a reason, keeps the record, and writes one audit entry", async () => {
    const { staff, n } = await setup();
    const e = await recordTrackEvent(staff, n.id, { type: "INVITATION", date: "2021-01-05", confirmWarnings: "INVITATION_NO_EXTRACTION" });
    expect(await fieldError(cancelTrackEvent(staff, e.id, { version: 1 }), "reason")).toMatch(/reden/);
    await cancelTrackEvent(staff, e.id, { version: 1, reason: "dubbel ingegeven" });
    const kept = await db.trackEvent.findUniqueOrThrow({ where: { id: e.id } });
    expect(kept).toMatchObject({ cancelReason: "dubbel ingegeven", cancelledById: staff.userId });
    expect(await auditCount({ entityId: e.id, action: "event.cancel" })).toBe(1);
    expect(await fieldError(cancelTrackEvent(staff, e.id, { version: 2, reason: "nogmaals" }), "reason")).toMatch(/al geannuleerd/);
  });
});

describe("move to another agency", () => {
  it("hands the dossier to the receiving agency while past records keep their office", async () => {
    const { staff, n, agency } = await setup();
    const other = await createTestAgency();
    const receiver = await createTestUser("STAFF", other);
    const before = await recordTrackEvent(staff, n.id, { type: "INVITATION", date: "2021-01-05", confirmWarnings: "INVITATION_NO_EXTRACTION" });
    await expect(moveNewcomer(staff, n.id, { officeCode: other.officeCode, version: 2 })).rejects.toBeInstanceOf(ConflictError);
    const moved = await moveNewcomer(staff, n.id, { officeCode: other.officeCode, version: 1, reason: "verhuisd" });
    expect(moved).toMatchObject({ officeCode: other.officeCode, agencyCode: other.agencyCode, version: 2 });
    expect((await db.trackEvent.findUniqueOrThrow({ where: { id: before.id } })).officeCode).toBe(agency.officeCode);
    const audit = await db.auditLog.findMany({ where: { newcomerId: n.id, action: "newcomer.move" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ before: { agencyCode: agency.agencyCode }, after: { agencyCode: other.agencyCode }, reason: "verhuisd" });
    // the old agency lost it, the new one records on it with its own office
    await expect(recordTrackEvent(staff, n.id, { type: "REGISTRATION", date: "2021-02-01" })).rejects.toThrow("Niet gevonden");
    const after = await recordTrackEvent(receiver, n.id, { type: "REGISTRATION", date: "2021-02-01", confirmWarnings: "REGISTRATION_NO_EXTRACTION" });
    expect(after).toMatchObject({ officeCode: other.officeCode, agencyCode: other.agencyCode });
  });

  it("moves within the agency to another office", async () => {
    const { staff, n, agency } = await setup();
    const moved = await moveNewcomer(staff, n.id, { officeCode: agency.secondOfficeCode, version: 1 });
    expect(moved.officeCode).toBe(agency.secondOfficeCode);
    expect(await fieldError(moveNewcomer(staff, n.id, { officeCode: agency.secondOfficeCode, version: 2 }), "officeCode")).toMatch(/al bij dit kantoor/);
    expect(await fieldError(moveNewcomer(staff, n.id, { officeCode: "NERGENS", version: 2 }), "officeCode")).toMatch(/kantoor/);
  });
});
