// Retention (issue 15) in the browser: an admin anonymises a dossier past its term from
// /beheer/bewaartermijnen, with the typed confirmation, and the search by its old name and by its
// old national number finds nothing; the dossier page says it was anonymised and offers no edit.
import { expect, test } from "./support/fixtures";
import { insertEvent, insertNewcomer } from "./support/track";

test.setTimeout(240_000);

test("een beheerder anonimiseert een dossier en het is niet meer te vinden op naam of nummer", async ({ page, db, createAgency, createUser, signIn }) => {
  const agency = await createAgency();
  const newcomer = await insertNewcomer(db, agency, { lastName: `Vergeten${Date.now().toString(36)}`, street: "Kerkstraat 1" });
  await insertEvent(db, newcomer.id, "EXTRACTION", "2005-01-10");
  await signIn(page, await createUser("ADMIN"));
  // the list is in dossier-id order over every agency: narrowed to the test's own agency
  await page.goto("/beheer/bewaartermijnen");
  await expect(page.getByTestId("due-count")).toContainText(/Meer dan 1\.000 dossiers|dossiers, waarvan/);
  await page.locator('select[name="agentschap"]').selectOption(agency.agencyCode);
  await page.getByRole("button", { name: "Tonen" }).click();
  await expect(page.getByTestId("due-count")).toHaveText("1 dossiers, waarvan 0 onder bewaring.");
  const form = page.getByTestId("anonymise-form");
  await expect(form).toContainText(newcomer.lastName);
  await form.getByLabel(`Kiezen: ${newcomer.lastName} ${newcomer.firstName}`).check();
  await form.getByRole("button", { name: "Anonimiseer de gekozen dossiers" }).click();
  await expect(form.getByText("Typ ANONIMISEER om te bevestigen.")).toBeVisible(); // nothing without the confirmation
  await form.getByLabel(`Kiezen: ${newcomer.lastName} ${newcomer.firstName}`).check();
  await form.getByLabel(/Typ ANONIMISEER/).fill("ANONIMISEER");
  await form.getByRole("button", { name: "Anonimiseer de gekozen dossiers" }).click();
  await expect(page.getByText("1 dossiers geanonimiseerd.")).toBeVisible({ timeout: 30_000 });
  const row = await db.query("SELECT last_name, national_number, street, anonymised_at FROM newcomer WHERE id = $1", [newcomer.id]);
  expect(row.rows[0].last_name).not.toBe(newcomer.lastName);
  expect(row.rows[0].national_number).toMatch(/^X\d{10}$/);
  expect(row.rows[0].street).toBeNull();

  // frozen: the page says so, no edit button or step form; the edit form's URL leads back to the page
  await page.goto(`/dossiers/${newcomer.id}`);
  await expect(page.getByTestId("anonymised-banner")).toContainText(/Geanonimiseerd op \d\d\/\d\d\/\d{4}/);
  await expect(page.getByRole("link", { name: "Gegevens wijzigen" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Stap registreren" })).toHaveCount(0);
  await page.goto(`/dossiers/${newcomer.id}/bewerken`);
  await expect(page).toHaveURL(new RegExp(`/dossiers/${newcomer.id}$`));

  await page.goto("/dossiers");
  for (const typed of [newcomer.lastName, newcomer.nationalNumber]) {
    const before = page.url();
    await page.getByLabel("Zoeken op naam of rijksregisternummer").fill(typed);
    await page.getByRole("button", { name: "Zoeken", exact: true }).click();
    await expect.poll(() => page.url()).not.toBe(before);
    await expect(page.getByText("Geen inburgeraars gevonden.")).toBeVisible();
    await expect(page.getByRole("link", { name: new RegExp(newcomer.firstName) })).toHaveCount(0);
  }
});
