// Playwright fixtures: a connection to the e2e database, and factories for a fresh agency and
// fresh users per test (random codes, so tests never depend on each other or on demo data).
import { test as base, expect, type Page } from "@playwright/test";
import { hash } from "@node-rs/argon2";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

export interface E2eUser {
  id: string;
  email: string;
  password: string;
  role: "STAFF" | "MANAGER" | "ADMIN";
  name: string;
}
export interface E2eAgency {
  agencyCode: string;
  officeCode: string;
  secondOfficeCode: string;
  label: string;
}

function state(): { databaseUrl: string; baseUrl: string } {
  return JSON.parse(fs.readFileSync(path.join(process.cwd(), ".data", "e2e-state.json"), "utf8"));
}

const rnd = () => crypto.randomBytes(4).toString("hex").toUpperCase();

interface Fixtures {
  db: pg.Pool;
  createAgency: (label?: string) => Promise<E2eAgency>;
  createUser: (role: E2eUser["role"], agency?: E2eAgency | null) => Promise<E2eUser>;
  signIn: (page: Page, user: E2eUser) => Promise<void>;
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  db: async ({}, use) => {
    const pool = new pg.Pool({ connectionString: state().databaseUrl, max: 2 });
    await use(pool);
    await pool.end();
  },
  createAgency: async ({ db }, use) => {
    await use(async (label = "E2E-agentschap") => {
      const agencyCode = `E2E_${rnd()}`;
      const full = `${label} ${agencyCode}`;
      await db.query(`INSERT INTO agency (code, label) VALUES ($1, $2)`, [agencyCode, full]);
      await db.query(`INSERT INTO office (code, agency_code, label) VALUES ($1, $2, $3), ($4, $2, $5)`, [
        `${agencyCode}_K1`,
        agencyCode,
        `Kantoor Noord ${agencyCode}`,
        `${agencyCode}_K2`,
        `Kantoor Zuid ${agencyCode}`,
      ]);
      return { agencyCode, officeCode: `${agencyCode}_K1`, secondOfficeCode: `${agencyCode}_K2`, label: full };
    });
  },
  createUser: async ({ db }, use) => {
    await use(async (role, agency = null) => {
      const password = `pw-${rnd()}-${rnd()}`;
      const email = `${role.toLowerCase()}-${rnd()}@e2e.test`.toLowerCase();
      const name = `E2E ${role === "STAFF" ? "Medewerker" : role === "MANAGER" ? "Manager" : "Beheerder"} ${rnd()}`;
      const r = await db.query<{ id: string }>(
        `INSERT INTO app_user (email, name, password_hash, role, agency_code, office_code, updated_at)
         VALUES ($1, $2, $3, $4::"Role", $5, $6, now()) RETURNING id`,
        [
          email,
          name,
          await hash(password, { algorithm: 2 }),
          role,
          role === "ADMIN" ? null : (agency?.agencyCode ?? null),
          role === "STAFF" ? (agency?.officeCode ?? null) : null,
        ],
      );
      return { id: r.rows[0]!.id, email, password, role, name };
    });
  },
  // eslint-disable-next-line no-empty-pattern
  signIn: async ({}, use) => {
    await use(async (page, user) => {
      await page.goto("/login");
      await page.getByLabel("E-mailadres").fill(user.email);
      await page.getByLabel("Wachtwoord").fill(user.password);
      await page.getByRole("button", { name: "Aanmelden" }).click();
      await expect(page.getByTestId("signed-in-user")).toContainText(user.name);
    });
  },
});

export { expect };
