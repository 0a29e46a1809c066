// Report fixtures for e2e: newcomers and track events inserted straight into the e2e database,
// with the classification recorded on each event as the dossier forms do.
import crypto from "node:crypto";
import type pg from "pg";

export async function insertNewcomer(db: pg.Pool, agencyCode: string, officeCode: string): Promise<string> {
  const nn = String(crypto.randomInt(10 ** 10, 10 ** 11 - 1)).padStart(11, "0");
  const r = await db.query<{ id: string }>(
    `INSERT INTO newcomer (national_number, last_name, first_name, search_name, birth_date, gender, nationality_code, nationality_group,
       residence_status_code, target_group, office_code, agency_code, updated_at)
     VALUES ($1, 'Rapport', 'Test', 'rapport test', '1990-01-01', 'V', 'MAR', 'DERDELANDER', 'GEZINSHERENIGING_BELG', 'PLICHT', $2, $3, now()) RETURNING id`,
    [nn, officeCode, agencyCode],
  );
  return r.rows[0]!.id;
}

/** Inserts events in one statement (as an import would); the database marks the first of each type. */
export async function insertEvents(db: pg.Pool, events: { newcomerId: string; type: string; date: string; officeCode: string; agencyCode: string }[]) {
  const values: unknown[] = [];
  const rows = events.map((e, i) => {
    values.push(e.newcomerId, e.type, e.date, e.officeCode, e.agencyCode);
    const p = i * 5;
    return `($${p + 1}::uuid, $${p + 2}::"EventType", $${p + 3}::date, $${p + 4}, $${p + 5},
      'MAR', 'DERDELANDER', 'GEZINSHERENIGING_BELG', 'PLICHT', 'V', now())`;
  });
  await db.query(
    `INSERT INTO track_event (newcomer_id, type, date, office_code, agency_code, nationality_code, nationality_group, residence_status_code,
       target_group, gender, updated_at)
     VALUES ${rows.join(", ")}`,
    values,
  );
}
