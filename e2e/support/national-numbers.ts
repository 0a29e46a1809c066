// Valid national numbers for e2e newcomers that never collide with the demo data in the e2e
// database: the demo generator hands out sequence numbers per birth date from 1 upward (the
// highest in the data set is 40), so e2e numbers take theirs from 801–998, at random.
import crypto from "node:crypto";
import { makeNationalNumber } from "../../lib/domain/national-number";

/** A valid national number for the birth date; the sequence's parity carries the gender (odd M, even V). */
export function e2eNationalNumber(birthDate: string, gender: "M" | "V" = "M"): string {
  const sequence = 801 + 2 * crypto.randomInt(0, 98) + (gender === "V" ? 1 : 0); // 801–997 or 802–998
  return makeNationalNumber(birthDate, sequence);
}
