// Test data for the e2e tests of fines and DVZ: a newcomer and events of their track, inserted
// straight into the e2e database (the classification is copied from the newcomer, as the app does).
import crypto from "node:crypto";
import type pg from "pg";
import type { E2eAgency } from "./fixtures";
import { e2eNationalNumber } from "./national-numbers";

export interface E2eNewcomer {
  id: string;
  nationalNumber: string;
  lastName: string;
  firstName: string;
}

export async function insertNewcomer(
  db: pg.Pool,
  agency: E2eAgency,
  opts: { lastName?: string; firstName?: string; street?: string; postalCode?: string; city?: string } = {},
): Promise<E2eNewcomer> {
  const r = crypto.randomBytes(6);
  const birthDate = `19${70 + (r[0]! % 29)}-${String(1 + (r[1]! % 12)).padStart(2, "0")}-${String(1 + (r[2]! % 28)).padStart(2, "0")}`;
  const nationalNumber = e2eNationalNumber(birthDate, "V"); // the newcomer is inserted with gender V
  const lastName = opts.lastName ?? `Inburgeraar${crypto.randomBytes(3).toString("hex")}`;
  const firstName = opts.firstName ?? "Samira";
  const row = await db.query<{ id: string }>(
    `INSERT INTO newcomer (national_number, last_name, first_name, search_name, birth_date, gender, nationality_code, nationality_group,
       residence_status_code, target_group, office_code, agency_code, street, postal_code, city, updated_at)
     VALUES ($1, $2, $3, $4, $5, 'V', 'MAR', 'DERDELANDER', 'GEZINSHERENIGING_BELG', 'PLICHT', $6, $7, $8, $9, $10, now()) RETURNING id`,
    [
      nationalNumber,
      lastName,
      firstName,
      `${lastName} ${firstName}`.toLowerCase(),
      birthDate,
      agency.officeCode,
      agency.agencyCode,
      opts.street ?? null,
      opts.postalCode ?? null,
      opts.city ?? null,
    ],
  );
  return { id: row.rows[0]!.id, nationalNumber, lastName, firstName };
}

export async function insertEvent(
  db: pg.Pool,
  newcomerId: string,
  type: "EXTRACTION" | "INVITATION" | "REGISTRATION" | "CONTRACT" | "ATTESTATION" | "INFRINGEMENT",
  date: string,
  infringementType: string | null = type === "INFRINGEMENT" ? "NIET_TIJDIG_AANGEMELD" : null,
): Promise<string> {
  const row = await db.query<{ id: string }>(
    `INSERT INTO track_event (newcomer_id, type, date, office_code, agency_code, nationality_code, nationality_group, residence_status_code,
       target_group, gender, infringement_type, updated_at)
     SELECT n.id, $2::"EventType", $3::date, n.office_code, n.agency_code, n.nationality_code, n.nationality_group, n.residence_status_code,
       n.target_group, n.gender, $4::"InfringementType", now()
     FROM newcomer n WHERE n.id = $1 RETURNING id`,
    [newcomerId, type, date, infringementType],
  );
  return row.rows[0]!.id;
}

/** A calendar date `days` before today (Brussels), as YYYY-MM-DD. */
export function daysAgo(days: number): string {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Brussels" }).format(new Date());
  return new Date(Date.parse(`${today}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}
