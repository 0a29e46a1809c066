import { describe, expect, it } from "vitest";
import { FINE_PAYMENT_TERM_DAYS, formatIban, isValidIban, paymentDueOn } from "./fine-letter";

describe("the fine letter's payment details", () => {
  it("gives the due date 30 days after the letter", () => {
    expect(FINE_PAYMENT_TERM_DAYS).toBe(30);
    expect(paymentDueOn("2026-12-02")).toBe("2027-01-01");
    expect(paymentDueOn("2028-02-01")).toBe("2028-03-02");
  });

  it("checks an IBAN's check digits", () => {
    expect(isValidIban("BE71 0961 2345 6769")).toBe(true);
    expect(isValidIban("BE71096123456769")).toBe(true);
    expect(isValidIban("BE72096123456769")).toBe(false);
    expect(isValidIban("BE7109612345676")).toBe(false);
    expect(isValidIban("NL91ABNA0417164300")).toBe(true);
    expect(formatIban("be71096123456769")).toBe("BE71 0961 2345 6769");
  });
});
