import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldErrorsOf } from "@/lib/domain/kit";
import { ALWAYS, checkContact, contactFields, countryOf } from "./contact.schema";

const schema = z.object(contactFields).superRefine(checkContact, ALWAYS);
const errorsOf = (input: Record<string, string>) => {
  const r = schema.safeParse(input);
  return r.success ? {} : fieldErrorsOf(r.error.issues);
};

describe("contact details", () => {
  it("are each optional", () => {
    expect(schema.parse({})).toEqual({});
    expect(schema.parse({ street: "", phoneNumber: " ", emailAddress: "" })).toEqual({});
  });

  it("normalise a valid address, phone and e-mail", () => {
    const v = schema.parse({
      street: "Meir",
      houseNumber: "12A",
      boxNumber: "3",
      postalCode: "2000",
      city: "antwerpen",
      phoneNumber: "0470 12 34 56",
      emailAddress: "Ana.Novak@Example.be",
      contactLanguage: "fr",
    });
    expect(v.phoneNumber).toBe("+32470123456");
    expect(v.emailAddress).toBe("ana.novak@example.be");
    expect(countryOf(v)).toBe("BE");
  });

  it("report every problem of a submission at once", () => {
    const errors = errorsOf({
      street: "Meir",
      houseNumber: "twaalf",
      postalCode: "2000",
      city: "Gent",
      phoneNumber: "12",
      emailAddress: "not-an-address",
      contactLanguage: "xx",
      countryCode: "",
    });
    expect(errors).toEqual({
      city: "contact.municipalityMismatch",
      houseNumber: "contact.houseNumberInvalid",
      phoneNumber: "contact.phoneInvalid",
      emailAddress: "contact.emailInvalid",
      contactLanguage: "contact.languageInvalid",
    });
    // the cross-field rules once the fields themselves are right
    expect(errorsOf({ street: "Meir", houseNumber: "12", postalCode: "2000", city: "Gent" })).toEqual({ city: "contact.municipalityMismatch" });
    expect(errorsOf({ boxNumber: "3", postalCode: "1100", city: "Brussel" })).toEqual({
      houseNumber: "contact.houseNumberRequired",
      postalCode: "contact.postalCodeUnknown",
    });
    expect(errorsOf({ street: "Meir" })).toEqual({ postalCode: "contact.postalCodeRequired" });
  });

  it("does not check a foreign postal code against the Belgian list", () => {
    expect(errorsOf({ street: "Kalverstraat", houseNumber: "1", postalCode: "1012 NX", city: "Amsterdam", countryCode: "nl" })).toEqual({});
    expect(errorsOf({ postalCode: "1012 NX", city: "Amsterdam" })).toEqual({ postalCode: "contact.postalCodeFormat" });
    expect(errorsOf({ postalCode: "1012 NX", city: "Amsterdam", countryCode: "ZZ" })).toEqual({ countryCode: "contact.countryInvalid" });
  });
});
