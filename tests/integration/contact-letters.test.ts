// Contact details, letters and the fine's structured communication (issue 14) against a real
// PostgreSQL: contact fields round-trip through save, import and export; invalid ones are refused
// with Dutch messages all at once and nothing saved; the structured communication is valid mod 97,
// stored with the fine and unique under concurrency; printing letters is recorded all or nothing.
import { describe, expect, it } from "vitest";
import { isValidStructuredCommunication } from "@/lib/domain/contact/structured-communication";
import { makeNationalNumber } from "@/lib/domain/national-number";
import { db } from "@/lib/server/db";
import { getNewcomerDossier } from "@/lib/server/dossiers/get-dossier";
import { createNewcomer, updateNewcomer } from "@/lib/server/dossiers/save-newcomer";
import { NotFoundError, ValidationError } from "@/lib/server/errors";
import { exportExchangeFile } from "@/lib/server/exchange/export-exchange";
import { importExchangeFile } from "@/lib/server/exchange/import-exchange";
import { decideInfringement } from "@/lib/server/fines/decide";
import { getDecisionLetter } from "@/lib/server/fines/infringement-dossier";
import { getInvitationLetters, recordDecisionLetter, recordInvitationLetters } from "@/lib/server/letters/letters";
import { createEmptyDatabase, query, writeTempFile } from "@/tests/support/exchange-factories";
import { auditCount, newcomerInput } from "../support/dossier-factories";
import { createTestAgency, createTestNewcomer, createTestUser } from "../support/factories";
import { createTestEvent } from "../support/fines-factories";
import fs from "node:fs";

const NOW = new Date("2026-06-15T10:00:00Z");
const address = { street: "Meir", houseNumber: "12A", boxNumber: "3", postalCode: "2000", city: "antwerpen", countryCode: "BE" };

describe("contact details through save", () => {
  it("are stored normalised on create and edit, and audited", async () => {
    const agency = await createTestAgency();
    const staff = await createTestUser("STAFF", agency);
    const n = await createNewcomer(staff, {
      ...newcomerInput(agency),
      ...address,
      phoneNumber: "0470 12 34 56",
      emailAddress: "A.B@Example.be",
      contactLanguage: "ar",
    });
    expect(n).toMatchObject({
      street: "Meir",
      houseNumber: "12A",
      boxNumber: "3",
      postalCode: "2000",
      city: "antwerpen",
      countryCode: "BE",
      phoneNumber: "+32470123456",
      emailAddress: "a.b@example.be",
      contactLanguage: "ar",
    });
    const edit = { ...newcomerInput(agency), nationalNumber: "", birthDate: n.birthDate.toISOString().slice(0, 10), version: n.version };
    const moved = await updateNewcomer(staff, n.id, { ...edit, street: "Veldstraat", houseNumber: "1", postalCode: "9000", city: "Gent", countryCode: "BE" });
    expect(moved).toMatchObject({
      street: "Veldstraat",
      houseNumber: "1",
      boxNumber: null,
      postalCode: "9000",
      city: "Gent",
      phoneNumber: null,
      contactLanguage: null,
    });
    const audit = await db.auditLog.findFirstOrThrow({ where: { newcomerId: n.id, action: "newcomer.update" } });
    expect(audit.before).toMatchObject({ street: "Meir", postalCode: "2000" });
    expect(audit.after).toMatchObject({ street: "Veldstraat", postalCode: "9000" });
    // the dossier shows the address and proposes the office of Ghent (the dossier stays where it is)
    const dossier = await getNewcomerDossier(staff, n.id);
    expect(dossier.newcomer.addressLines).toEqual(["Veldstraat 1", "9000 Gent"]);
    expect(dossier.proposedOffice).toEqual({ code: "IN_GENT", label: "IN-Gent" });
    expect((await db.newcomer.findUniqueOrThrow({ where: { id: n.id } })).officeCode).toBe(agency.officeCode);
  });

  it("refuses every invalid contact field at once, with the other fields' errors, in Dutch, saving nothing", async () => {
    const agency = await createTestAgency();
    const staff = await createTestUser("STAFF", agency);
    const before = await db.newcomer.count();
    const err = await createNewcomer(staff, {
      ...newcomerInput(agency),
      lastName: "",
      street: "Meir",
      houseNumber: "twaalf",
      postalCode: "2000",
      city: "Gent",
      phoneNumber: "12",
      emailAddress: "geen-adres",
      contactLanguage: "xx",
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).fieldErrors).toEqual({
      lastName: "Vul de familienaam in.",
      houseNumber: "Het huisnummer is ongeldig (bv. 12, 12A of 12-14).",
      city: "Deze gemeente hoort niet bij de postcode.",
      phoneNumber: "Het telefoonnummer is ongeldig (bv. 0470 12 34 56 of +32 9 123 45 67).",
      emailAddress: "Het e-mailadres is ongeldig.",
      contactLanguage: "Kies een contacttaal uit de lijst.",
    });
    const unknown = await createNewcomer(staff, { ...newcomerInput(agency), postalCode: "1100", city: "Brussel" }).catch((e: unknown) => e);
    expect((unknown as ValidationError).fieldErrors).toEqual({ postalCode: "Deze postcode bestaat niet in België." });
    expect(await db.newcomer.count()).toBe(before);
  });
});

describe("contact details through import and export", () => {
  it("imports the optional contact object, keeps old lines valid and exports the same line", async () => {
    const target = await createEmptyDatabase();
    try {
      const base = {
        lastName: "Novak",
        firstName: "Ana",
        birthDate: "1990-04-12",
        gender: "V",
        nationality: "POL",
        residenceStatus: "ARBEIDSMIGRANT_EU",
        targetGroup: "RECHT",
        office: "IN_GENT",
        events: [{ type: "EXTRACTION", date: "2024-03-02" }],
      };
      const withContact = {
        nationalNumber: makeNationalNumber("1990-04-12", 42),
        ...base,
        office: "IN_GENT",
        contact: { street: "Veldstraat", houseNumber: "5", postalCode: "9000", city: "Gent", phoneNumber: "09 123 45 67", emailAddress: "ana@example.org" },
      };
      const old = { nationalNumber: makeNationalNumber("1990-04-12", 44), ...base };
      const file = writeTempFile(`${JSON.stringify(withContact)}\n${JSON.stringify(old)}\n`);
      const result = await importExchangeFile({ databaseUrl: target.url, filePath: file });
      expect(result, JSON.stringify(result)).toMatchObject({ ok: true, newcomers: 2 });
      const rows = await query(
        target.url,
        "SELECT national_number, street, house_number, postal_code, city, country_code, phone_number, email_address FROM newcomer ORDER BY national_number",
      );
      expect(rows.find((r) => r.national_number === withContact.nationalNumber)).toMatchObject({
        street: "Veldstraat",
        house_number: "5",
        postal_code: "9000",
        city: "Gent",
        country_code: "BE",
        phone_number: "+3291234567",
        email_address: "ana@example.org",
      });
      expect(rows.find((r) => r.national_number === old.nationalNumber)).toMatchObject({ street: null, country_code: null });
      const out = `${file}.export.jsonl`;
      await exportExchangeFile({ databaseUrl: target.url, filePath: out });
      const lines = fs
        .readFileSync(out, "utf8")
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l));
      expect(lines.find((l) => l.nationalNumber === withContact.nationalNumber).contact).toEqual({
        street: "Veldstraat",
        houseNumber: "5",
        postalCode: "9000",
        city: "Gent",
        countryCode: "BE",
        phoneNumber: "+3291234567",
        emailAddress: "ana@example.org",
      });
      expect(lines.find((l) => l.nationalNumber === old.nationalNumber).contact).toBeUndefined();
      // a line with a bad contact imports nothing and names the fields
      const bad = {
        ...withContact,
        nationalNumber: makeNationalNumber("1990-04-12", 46),
        contact: { postalCode: "9000", city: "Antwerpen", phoneNumber: "x" },
      };
      const refused = await importExchangeFile({ databaseUrl: target.url, filePath: writeTempFile(`${JSON.stringify(bad)}\n`) });
      expect(refused.ok).toBe(false);
      expect(JSON.stringify(refused)).toMatch(/contact\.city.*contact\.phoneNumber|contact\.phoneNumber.*contact\.city/);
    } finally {
      await target.drop();
    }
  });
});

describe("the structured communication of a fine", () => {
  it("is valid mod 97, stored with the fine and unique when many fines are decided at once", async () => {
    const agency = await createTestAgency();
    const admin = await createTestUser("ADMIN");
    const events = await Promise.all(
      Array.from({ length: 12 }, async () => createTestEvent((await createTestNewcomer(agency)).id, "INFRINGEMENT", "2026-03-02")),
    );
    const fine = { outcome: "BOETE", decidedOn: "2026-04-01", amountEur: 75, motivation: "Niet tijdig aangemeld.", version: 1 };
    const decisions = await Promise.all(events.map((e) => decideInfringement(admin, e.id, fine, NOW)));
    const stored = await db.infringementDecision.findMany({ where: { id: { in: decisions.map((d) => d.id) } } });
    const communications = stored.map((d) => d.structuredCommunication);
    expect(communications.every((c) => c !== null && isValidStructuredCommunication(c))).toBe(true);
    expect(new Set(communications).size).toBe(12);
    // the letter shows the stored one, the same every time, also when opened at once
    const letters = await Promise.all([0, 1, 2].map(() => getDecisionLetter(admin, events[0]!.id)));
    const digits = stored.find((d) => d.eventId === events[0]!.id)!.structuredCommunication!;
    const shown = `+++${digits.slice(0, 3)}/${digits.slice(3, 7)}/${digits.slice(7)}+++`;
    for (const l of letters) expect(l.payment).toMatchObject({ structuredCommunication: shown, iban: "BE71 0961 2345 6769", termDays: 30 });
  });

  it("is given, once, to a fine that had none (imported or decided before) when its letter is shown", async () => {
    const agency = await createTestAgency();
    const admin = await createTestUser("ADMIN");
    const event = await createTestEvent((await createTestNewcomer(agency)).id, "INFRINGEMENT", "2026-03-02");
    const d = await db.infringementDecision.create({
      data: { eventId: event.id, outcome: "BOETE", decidedOn: new Date("2026-04-01T00:00:00Z"), amountEur: 100, status: "FINAL", paymentStatus: "OPEN" },
    });
    expect(d.structuredCommunication).toBeNull();
    const [a, b] = await Promise.all([getDecisionLetter(admin, event.id), getDecisionLetter(admin, event.id)]);
    expect(a.payment?.structuredCommunication).toBe(b.payment?.structuredCommunication);
    const after = await db.infringementDecision.findUniqueOrThrow({ where: { id: d.id } });
    expect(isValidStructuredCommunication(after.structuredCommunication!)).toBe(true);
    // the unique index refuses a second fine with the same communication
    const other = await createTestEvent((await createTestNewcomer(agency)).id, "INFRINGEMENT", "2026-03-02");
    await expect(
      db.infringementDecision.create({
        data: {
          eventId: other.id,
          outcome: "BOETE",
          decidedOn: new Date("2026-04-01T00:00:00Z"),
          status: "FINAL",
          structuredCommunication: after.structuredCommunication,
        },
      }),
    ).rejects.toThrow();
  });
});

describe("printed letters", () => {
  it("records a batch of invitations in one transaction, and nothing when one dossier is out of scope", async () => {
    const agency = await createTestAgency();
    const other = await createTestAgency();
    const staff = await createTestUser("STAFF", agency);
    const a = await createTestNewcomer(agency);
    const b = await createTestNewcomer(agency);
    const foreign = await createTestNewcomer(other);
    const invitation = await createTestEvent(a.id, "INVITATION", "2026-02-01");
    await expect(recordInvitationLetters(staff, [a.id, foreign.id])).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.letter.count({ where: { newcomerId: { in: [a.id, b.id, foreign.id] } } })).toBe(0);
    await expect(getInvitationLetters(staff, [foreign.id])).rejects.toBeInstanceOf(NotFoundError);

    const shown = await getInvitationLetters(staff, [b.id, a.id]);
    expect(shown.map((l) => l.id)).toEqual([b.id, a.id]);
    const { count, batchId } = await recordInvitationLetters(staff, [a.id, b.id]);
    expect(count).toBe(2);
    const letters = await db.letter.findMany({ where: { batchId: batchId! } });
    expect(letters).toHaveLength(2);
    expect(letters.find((l) => l.newcomerId === a.id)).toMatchObject({ kind: "INVITATION", eventId: invitation.id, printedById: staff.userId });
    expect(letters.find((l) => l.newcomerId === b.id)?.eventId).toBeNull();
    expect(await auditCount({ newcomerId: a.id, action: "letter.print" })).toBe(1);
    // the letter record holds no personal data: only ids, kind and times
    expect(Object.keys(letters[0]!).sort()).toEqual(["batchId", "decisionId", "eventId", "id", "kind", "newcomerId", "printedAt", "printedById"]);
    const dossier = await getNewcomerDossier(staff, a.id);
    expect(dossier.letters).toMatchObject([{ kind: "INVITATION", eventId: invitation.id, printedBy: staff.name }]);
  });

  it("records the fine decision letter with its decision", async () => {
    const agency = await createTestAgency();
    const admin = await createTestUser("ADMIN");
    const n = await createTestNewcomer(agency);
    const event = await createTestEvent(n.id, "INFRINGEMENT", "2026-03-02");
    const d = await decideInfringement(admin, event.id, { outcome: "BOETE", decidedOn: "2026-04-01", amountEur: 75, motivation: "m", version: 1 }, NOW);
    const letter = await recordDecisionLetter(admin, event.id);
    expect(letter).toMatchObject({ kind: "FINE_DECISION", newcomerId: n.id, eventId: event.id, decisionId: d.id });
    expect(await auditCount({ newcomerId: n.id, action: "letter.print" })).toBe(1);
  });
});
