// A STAFF member of agency A gets nothing of agency B's newcomers through the data layer, and
// staff have no way to delete. Views and reveals are audited once each; denied attempts too.
import { describe, expect, it } from "vitest";
import * as newcomerApi from "@/lib/server/dossiers/get-dossier";
import { getNewcomerDossier, getNewcomerForEdit, revealNationalNumber } from "@/lib/server/dossiers/get-dossier";
import { listNewcomers } from "@/lib/server/dossiers/list-newcomers";
import * as saveApi from "@/lib/server/dossiers/save-newcomer";
import { createNewcomer, moveNewcomer, updateNewcomer } from "@/lib/server/dossiers/save-newcomer";
import * as trackApi from "@/lib/server/dossiers/record-event";
import { cancelTrackEvent, correctTrackEvent, recordTrackEvent } from "@/lib/server/dossiers/record-event";
import { db } from "@/lib/server/db";
import { ForbiddenError, NotFoundError } from "@/lib/server/errors";
import { createTestAgency, createTestUser } from "../support/factories";
import { auditCount, newcomerInput } from "../support/dossier-factories";

describe("agency isolation in the data layer", () => {
  it("gives a STAFF member of A nothing of B", async () => {
    const a = await createTestAgency();
    const b = await createTestAgency();
    const staffA = await createTestUser("STAFF", a);
    const staffB = await createTestUser("STAFF", b);
    const input = newcomerInput(b, { lastName: "Verborgen", firstName: "Persoon" });
    const nb = await createNewcomer(staffB, input);
    const eb = await recordTrackEvent(staffB, nb.id, { type: "INVITATION", date: "2021-01-05", confirmWarnings: "INVITATION_NO_EXTRACTION" });
    const dataBefore = JSON.stringify(await db.newcomer.findUniqueOrThrow({ where: { id: nb.id }, include: { events: true } }));

    // list and search: by name, by national number, by B's office
    expect((await listNewcomers(staffA, {})).rows.map((r) => r.id)).not.toContain(nb.id);
    expect((await listNewcomers(staffA, { q: "verborgen" })).rows).toHaveLength(0);
    expect((await listNewcomers(staffA, { q: input.nationalNumber })).rows).toHaveLength(0);
    expect((await listNewcomers(staffA, { office: b.officeCode })).rows).toHaveLength(0);
    expect((await listNewcomers(staffB, { q: "verborgen" })).rows.map((r) => r.id)).toEqual([nb.id]);

    // detail, edit form, reveal, update, record, correct, cancel, move: all "not found"
    const { officeCode: _o, ...edit } = input;
    const attempts: (() => Promise<unknown>)[] = [
      () => getNewcomerDossier(staffA, nb.id),
      () => getNewcomerForEdit(staffA, nb.id),
      () => revealNationalNumber(staffA, nb.id),
      () => updateNewcomer(staffA, nb.id, { ...edit, lastName: "Gewijzigd", version: 1 }),
      () => recordTrackEvent(staffA, nb.id, { type: "REGISTRATION", date: "2021-02-01" }),
      () => correctTrackEvent(staffA, eb.id, { date: "2021-01-06", version: 1, reason: "poging" }),
      () => cancelTrackEvent(staffA, eb.id, { version: 1, reason: "poging" }),
      () => moveNewcomer(staffA, nb.id, { officeCode: a.officeCode, version: 1 }),
    ];
    for (const attempt of attempts) await expect(attempt()).rejects.toBeInstanceOf(NotFoundError);
    // creating a newcomer in B's office is refused too
    await expect(createNewcomer(staffA, newcomerInput(a, { officeCode: b.officeCode }))).rejects.toMatchObject({
      fieldErrors: { officeCode: expect.stringContaining("eigen agentschap") },
    });

    expect(JSON.stringify(await db.newcomer.findUniqueOrThrow({ where: { id: nb.id }, include: { events: true } }))).toBe(dataBefore);
    // the denied view is audited, and so is every refused write (issue 12): nothing else of A's attempts is in B's history
    expect(await auditCount({ newcomerId: nb.id, action: "newcomer.view.denied" })).toBe(2); // the dossier and the edit form
    const denied = await db.auditLog.findMany({
      where: { newcomerId: nb.id, userId: staffA.userId, NOT: { action: "newcomer.view.denied" } },
      select: { action: true },
      orderBy: { id: "asc" },
    });
    expect(denied.map((d) => d.action)).toEqual([
      "newcomer.reveal.denied",
      "newcomer.update.denied",
      "event.create.denied",
      "event.correct.denied",
      "event.cancel.denied",
      "newcomer.move.denied",
    ]);
  });

  it("lets an ADMIN open any dossier and refuses MANAGERs", async () => {
    const b = await createTestAgency();
    const staffB = await createTestUser("STAFF", b);
    const admin = await createTestUser("ADMIN");
    const manager = await createTestUser("MANAGER", b);
    const nb = await createNewcomer(staffB, newcomerInput(b));
    expect((await getNewcomerDossier(admin, nb.id)).newcomer.id).toBe(nb.id);
    await expect(getNewcomerDossier(manager, nb.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listNewcomers(manager, {})).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("offers staff no delete path at all", () => {
    const exported = [...Object.keys(newcomerApi), ...Object.keys(saveApi), ...Object.keys(trackApi)];
    expect(exported.filter((k) => /delete|remove|destroy|purge/i.test(k))).toEqual([]);
  });
});

describe("views and reveals are audited", () => {
  it("writes exactly one entry per dossier view and per reveal, and masks the number", async () => {
    const a = await createTestAgency();
    const staff = await createTestUser("STAFF", a);
    const input = newcomerInput(a);
    const n = await createNewcomer(staff, input);
    const dossier = await getNewcomerDossier(staff, n.id);
    expect(dossier.newcomer.maskedNationalNumber).toMatch(/^\d\d\.\d\d\.\d\d-\*\*\*\.\*\*$/);
    expect(JSON.stringify(dossier.newcomer)).not.toContain(input.nationalNumber);
    expect(await auditCount({ newcomerId: n.id, action: "newcomer.view" })).toBe(1);
    const full = await revealNationalNumber(staff, n.id);
    expect(full.replace(/\D/g, "")).toBe(input.nationalNumber);
    expect(await auditCount({ newcomerId: n.id, action: "newcomer.reveal" })).toBe(1);
    await getNewcomerDossier(staff, n.id);
    expect(await auditCount({ newcomerId: n.id, action: "newcomer.view" })).toBe(2);
    expect(await auditCount({ newcomerId: n.id })).toBe(4);
  });

  it("shows the dossier's history and timeline in date order with who recorded it", async () => {
    const a = await createTestAgency();
    const staff = await createTestUser("STAFF", a);
    const n = await createNewcomer(staff, newcomerInput(a));
    await recordTrackEvent(staff, n.id, { type: "REGISTRATION", date: "2021-03-01", confirmWarnings: "REGISTRATION_NO_EXTRACTION" });
    await recordTrackEvent(staff, n.id, { type: "INVITATION", date: "2021-01-05", confirmWarnings: "INVITATION_NO_EXTRACTION" });
    const { timeline, history } = await getNewcomerDossier(staff, n.id);
    expect(timeline.map((e) => e.type)).toEqual(["INVITATION", "REGISTRATION"]);
    expect(timeline[0]).toMatchObject({ recordedBy: staff.name, officeCode: a.officeCode });
    expect(history.map((h) => h.action)).toEqual(["event.create", "event.create", "newcomer.create"]);
  });
});

describe("the dossier's history", () => {
  it("keeps the national number masked in the before/after it shows", async () => {
    const a = await createTestAgency();
    const staff = await createTestUser("STAFF", a);
    const input = newcomerInput(a);
    const n = await createNewcomer(staff, input);
    const { history } = await getNewcomerDossier(staff, n.id);
    expect(history).toHaveLength(1);
    expect(JSON.stringify(history)).not.toContain(input.nationalNumber);
    expect(JSON.stringify(history)).toContain("***.**");
  });
});

describe("the edit form", () => {
  it("shows the number masked, writes no reveal, and an empty number field keeps the number (issue 12)", async () => {
    const a = await createTestAgency();
    const staff = await createTestUser("STAFF", a);
    const input = newcomerInput(a);
    const n = await createNewcomer(staff, input);
    const form = await getNewcomerForEdit(staff, n.id);
    expect(form.nationalNumber).toBe("");
    expect(form.maskedNationalNumber).toMatch(/\*\*\*/);
    expect(JSON.stringify(form)).not.toContain(input.nationalNumber.slice(6));
    expect(await auditCount({ newcomerId: n.id, action: "newcomer.reveal" })).toBe(0);
    const { officeCode: _o, ...edit } = input;
    const saved = await updateNewcomer(staff, n.id, { ...edit, nationalNumber: "", firstName: "Nieuw", version: 1 });
    expect(saved).toMatchObject({ nationalNumber: input.nationalNumber, firstName: "Nieuw" });
    // and the stored number must still fit the birth date
    await expect(updateNewcomer(staff, n.id, { ...edit, nationalNumber: "", birthDate: "1950-01-01", version: 2 })).rejects.toMatchObject({
      fieldErrors: { nationalNumber: expect.any(String) },
    });
  });
});
