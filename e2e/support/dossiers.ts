// E2E helpers for the dossier specs: a newcomer inserted straight into the database (for an
// agency the signed-in user must NOT see), and unique names.
import crypto from "node:crypto";
import type pg from "pg";
import type { E2eAgency } from "./fixtures";
import { e2eNationalNumber } from "./national-numbers";

export const uniqueName = (prefix: string) => `${prefix}${crypto.randomBytes(3).toString("hex")}`;

export async function insertNewcomer(db: pg.Pool, agency: E2eAgency, lastName: string, firstName = "Verborgen") {
  const birthDate = `19${crypto.randomInt(50, 99)}-0${crypto.randomInt(1, 9)}-1${crypto.randomInt(0, 9)}`;
  const nationalNumber = e2eNationalNumber(birthDate, "M");
  const r = await db.query<{ id: string }>(
    `INSERT INTO newcomer (national_number, last_name, first_name, search_name, birth_date, gender, nationality_code, nationality_group,
       residence_status_code, target_group, office_code, agency_code, updated_at)
     VALUES ($1, $2, $3, lower($2 || ' ' || $3), $4, 'M', 'MAR', 'DERDELANDER', 'GEZINSHERENIGING_BELG', 'PLICHT', $5, $6, now()) RETURNING id`,
    [nationalNumber, lastName, firstName, birthDate, agency.officeCode, agency.agencyCode],
  );
  return { id: r.rows[0]!.id, nationalNumber };
}
