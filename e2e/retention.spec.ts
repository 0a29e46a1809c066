// Retention (issue 15) in the browser: an admin anonymises a dossier past its term from
// /beheer/bewaartermijnen, with the typed confirmation, and the search by its old name and by its
// old national number finds nothing.
import { expect, test } from "./support/fixtures";
import { insertEvent, insertNewcomer } from "./support/track";

test.setTimeout(240_000);

test("een beheerder anonimiseert een dossier en het is niet meer te vinden op naam of nummer", async ({ page, db, createAgency, createUser, signIn }) => {
  const agency = await createAgency();
  const newcomer = await insertNewcomer(db, agency, { lastName: `Vergeten${Date.now().toString(36)}`, street: "Kerkstraat 1" });
  // older than every demo track: first on the list (oldest activity first)
  await insertEvent(db, newcomer.id, "EXTRACTION", "2005-01-10");
  await signIn(page, await createUser("ADMIN"));
  await page.goto("/beheer/bewaartermijnen");
  const form = page.getByTestId("anonymise-form");
  await expect(form).toContainText(newcomer.lastName);
  await form.getByLabel(`Kiezen: ${newcomer.lastName} ${newcomer.firstName}`).check();
  await form.getByRole("button", { name: "Anonimiseer de gekozen dossiers" }).click();
  await expect(form.getByText("Typ ANONIMISEER om te bevestigen.")).toBeVisible(); // nothing without the confirmation
  await form.getByLabel(`Kiezen: ${newcomer.lastName} ${newcomer.firstName}`).check();
  await form.getByLabel(/Typ ANONIMISEER/).fill("ANONIMISEER");
  await form.getByRole("button", { name: "Anonimiseer de gekozen dossiers" }).click();
  // the action re-renders the page, whose true count runs over every due demo dossier (~120,000): slow on a busy machine
  await expect(page.getByText("1 dossiers geanonimiseerd.")).toBeVisible({ timeout: 90_000 });
  const row = await db.query("SELECT last_name, national_number, street, anonymised_at FROM newcomer WHERE id = $1", [newcomer.id]);
  expect(row.rows[0].last_name).not.toBe(newcomer.lastName);
  expect(row.rows[0].national_number).toMatch(/^X\d{10}$/);
  expect(row.rows[0].street).toBeNull();

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
