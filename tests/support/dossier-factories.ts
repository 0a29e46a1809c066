// Test data for the dossier tests: valid newcomer form input for an agency, and audit counting.
import { makeNationalNumber } from "@/lib/domain/national-number";
import { db } from "@/lib/server/db";
import type { TestAgency } from "./factories";

let seq = 101 + Math.floor(Math.random() * 200) * 2;

/** A valid create-form input (male, so the sequence number is odd) in the agency's first office. */
export function newcomerInput(agency: TestAgency, overrides: Record<string, unknown> = {}) {
  seq = seq + 2 > 997 ? 1 : seq + 2;
  const birthDate =
    (overrides.birthDate as string | undefined) ??
    `19${60 + Math.floor(Math.random() * 39)}-0${1 + Math.floor(Math.random() * 9)}-2${Math.floor(Math.random() * 8)}`;
  return {
    nationalNumber: makeNationalNumber(birthDate, seq),
    lastName: "Öztürk",
    firstName: "Ayşe",
    birthDate,
    gender: "M",
    nationalityCode: "MAR",
    nationalityGroup: "",
    residenceStatusCode: "GEZINSHERENIGING_BELG",
    targetGroup: "PLICHT",
    officeCode: agency.officeCode,
    ...overrides,
  };
}

export async function auditCount(where: { newcomerId?: string; action?: string; entityId?: string }) {
  return db.auditLog.count({ where });
}
