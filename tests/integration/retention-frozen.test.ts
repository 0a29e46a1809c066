// An anonymised dossier is frozen (issue 15): every write path of the data layer refuses it with
// the key retention.frozen (AnonymisedDossierError, one check: lockNewcomersForWrite), changes
// nothing, and the refusal is audited like other refusals (`<action>.denied`, reason "anonymised").
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { mergeNewcomers } from "@/lib/server/dossiers/merge-newcomers";
import { cancelTrackEvent, correctTrackEvent, recordTrackEvent } from "@/lib/server/dossiers/record-event";
import { createNewcomer, moveNewcomer, updateNewcomer } from "@/lib/server/dossiers/save-newcomer";
import { getNewcomerForEdit } from "@/lib/server/dossiers/get-dossier";
import { generateDvzAdvice, recordDvzFollowUp } from "@/lib/server/dvz/advice";
import { AnonymisedDossierError, ValidationError } from "@/lib/server/errors";
import { decideInfringement } from "@/lib/server/fines/decide";
import { updateFinePayment } from "@/lib/server/fines/payment";
import { confirmDecision, rejectDecision } from "@/lib/server/fines/review";
import { recordDecisionLetter, recordInvitationLetters } from "@/lib/server/letters/letters";
import { anonymiseLocked } from "@/lib/server/retention/anonymise";
import { setLegalHold } from "@/lib/server/retention/holds";
import { bulkMoveNewcomers, bulkOpenLateRegistrationInfringements } from "@/lib/server/worklists/bulk";
import { newcomerInput } from "../support/dossier-factories";
import { createTestAgency, createTestUser } from "../support/factories";

const NOW = new Date("2026-06-15T10:00:00Z");

/** Everything a write could touch of one dossier, as one comparable text. */
async function stateOf(id: string) {
  return JSON.stringify(
    await db.newcomer.findUniqueOrThrow({
      where: { id },
      include: { events: { include: { decisions: true }, orderBy: { id: "asc" } }, aliases: true, letters: true, legalHolds: true },
    }),
  );
}

describe("an anonymised dossier is frozen", () => {
  it("refuses every write of the data layer with retention.frozen, changes nothing, and audits the refusal", async () => {
    const agency = await createTestAgency();
    const staff = await createTestUser("STAFF", agency);
    const admin = await createTestUser("ADMIN");
    const admin2 = await createTestUser("ADMIN");
    const input = newcomerInput(agency, { lastName: "Bevroren" });
    const n = await createNewcomer(staff, input);
    const live = await createNewcomer(staff, newcomerInput(agency, { lastName: "Levend" }));
    const invitation = await recordTrackEvent(staff, n.id, { type: "INVITATION", date: "2024-01-05", confirmWarnings: "INVITATION_NO_EXTRACTION" });
    const paidFine = await recordTrackEvent(staff, n.id, { type: "INFRINGEMENT", date: "2024-02-01", infringementType: "NIET_TIJDIG_AANGEMELD" });
    const fine = await decideInfringement(admin, paidFine.id, { outcome: "BOETE", decidedOn: "2024-03-01", amountEur: 75, motivation: "m", version: 1 }, NOW);
    const bigFine = await recordTrackEvent(staff, n.id, { type: "INFRINGEMENT", date: "2024-02-02", infringementType: "NIET_TIJDIG_AANGEMELD" });
    const awaiting = await decideInfringement(
      admin,
      bigFine.id,
      { outcome: "BOETE", decidedOn: "2024-03-01", amountEur: 2000, motivation: "m", version: 1 },
      NOW,
    );
    const open = await recordTrackEvent(staff, n.id, { type: "INFRINGEMENT", date: "2024-02-03", infringementType: "NIET_TIJDIG_AANGEMELD" });
    const advice = await generateDvzAdvice(admin, { newcomerId: n.id, date: "2024-04-01" }, NOW);
    await db.$transaction((tx) => anonymiseLocked(tx, admin, [n.id], "admin"));
    const frozen = await db.newcomer.findUniqueOrThrow({ where: { id: n.id } });
    const before = await stateOf(n.id);
    const liveBefore = await stateOf(live.id);
    const deniedBefore = await db.auditLog.count({ where: { newcomerId: n.id, reason: "anonymised" } });

    const { officeCode: _o, ...edit } = input;
    const attempts: [string, () => Promise<unknown>][] = [
      ["update", () => updateNewcomer(staff, n.id, { ...edit, nationalNumber: "", lastName: "Terug", version: frozen.version })],
      [
        "contact",
        () =>
          updateNewcomer(staff, n.id, {
            ...edit,
            nationalNumber: "",
            street: "Veldstraat",
            houseNumber: "1",
            postalCode: "9000",
            city: "Gent",
            countryCode: "BE",
            version: frozen.version,
          }),
      ],
      ["move", () => moveNewcomer(staff, n.id, { officeCode: agency.secondOfficeCode, version: frozen.version })],
      ["event", () => recordTrackEvent(staff, n.id, { type: "EXTRACTION", date: "2024-01-01" })],
      ["correct", () => correctTrackEvent(staff, invitation.id, { date: "2024-01-06", version: invitation.version, reason: "poging" })],
      ["cancel", () => cancelTrackEvent(staff, invitation.id, { version: invitation.version, reason: "poging" })],
      ["decide", () => decideInfringement(admin, open.id, { outcome: "GEEN_BOETE", decidedOn: "2024-03-02", motivation: "m", version: 1 }, NOW)],
      ["confirm", () => confirmDecision(admin2, awaiting.id)],
      ["reject", () => rejectDecision(admin2, awaiting.id, { reason: "niet akkoord" })],
      ["payment", () => updateFinePayment(admin, fine.id, { paymentStatus: "BETAALD", on: "2024-04-01" }, NOW)],
      ["dvz advice", () => generateDvzAdvice(admin, { newcomerId: n.id, date: "2024-05-01" }, NOW)],
      ["dvz follow-up", () => recordDvzFollowUp(admin, advice.id, { followUp: "VERBLIJF_VERLENGD", on: "2024-05-01", version: 1 }, NOW)],
      ["merge as merged", () => mergeNewcomers(admin, { survivorId: live.id, mergedId: n.id, survivorVersion: live.version, mergedVersion: frozen.version })],
      ["merge as survivor", () => mergeNewcomers(admin, { survivorId: n.id, mergedId: live.id, survivorVersion: frozen.version, mergedVersion: live.version })],
      ["invitation letter", () => recordInvitationLetters(staff, [n.id])],
      ["decision letter", () => recordDecisionLetter(admin, paidFine.id)],
      ["legal hold", () => setLegalHold(admin, { newcomerId: n.id, reason: "Beroep hangende" })],
      ["edit form", () => getNewcomerForEdit(staff, n.id)],
    ];
    for (const [what, attempt] of attempts) {
      const e = await attempt().then(
        () => null,
        (x: unknown) => x,
      );
      expect(e, what).toBeInstanceOf(AnonymisedDossierError);
      expect((e as AnonymisedDossierError).msg, what).toMatchObject({ key: "retention.frozen" });
      expect((e as Error).message, what).toMatch(/^Dit dossier is geanonimiseerd op \d\d\/\d\d\/\d{4}: het kan niet meer gewijzigd worden\.$/);
    }
    // the bulk actions: the anonymised item is the selection's problem, nothing of the selection is done
    for (const bulk of [
      () => bulkMoveNewcomers(staff, { ids: [live.id, n.id], officeCode: agency.secondOfficeCode }),
      () => bulkOpenLateRegistrationInfringements(staff, { ids: [n.id] }, NOW),
    ]) {
      const e = await bulk().then(
        () => null,
        (x: unknown) => x,
      );
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).fieldMessages[`item.${n.id}`]).toMatchObject({ key: "retention.frozen" });
    }

    expect(await stateOf(n.id)).toBe(before);
    expect(await stateOf(live.id)).toBe(liveBefore);
    // audited like the other refusals: one `.denied` row per refused write (the edit form is a read), reason "anonymised"
    const denied = await db.auditLog.findMany({ where: { newcomerId: n.id, reason: "anonymised" }, select: { action: true }, orderBy: { id: "asc" } });
    expect(denied.length - deniedBefore).toBe(attempts.length - 1 + 2);
    expect(denied.map((d) => d.action)).toEqual(
      expect.arrayContaining([
        "newcomer.update.denied",
        "newcomer.move.denied",
        "event.create.denied",
        "event.correct.denied",
        "event.cancel.denied",
        "decision.create.denied",
        "decision.confirm.denied",
        "decision.reject.denied",
        "payment.update.denied",
        "dvz.advice.create.denied",
        "dvz.followup.update.denied",
        "newcomer.merge.denied",
        "letter.print.denied",
        "retention.hold.set.denied",
      ]),
    );
  });
});
