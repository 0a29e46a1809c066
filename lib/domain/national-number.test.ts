import { describe, expect, it } from "vitest";
import {
  maskNationalNumbersDeep,
  maskNationalNumbersInText,
  formatNationalNumber,
  isValidNationalNumber,
  makeNationalNumber,
  maskNationalNumber,
  normalizeNationalNumber,
} from "./national-number";
import * as nn from "./national-number";
import { renderMessage } from "@/lib/i18n/message";

// The rules return message keys; these tests check the Dutch text they stand for (unchanged).
const validateNationalNumber = (...a: Parameters<typeof nn.validateNationalNumber>) => {
  const r = nn.validateNationalNumber(...a);
  return r.ok ? r : { ...r, reason: renderMessage(r.reason) };
};

describe("national number", () => {
  it("accepts the example number of the domain (born 1985; sequence 033 is odd, so male)", () => {
    expect(isValidNationalNumber("85073003328")).toBe(true);
    expect(validateNationalNumber("85.07.30-033.28")).toEqual({ ok: true, birthDate: "1985-07-30", gender: "M", isBis: false });
  });

  it("rejects wrong check digits before 2000", () => {
    expect(isValidNationalNumber("85073003329")).toBe(false);
    const r = validateNationalNumber("85073003329");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/controlegetal/);
  });

  it("uses the 2-prefix for births from 2000", () => {
    const nn = makeNationalNumber("2003-02-14", 12);
    // 97 - (2030214012 mod 97)
    expect(nn).toBe(`030214012${String(97 - (2030214012 % 97)).padStart(2, "0")}`);
    expect(validateNationalNumber(nn)).toEqual({ ok: true, birthDate: "2003-02-14", gender: "V", isBis: false });
    // The pre-2000 checksum on the same digits is a different number: it reads as 1903.
    const old = `030214012${String(97 - (30214012 % 97)).padStart(2, "0")}`;
    const r = validateNationalNumber(old);
    expect(r.ok && r.birthDate).toBe("1903-02-14");
    expect(validateNationalNumber(old, { birthDate: "2003-02-14" }).ok).toBe(false);
  });

  it("rejects malformed input and impossible dates", () => {
    expect(isValidNationalNumber("1234")).toBe(false);
    expect(isValidNationalNumber("8507300332a")).toBe(false);
    const nine = "850231033"; // 31 February
    expect(isValidNationalNumber(nine + String(97 - (Number(nine) % 97)).padStart(2, "0"))).toBe(false);
  });

  it("reads gender from the sequence parity and checks agreement", () => {
    const m = makeNationalNumber("1990-12-01", 101);
    const v = makeNationalNumber("1990-12-01", 102);
    expect(validateNationalNumber(m, { gender: "M", birthDate: "1990-12-01" }).ok).toBe(true);
    expect(validateNationalNumber(v, { gender: "V" }).ok).toBe(true);
    const wrong = validateNationalNumber(m, { gender: "V" });
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.reason).toMatch(/geslacht/);
    const wrongDate = validateNationalNumber(m, { birthDate: "1990-12-02" });
    expect(wrongDate.ok).toBe(false);
    if (!wrongDate.ok) expect(wrongDate.reason).toMatch(/geboortedatum/);
  });

  it("handles BIS numbers (month +40 gender known, +20 gender unknown)", () => {
    const bis = makeNationalNumber("1988-03-05", 7, { bis: true });
    expect(bis.slice(2, 4)).toBe("43");
    expect(validateNationalNumber(bis, { birthDate: "1988-03-05", gender: "M" })).toEqual({
      ok: true,
      birthDate: "1988-03-05",
      gender: "M",
      isBis: true,
    });
    const nine = "882305008"; // +20: gender unknown
    const bis20 = nine + String(97 - (Number(nine) % 97)).padStart(2, "0");
    expect(validateNationalNumber(bis20, { gender: "M" })).toEqual({ ok: true, birthDate: "1988-03-05", gender: null, isBis: true });
    const bis2000 = makeNationalNumber("2001-11-30", 998, { bis: true });
    expect(validateNationalNumber(bis2000)).toEqual({ ok: true, birthDate: "2001-11-30", gender: "V", isBis: true });
  });

  it("normalizes, formats and masks", () => {
    expect(normalizeNationalNumber(" 85.07.30-033.28 ")).toBe("85073003328");
    expect(formatNationalNumber("85073003328")).toBe("85.07.30-033.28");
    expect(maskNationalNumber("85073003328")).toBe("85.07.30-***.**");
    expect(maskNationalNumber("85.07.30-033.28")).toBe("85.07.30-***.**");
  });
});

describe("masking national numbers in free text and values", () => {
  it("masks an 11-digit run and the written form, and leaves other numbers alone", () => {
    expect(maskNationalNumbersInText("rrn 85073003328, of 85.07.30-033.28.")).toBe("rrn 85.07.30-***.**, of 85.07.30-***.**.");
    expect(maskNationalNumbersInText("tel 0471234567 · 2026-12-01T10:00:00Z · 123456789012")).toBe("tel 0471234567 · 2026-12-01T10:00:00Z · 123456789012");
  });
  it("keeps a UUID whose last group holds 11 digits in a row (audit rows list newcomer ids)", () => {
    const id = "0ae121ec-ffdf-40ac-8b5b-93370357876a";
    expect(maskNationalNumbersInText(`ids ${id}, ${id.toUpperCase()}`)).toBe(`ids ${id}, ${id.toUpperCase()}`);
    expect(maskNationalNumbersDeep({ newcomerIds: [id, "8ae121ec-ffdf-40ac-8b5b-a93370357876"] })).toEqual({
      newcomerIds: [id, "8ae121ec-ffdf-40ac-8b5b-a93370357876"],
    });
    expect(maskNationalNumbersInText(`dossier ${id} rrn 85073003328`, { wide: true })).toBe(`dossier ${id} rrn [rijksregisternummer]`);
  });
  it("the wide form (log lines) blanks every spacing and longer digit runs, keeping no birth date", () => {
    for (const nn of ["86062000381", "86.06.20-003.81", "86 06 20 003 81", "86-06-20-003-81", "x860620003812345"]) {
      expect(maskNationalNumbersInText(`(national_number)=(${nn})`, { wide: true }), nn).not.toMatch(/\d{5}|\d{2}\.\d{2}\.\d{2}/);
    }
  });
  it("leaves a masked number as it is", () => {
    expect(maskNationalNumbersInText("85.07.30-***.**")).toBe("85.07.30-***.**");
  });
  it("masks strings and 11-digit numbers deep inside a value, keys kept", () => {
    expect(maskNationalNumbersDeep({ nationalNumber: "85073003328", list: [85073003328, "x"], n: 3 })).toEqual({
      nationalNumber: "85.07.30-***.**",
      list: ["85.07.30-***.**", "x"],
      n: 3,
    });
  });
});
