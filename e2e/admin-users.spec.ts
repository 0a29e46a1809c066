import { expect, test } from "./support/fixtures";

test("een beheerder maakt een medewerker aan die zich daarna kan aanmelden", async ({ page, browser, createAgency, createUser, signIn, db }) => {
  const agency = await createAgency();
  const admin = await createUser("ADMIN");
  await signIn(page, admin);
  await page.goto("/beheer/gebruikers");
  const email = `nieuw-${Date.now()}@e2e.test`;
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Aanmaken" }) });
  await form.getByLabel("E-mailadres").fill(email);
  await form.getByLabel("Naam").fill("Nieuwe Medewerker");
  await form.getByLabel("Kantoor").selectOption(agency.officeCode);
  await form.getByLabel("Wachtwoord").fill("kort");
  await form.getByRole("button", { name: "Aanmaken" }).click();
  await expect(form.getByText("Het wachtwoord moet minstens 12 tekens hebben.")).toBeVisible();
  expect((await db.query("SELECT 1 FROM app_user WHERE email = $1", [email])).rowCount).toBe(0);

  await form.getByLabel("Wachtwoord").fill("een-lang-wachtwoord");
  await form.getByRole("button", { name: "Aanmaken" }).click();
  await expect(page.getByTestId("form-message")).toContainText(`Gebruiker ${email} aangemaakt`);
  const audit = await db.query("SELECT 1 FROM audit_log WHERE action = 'user.create' AND user_id = $1", [admin.id]);
  expect(audit.rowCount).toBe(1);

  const other = await browser.newContext();
  const page2 = await other.newPage();
  await page2.goto("/login");
  await page2.getByLabel("E-mailadres").fill(email);
  await page2.getByLabel("Wachtwoord").fill("een-lang-wachtwoord");
  await page2.getByRole("button", { name: "Aanmelden" }).click();
  await expect(page2.getByTestId("signed-in-scope")).toContainText(agency.label);
  await other.close();
});

test("een medewerker of manager heeft geen toegang tot beheer", async ({ page, createAgency, createUser, signIn }) => {
  const agency = await createAgency();
  for (const role of ["STAFF", "MANAGER"] as const) {
    const user = await createUser(role, agency);
    await page.context().clearCookies();
    await signIn(page, user);
    const response = await page.goto("/beheer/gebruikers");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Geen toegang" })).toBeVisible();
  }
});
