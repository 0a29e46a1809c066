import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { insertNewcomer, uniqueName } from "./support/dossiers";
import { e2eNationalNumber } from "./support/national-numbers";

async function recordStep(page: Page, type: string, date: string, extra?: (form: ReturnType<Page["getByTestId"]>) => Promise<void>) {
  const step = page.getByTestId(`step-${type}`);
  await step.locator("summary").click();
  await step.locator('input[type="date"]').fill(date);
  if (extra) await extra(step);
  await step.getByRole("button", { name: "Registreren" }).click();
  await expect(step.getByTestId("form-message")).toHaveText("Geregistreerd.");
}

test("een medewerker maakt een inburgeraar aan en registreert het traject, dat in volgorde op de tijdlijn staat", async ({
  page,
  createAgency,
  createUser,
  signIn,
  db,
}) => {
  // six steps, one of them confirmed, and the checks in between
  test.setTimeout(180_000);
  const agency = await createAgency("Atlas");
  const staff = await createUser("STAFF", agency);
  await signIn(page, staff);
  await page.goto("/dossiers/nieuw");

  const lastName = uniqueName("Öztürk");
  const good = e2eNationalNumber("1985-07-30", "M");
  const wrong = good.slice(0, 9) + String((Number(good.slice(9)) + 1) % 100).padStart(2, "0");
  await page.getByLabel("Rijksregisternummer of BIS-nummer").fill(wrong);
  await page.getByLabel("Familienaam").fill(lastName);
  await page.getByLabel("Voornaam").fill("Ayşe");
  await page.getByLabel("Geboortedatum").fill("1985-07-30");
  await page.getByLabel("Geslacht").selectOption("M");
  await page.getByLabel("Nationaliteit", { exact: true }).fill("Marokko (MAR)");
  await page.getByLabel("Verblijfsstatus").selectOption("GEZINSHERENIGING_BELG");
  await page.getByLabel("Doelgroep").selectOption("PLICHT");
  await page.getByRole("button", { name: "Inburgeraar aanmaken" }).click();
  await expect(page.getByText("Het controlegetal van het rijksregisternummer klopt niet.")).toBeVisible();
  expect((await db.query("SELECT 1 FROM newcomer WHERE last_name = $1", [lastName])).rowCount).toBe(0);

  await page
    .getByLabel("Rijksregisternummer of BIS-nummer")
    .fill(`${good.slice(0, 2)}.${good.slice(2, 4)}.${good.slice(4, 6)}-${good.slice(6, 9)}.${good.slice(9)}`);
  await page.getByRole("button", { name: "Inburgeraar aanmaken" }).click();
  await expect(page.getByTestId("newcomer-name")).toHaveText(`${lastName}, Ayşe`);
  await expect(page.getByTestId("national-number")).toHaveText("85.07.30-***.**");

  // an invitation without an extraction is out of the usual order (issue 14): a warning, nothing
  // saved until the user confirms, and the confirmation is in the audit row
  const invitation = page.getByTestId("step-INVITATION");
  await invitation.locator("summary").click();
  await invitation.locator('input[type="date"]').fill("2021-01-05");
  await invitation.getByRole("button", { name: "Registreren" }).click();
  const warning = invitation.getByTestId("step-warning");
  await expect(warning).toContainText("Er is geen extractie uit het rijksregister geregistreerd: een uitnodiging volgt gewoonlijk op de extractie.");
  expect((await db.query("SELECT 1 FROM track_event e JOIN newcomer n ON n.id = e.newcomer_id WHERE n.last_name = $1", [lastName])).rowCount).toBe(0);
  await warning.getByRole("button", { name: "Bevestigen en toch opslaan" }).click();
  await expect(invitation.getByTestId("form-message")).toHaveText("Geregistreerd.");
  await expect(invitation.getByTestId("step-warning")).toHaveCount(0);
  const confirmed = await db.query(
    `SELECT a.after->'confirmedWarnings' AS w FROM audit_log a JOIN newcomer n ON n.id = a.newcomer_id
     WHERE n.last_name = $1 AND a.action = 'event.create'`,
    [lastName],
  );
  expect(confirmed.rows).toEqual([{ w: ["INVITATION_NO_EXTRACTION"] }]);
  await recordStep(page, "EXTRACTION", "2021-01-02");
  await recordStep(page, "REGISTRATION", "2021-02-01");
  await recordStep(page, "CONTRACT", "2021-03-01");
  await recordStep(page, "ATTESTATION", "2022-01-10");
  await recordStep(page, "INFRINGEMENT", "2022-04-01", async (form) => {
    await form.getByLabel("Type inbreuk").selectOption("NIET_REGELMATIG_DEELGENOMEN");
  });

  const entries = page.getByTestId("timeline-entry");
  await expect(entries).toHaveCount(6);
  expect(await entries.evaluateAll((els) => els.map((e) => e.getAttribute("data-type")))).toEqual([
    "EXTRACTION",
    "INVITATION",
    "REGISTRATION",
    "CONTRACT",
    "ATTESTATION",
    "INFRINGEMENT",
  ]);
  await expect(entries.nth(1)).toContainText("05/01/2021");
  await expect(entries.nth(1)).toContainText(staff.name);

  // the rules are enforced in the browser too: an attestation before the contract is refused with the reason
  const attest = page.getByTestId("step-ATTESTATION");
  await attest.locator('input[type="date"]').fill("2021-02-15");
  await attest.getByRole("button", { name: "Registreren" }).click();
  await expect(attest.getByText("Het attest kan niet vóór het contract (01/03/2021) behaald zijn.")).toBeVisible();
  await expect(entries).toHaveCount(6);

  // the reveal shows the full number and is audited
  await page.getByRole("button", { name: "Toon volledig nummer" }).click();
  await expect(page.getByTestId("national-number")).toHaveText(
    `${good.slice(0, 2)}.${good.slice(2, 4)}.${good.slice(4, 6)}-${good.slice(6, 9)}.${good.slice(9)}`,
  );
  const reveals = await db.query("SELECT 1 FROM audit_log a JOIN newcomer n ON n.id = a.newcomer_id WHERE n.last_name = $1 AND a.action = 'newcomer.reveal'", [
    lastName,
  ]);
  expect(reveals.rowCount).toBe(1);
  await expect(page.getByTestId("history")).toContainText("Stap geregistreerd");
});

test("een medewerker van Atlas die het dossier van een ander agentschap opent, krijgt 'niet gevonden' en de poging wordt gelogd", async ({
  page,
  createAgency,
  createUser,
  signIn,
  db,
}) => {
  const atlas = await createAgency("Atlas");
  const gent = await createAgency("IN-Gent");
  const staff = await createUser("STAFF", atlas);
  const secretName = uniqueName("Geheim");
  const other = await insertNewcomer(db, gent, secretName);
  await signIn(page, staff);

  const response = await page.goto(`/dossiers/${other.id}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Niet gevonden" })).toBeVisible();
  const html = await page.content();
  expect(html).not.toContain(secretName);
  expect(html).not.toContain(other.nationalNumber);
  expect(html).not.toContain(other.nationalNumber.slice(0, 6));

  // nor its edit page
  const edit = await page.goto(`/dossiers/${other.id}/bewerken`);
  expect(edit?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Niet gevonden" })).toBeVisible();
  expect(await page.content()).not.toContain(secretName);

  // not in the list or the search either
  await page.goto(`/dossiers?q=${secretName}`);
  await expect(page.getByText("Geen inburgeraars gevonden.")).toBeVisible();
  expect(await page.content()).not.toContain(other.id);

  const audit = await db.query("SELECT 1 FROM audit_log WHERE action = 'newcomer.view.denied' AND user_id = $1 AND newcomer_id = $2", [staff.id, other.id]);
  expect(audit.rowCount).toBe(2); // the dossier page and its edit page
});

test("twee medewerkers wijzigen dezelfde inburgeraar: de tweede krijgt een duidelijke melding en niets wordt overschreven", async ({
  page,
  browser,
  createAgency,
  createUser,
  signIn,
  db,
}) => {
  const agency = await createAgency("Atlas");
  const first = await createUser("STAFF", agency);
  const second = await createUser("STAFF", agency);
  const lastName = uniqueName("Peeters");
  const newcomer = await insertNewcomer(db, agency, lastName, "Anna");
  await signIn(page, first);
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signIn(other, second);

  await page.goto(`/dossiers/${newcomer.id}/bewerken`);
  await other.goto(`/dossiers/${newcomer.id}/bewerken`);
  await page.getByLabel("Voornaam").fill("Eerste");
  await page.getByRole("button", { name: "Wijzigingen opslaan" }).click();
  await expect(page.getByTestId("newcomer-name")).toHaveText(`${lastName}, Eerste`);

  await other.getByLabel("Voornaam").fill("Tweede");
  await other.getByRole("button", { name: "Wijzigingen opslaan" }).click();
  await expect(other.getByTestId("form-message")).toContainText("Iemand anders heeft dit dossier intussen gewijzigd");
  const row = await db.query<{ first_name: string; version: number }>("SELECT first_name, version FROM newcomer WHERE id = $1", [newcomer.id]);
  expect(row.rows[0]).toEqual({ first_name: "Eerste", version: 2 });
  await otherContext.close();
});
