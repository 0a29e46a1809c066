// The payment part of a fine decision letter: the term, and the account number's format.
import { addDaysIso } from "@/lib/domain/letters/dates";

/** The demo account (the well-known example IBAN) that `npm run demo`, the e2e server and development print. */
export const DEMO_FINE_IBAN = "BE71096123456769";

/** Days the newcomer has to pay, counted from the date of the letter. */
export const FINE_PAYMENT_TERM_DAYS = 30;

export function paymentDueOn(letterDate: string): string {
  return addDaysIso(letterDate, FINE_PAYMENT_TERM_DAYS);
}

/** A Belgian or other IBAN: country, check digits (mod 97 = 1 over the rearranged number), 11–30 characters. */
export function isValidIban(value: string): boolean {
  const iban = value.replace(/\s+/g, "").toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  if (iban.startsWith("BE") && iban.length !== 16) return false;
  const digits = (iban.slice(4) + iban.slice(0, 4)).replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  return BigInt(digits) % 97n === 1n;
}

/** BE71096123456769 → BE71 0961 2345 6769 (as printed). */
export function formatIban(value: string): string {
  return value
    .replace(/\s+/g, "")
    .toUpperCase()
    .replace(/(.{4})(?=.)/g, "$1 ");
}
