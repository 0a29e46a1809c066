import "server-only";
// The code lists an import validates against, read from the database (users may have added
// offices, nationalities or residence statuses since the bundled lists were seeded).
import type pg from "pg";
import type { NationalityGroupCode } from "@/lib/domain/exchange/record";
import type { ReferenceCodes } from "@/lib/domain/exchange/validate-line";

export async function loadReferenceCodes(client: pg.ClientBase): Promise<ReferenceCodes> {
  const offices = await client.query<{ code: string; agency_code: string }>("SELECT code, agency_code FROM office");
  const nationalities = await client.query<{ code: string; nationality_group: NationalityGroupCode }>("SELECT code, nationality_group FROM nationality");
  const statuses = await client.query<{ code: string }>("SELECT code FROM residence_status");
  return {
    offices: new Map(offices.rows.map((r) => [r.code, r.agency_code])),
    nationalities: new Map(nationalities.rows.map((r) => [r.code, r.nationality_group])),
    residenceStatuses: new Set(statuses.rows.map((r) => r.code)),
  };
}
