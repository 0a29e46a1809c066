import { demoUsers, DEMO_PASSWORD } from "../lib/db/demo-users";
import { expect, test } from "./support/fixtures";

// What each role's navigation shows (lib/domain/permissions.ts is the source of truth).
const expectedNav: Record<string, string[]> = {
  STAFF: ["Dossiers", "Werklijsten"],
  MANAGER: ["Rapporten"],
  ADMIN: ["Dossiers", "Werklijsten", "Rapporten", "Boetes", "DVZ", "Beheer"],
};

test.describe("aanmelden", () => {
  for (const demo of demoUsers) {
    test(`demo-account ${demo.email} ziet de navigatie van ${demo.role}`, async ({ page }) => {
      await page.goto("/");
      await expect(page).toHaveURL(/\/login/);
      await page.getByLabel("E-mailadres").fill(demo.email);
      await page.getByLabel("Wachtwoord").fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Aanmelden" }).click();
      await expect(page.getByTestId("signed-in-user")).toContainText(demo.name);
      const nav = page.getByRole("navigation", { name: "Hoofdnavigatie" });
      await expect(nav.getByRole("link")).toHaveText(expectedNav[demo.role]!);
    });
  }

  test("een fout wachtwoord geeft een Nederlandse foutmelding", async ({ page, createUser }) => {
    const user = await createUser("ADMIN");
    await page.goto("/login");
    await page.getByLabel("E-mailadres").fill(user.email);
    await page.getByLabel("Wachtwoord").fill("fout-wachtwoord");
    await page.getByRole("button", { name: "Aanmelden" }).click();
    await expect(page.getByTestId("login-error")).toContainText("Aanmelden mislukt");
    await expect(page).toHaveURL(/\/login/);
  });

  test("afmelden beëindigt de sessie", async ({ page, createAgency, createUser, signIn }) => {
    const agency = await createAgency();
    const user = await createUser("STAFF", agency);
    await signIn(page, user);
    await expect(page.getByTestId("signed-in-scope")).toContainText(agency.label);
    await page.getByRole("button", { name: "Afmelden" }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/");
    await expect(page).toHaveURL(/\/login/);
  });

  test("een uitgeschakelde gebruiker wordt bij het volgende verzoek geweigerd", async ({ page, db, createAgency, createUser, signIn }) => {
    const agency = await createAgency();
    const user = await createUser("STAFF", agency);
    await signIn(page, user);
    await db.query(`UPDATE app_user SET active = false WHERE id = $1`, [user.id]);
    await page.goto("/");
    await expect(page).toHaveURL(/\/login/);
  });
});
