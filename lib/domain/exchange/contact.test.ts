// The exchange line's optional contact object: old lines stay valid, a valid contact is resolved
// into the stored columns, every contact error is reported with its field at once.
import { describe, expect, it } from "vitest";
import { codes } from "@/lib/domain/codes";
import { makeNationalNumber } from "@/lib/domain/national-number";
import { toExchangeLine } from "./to-line";
import { type ReferenceCodes, validateExchangeLine } from "./validate-line";

const refs: ReferenceCodes = {
  offices: new Map(codes.offices.map((o) => [o.code, o.agency])),
  nationalities: new Map(codes.nationalities.map((n) => [n.code, n.group])),
  residenceStatuses: new Set(codes.residenceStatuses.map((s) => s.code)),
};
const groupOf = (n: string) => refs.nationalities.get(n) as never;

const base = {
  nationalNumber: makeNationalNumber("1985-07-30", 34),
  lastName: "El Amrani",
  firstName: "Samira",
  birthDate: "1985-07-30",
  gender: "V",
  nationality: "MAR",
  residenceStatus: "GEZINSHERENIGING_BELG",
  targetGroup: "PLICHT",
  office: "ATLAS",
  events: [{ type: "EXTRACTION", date: "2020-03-02" }],
};

describe("the contact object of an exchange line", () => {
  it("is optional: a line without one is valid and exports without one", () => {
    const r = validateExchangeLine(JSON.stringify(base), 1, refs);
    expect(r.ok && r.value.contact).toBeNull();
    if (r.ok) expect(toExchangeLine(r.value, groupOf)).not.toContain("contact");
  });

  it("is resolved into the stored columns and written back the same way", () => {
    const contact = { street: "Meir", houseNumber: "12", postalCode: "2000", city: "Antwerpen", phoneNumber: "0470 12 34 56", contactLanguage: "ar" };
    const r = validateExchangeLine(JSON.stringify({ ...base, contact }), 1, refs);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.contact).toEqual({
      street: "Meir",
      houseNumber: "12",
      boxNumber: null,
      postalCode: "2000",
      city: "Antwerpen",
      countryCode: "BE",
      phoneNumber: "+32470123456",
      emailAddress: null,
      contactLanguage: "ar",
    });
    const line = toExchangeLine(r.value, groupOf);
    expect(JSON.parse(line).contact).toEqual({
      street: "Meir",
      houseNumber: "12",
      postalCode: "2000",
      city: "Antwerpen",
      countryCode: "BE",
      phoneNumber: "+32470123456",
      contactLanguage: "ar",
    });
    // export → import → export: the same bytes
    const again = validateExchangeLine(line, 1, refs);
    expect(again.ok && toExchangeLine(again.value, groupOf)).toBe(line);
  });

  it("reports every contact error with its field, together with the line's other errors", () => {
    const contact = { street: "Meir", postalCode: "2000", city: "Gent", phoneNumber: "12", emailAddress: "x@", fax: "1" };
    const r = validateExchangeLine(JSON.stringify({ ...base, lastName: "", contact }), 7, refs);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.field, e.reason])).toEqual(
      expect.arrayContaining([
        ["lastName", "line.lastName"],
        ["contact.fax", "line.unknownField"],
        ["contact.phoneNumber", "contact.phoneInvalid"],
        ["contact.emailAddress", "contact.emailInvalid"],
        ["contact.city", "contact.municipalityMismatch"],
      ]),
    );
    expect(validateExchangeLine(JSON.stringify({ ...base, contact: "Meir 12" }), 1, refs)).toMatchObject({
      ok: false,
      errors: [{ field: "contact", reason: "line.contactNotObject" }],
    });
  });
});
