// The Belgian structured communication (gestructureerde mededeling, OGM/VCS) of a fine: 10 digits
// and 2 check digits, the 10-digit number mod 97 (97 when that is 0), shown as
// +++123/4567/89002+++. The bank refuses a payment whose check digits do not match, so the fine a
// payment belongs to can be found from the communication alone.

/** Check digits of a 10-digit base: base mod 97, 97 when 0. */
export function checkDigitsOf(base: bigint): bigint {
  const r = base % 97n;
  return r === 0n ? 97n : r;
}

/** The 12 digits for a base number 1 … 9 999 999 999 (the database's sequence value). */
export function structuredCommunicationDigits(base: number | bigint): string {
  const b = BigInt(base);
  if (b < 1n || b > 9_999_999_999n) throw new RangeError("base out of range");
  return `${b.toString().padStart(10, "0")}${checkDigitsOf(b).toString().padStart(2, "0")}`;
}

/** 12 digits → +++123/4567/89002+++ (for the letter). */
export function formatStructuredCommunication(digits: string): string {
  return `+++${digits.slice(0, 3)}/${digits.slice(3, 7)}/${digits.slice(7, 12)}+++`;
}

/** True for 12 digits (or the +++…+++ / ***…*** form) whose last two are the check of the first ten. */
export function isValidStructuredCommunication(text: string): boolean {
  const digits = text.replace(/^(\+\+\+|\*\*\*)|(\+\+\+|\*\*\*)$/g, "").replace(/[/\s]/g, "");
  if (!/^\d{12}$/.test(digits)) return false;
  const base = BigInt(digits.slice(0, 10));
  return base > 0n && checkDigitsOf(base) === BigInt(digits.slice(10));
}
