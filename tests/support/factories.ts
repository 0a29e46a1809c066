// Test data for integration tests: every test makes its own agency, users and newcomers with
// random codes, so tests never see each other's data and can run in any order.
import crypto from "node:crypto";
import { makeNationalNumber } from "@/lib/domain/national-number";
import type { Role } from "@/lib/domain/permissions";
import { loadActor, type Actor } from "@/lib/server/auth/actor";
import { db } from "@/lib/server/db";

const rnd = () => crypto.randomBytes(4).toString("hex").toUpperCase();

export interface TestAgency {
  agencyCode: string;
  officeCode: string;
  secondOfficeCode: string;
}

export async function createTestAgency(label = "Testagentschap"): Promise<TestAgency> {
  const agencyCode = `T_${rnd()}`;
  await db.agency.create({ data: { code: agencyCode, label: `${label} ${agencyCode}` } });
  const officeCode = `${agencyCode}_K1`;
  const secondOfficeCode = `${agencyCode}_K2`;
  await db.office.createMany({
    data: [
      { code: officeCode, agencyCode, label: `Kantoor 1 ${agencyCode}` },
      { code: secondOfficeCode, agencyCode, label: `Kantoor 2 ${agencyCode}` },
    ],
  });
  return { agencyCode, officeCode, secondOfficeCode };
}

export async function createTestUser(role: Role, agency?: TestAgency | null, opts: { office?: string } = {}): Promise<Actor> {
  const user = await db.user.create({
    data: {
      email: `${role.toLowerCase()}-${rnd()}@test.local`.toLowerCase(),
      name: `Test ${role}`,
      passwordHash: "x",
      role,
      agencyCode: role === "ADMIN" ? null : (agency?.agencyCode ?? null),
      officeCode: role === "STAFF" ? (opts.office ?? agency?.officeCode ?? null) : null,
    },
  });
  return loadActor(user.id);
}

let seqCounter = Math.floor(Math.random() * 400) * 2 + 1;

const randomBirthDate = () => `19${70 + Math.floor(Math.random() * 29)}-0${1 + Math.floor(Math.random() * 9)}-1${Math.floor(Math.random() * 9)}`;

/**
 * A national number not held yet. The test files run in parallel processes against one database,
 * each with its own counter, so two can draw the same (birth date, sequence) — about 1 in 1.2
 * million per pair, which a full run of thousands of newcomers hits now and then (seen in CI as
 * newcomer_national_number_key): another draw until one is free. With a fixed birth date only the
 * sequence changes.
 */
async function freeNationalNumber(fixedBirthDate: string | undefined): Promise<{ nationalNumber: string; birthDate: string }> {
  for (let attempt = 0; ; attempt++) {
    const birthDate = fixedBirthDate ?? randomBirthDate();
    seqCounter = (seqCounter + 2) % 997 || 1;
    const nationalNumber = makeNationalNumber(birthDate, seqCounter);
    const taken = await db.newcomer.findUnique({ where: { nationalNumber }, select: { id: true } });
    if (!taken || attempt >= 50) return { nationalNumber, birthDate };
  }
}

export async function createTestNewcomer(
  agency: TestAgency,
  overrides: Partial<{ office: string; lastName: string; firstName: string; birthDate: string }> = {},
) {
  const { nationalNumber, birthDate } = await freeNationalNumber(overrides.birthDate);
  const lastName = overrides.lastName ?? `Achternaam${rnd()}`;
  const firstName = overrides.firstName ?? "Voornaam";
  return db.newcomer.create({
    data: {
      nationalNumber,
      lastName,
      firstName,
      searchName: `${lastName} ${firstName}`.toLowerCase(),
      birthDate: new Date(`${birthDate}T00:00:00Z`),
      gender: "M",
      nationalityCode: "MAR",
      nationalityGroup: "DERDELANDER",
      residenceStatusCode: "GEZINSHERENIGING_BELG",
      targetGroup: "PLICHT",
      officeCode: overrides.office ?? agency.officeCode,
      agencyCode: agency.agencyCode,
    },
  });
}
