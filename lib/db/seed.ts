// Loads the code lists into the reference tables (idempotent upserts) and creates the demo
// accounts. Runs with plain `pg` so that the command-line tools need no Prisma runtime.
import { hash } from "@node-rs/argon2";
import type pg from "pg";
import { codes } from "../domain/codes";
import { demoUsers, DEMO_PASSWORD } from "./demo-users";

export const ARGON2_OPTIONS = { algorithm: 2 /* Argon2id */, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export async function seedReferenceData(client: pg.ClientBase) {
  for (const a of codes.agencies) {
    await client.query(
      `INSERT INTO agency (code, label, note) VALUES ($1,$2,$3) ON CONFLICT (code) DO UPDATE SET label = EXCLUDED.label, note = EXCLUDED.note`,
      [a.code, a.label, a.note ?? ""],
    );
  }
  for (const o of codes.offices) {
    await client.query(`INSERT INTO office (code, agency_code, label) VALUES ($1,$2,$3) ON CONFLICT (code) DO UPDATE SET label = EXCLUDED.label`, [
      o.code,
      o.agency,
      o.label,
    ]);
  }
  await client.query(
    `INSERT INTO nationality (code, label, nationality_group)
     SELECT * FROM unnest($1::text[], $2::text[], $3::"NationalityGroup"[])
     ON CONFLICT (code) DO UPDATE SET label = EXCLUDED.label, nationality_group = EXCLUDED.nationality_group`,
    [codes.nationalities.map((n) => n.code), codes.nationalities.map((n) => n.label), codes.nationalities.map((n) => n.group)],
  );
  await client.query(
    `INSERT INTO residence_status (code, label) SELECT * FROM unnest($1::text[], $2::text[])
     ON CONFLICT (code) DO UPDATE SET label = EXCLUDED.label`,
    [codes.residenceStatuses.map((s) => s.code), codes.residenceStatuses.map((s) => s.label)],
  );
}

export async function seedDemoUsers(client: pg.ClientBase) {
  const passwordHash = await hash(DEMO_PASSWORD, ARGON2_OPTIONS);
  for (const u of demoUsers) {
    await client.query(
      `INSERT INTO app_user (email, name, password_hash, role, agency_code, office_code, active, updated_at)
       VALUES ($1,$2,$3,$4::"Role",$5,$6,true,now()) ON CONFLICT (email) DO NOTHING`,
      [u.email, u.name, passwordHash, u.role, u.agencyCode, u.officeCode],
    );
  }
}
