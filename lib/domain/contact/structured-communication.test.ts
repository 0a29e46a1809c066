import { describe, expect, it } from "vitest";
import { checkDigitsOf, formatStructuredCommunication, isValidStructuredCommunication, structuredCommunicationDigits } from "./structured-communication";

describe("structured communication", () => {
  it("gives the check digits base mod 97", () => {
    // the example: 123/4567/890 + 02
    expect(structuredCommunicationDigits(1234567890)).toBe("123456789002");
    expect(formatStructuredCommunication(structuredCommunicationDigits(1234567890))).toBe("+++123/4567/89002+++");
    expect(structuredCommunicationDigits(1)).toBe("000000000101");
    expect(structuredCommunicationDigits(96)).toBe("000000009696");
  });

  it("uses 97 when the base is a multiple of 97", () => {
    expect(checkDigitsOf(97n)).toBe(97n);
    expect(structuredCommunicationDigits(97)).toBe("000000009797");
    expect(structuredCommunicationDigits(9_999_999_997n - (9_999_999_997n % 97n))).toMatch(/97$/);
  });

  it("refuses bases outside 10 digits", () => {
    expect(() => structuredCommunicationDigits(0)).toThrow(RangeError);
    expect(() => structuredCommunicationDigits(10_000_000_000)).toThrow(RangeError);
  });

  it("validates the written forms and refuses a wrong check", () => {
    expect(isValidStructuredCommunication("+++123/4567/89002+++")).toBe(true);
    expect(isValidStructuredCommunication("***123/4567/89002***")).toBe(true);
    expect(isValidStructuredCommunication("123456789002")).toBe(true);
    expect(isValidStructuredCommunication("+++123/4567/89003+++")).toBe(false);
    expect(isValidStructuredCommunication("+++000/0000/00097+++")).toBe(false);
    expect(isValidStructuredCommunication("12345678900")).toBe(false);
    for (let b = 1n; b < 2000n; b += 7n) expect(isValidStructuredCommunication(structuredCommunicationDigits(b))).toBe(true);
  });
});
