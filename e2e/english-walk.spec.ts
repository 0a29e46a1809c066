// Every page of the app in English (issue 16): a fresh admin and a fresh manager with locale "en"
// walk the pages of the app/ tree, and each page must have no missing message (the translator
// renders one as ⟦namespace.key⟧) and none of a list of unmistakably Dutch UI words, in its text
// or in its aria-label/placeholder/title/alt attributes. Data stays as it is (names, offices,
// agencies, nationalities): the words below are chosen not to occur in the e2e or demo data (not
// "Nieuwe": admin-users.spec.ts names a user "Nieuwe Medewerker"), and the audit page is filtered
// to the walker's own entries.
import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { daysAgo, insertEvent, insertNewcomer } from "./support/track";

const DUTCH = [
  "Opslaan",
  "Zoeken",
  "Aanmelden",
  "Afmelden",
  "Rijksregisternummer",
  "Geboortedatum",
  "Annuleren",
  "Wijzigingen",
  "Gebruikers",
  "Rapporten",
  "Boetes",
  "Beheer",
  "Totaal",
  "peildatum",
  "Maatstaf",
  "Opsplitsing",
  "Besluit",
  "Bedrag",
  "Datum",
  "Nationaliteit",
  "Doelgroep",
  "Verblijfsstatus",
  "Geslacht",
  "Familienaam",
  "Voornaam",
  "Filteren",
  "Pagina",
  "Inbreukdossier",
  "inbreukdossiers",
  "Gevolg",
  "Welkom",
  "Terug",
  "geregistreerd",
  "Traject",
  "Geschiedenis",
  "Tabel",
  "Antwoord",
  "Kies",
  "Afdrukken",
  "Betaling",
  "Motivering",
  "Herinnering",
  "ontvangen",
  "Ouderdom",
  "Dossiers",
];
const dutchWord = new RegExp(`(?<![\\p{L}\\d_-])(${DUTCH.join("|")})(?![\\p{L}\\d_-])`, "u");

async function expectEnglish(page: Page, path: string) {
  if (path) await page.goto(path);
  await expect(page.locator("html")).toHaveAttribute("lang", "en-BE");
  const text = await page.evaluate(() => {
    const attrs = [...document.querySelectorAll("[aria-label],[placeholder],[title],[alt]")].flatMap((el) =>
      ["aria-label", "placeholder", "title", "alt"].map((a) => el.getAttribute(a) ?? ""),
    );
    // <option> texts of closed <select>s are not in innerText
    const options = [...document.querySelectorAll("option")].map((o) => o.textContent ?? "");
    // biome-ignore lint/performance/useDomNodeTextContent: what the user sees (innerText leaves hidden text out), not the DOM's text
    return [document.title, document.body.innerText, ...attrs, ...options].join("\n");
  });
  expect(text, `${path}: a missing message`).not.toContain("⟦");
  const dutch = text.split("\n").filter((line) => dutchWord.test(line));
  expect(dutch, `${path}: Dutch left`).toEqual([]);
}

test("an admin and a manager with locale en see every page in English", async ({ page, browser, db, createAgency, createUser, signIn }) => {
  test.setTimeout(240_000);
  const agency = await createAgency("E2E");
  const admin = await createUser("ADMIN");
  const manager = await createUser("MANAGER", agency);
  const newcomer = await insertNewcomer(db, agency, { lastName: `Walk${Date.now().toString(36)}`, street: "Street 1", postalCode: "2000", city: "Antwerpen" });
  await insertEvent(db, newcomer.id, "EXTRACTION", daysAgo(120));
  await insertEvent(db, newcomer.id, "CONTRACT", daysAgo(90));
  const eventId = await insertEvent(db, newcomer.id, "INFRINGEMENT", daysAgo(40));

  // the admin starts in Dutch and chooses English in the shell (stored on the user, audited)
  await signIn(page, admin);
  await page.getByTestId("language-select").getByLabel("Taal kiezen").selectOption("en");
  await page.getByTestId("language-select").getByRole("button", { name: "Wijzigen" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  expect((await db.query("SELECT locale FROM app_user WHERE id = $1", [admin.id])).rows).toEqual([{ locale: "en" }]);
  expect((await db.query("SELECT before, after FROM audit_log WHERE action = 'user.locale' AND user_id = $1", [admin.id])).rows).toEqual([
    { before: { locale: "nl" }, after: { locale: "en" } },
  ]);

  await expectEnglish(page, "/");
  await expectEnglish(page, "/dossiers");
  await expectEnglish(page, `/dossiers?q=${newcomer.lastName}`);
  await expectEnglish(page, "/dossiers/nieuw");
  await expectEnglish(page, `/dossiers/${newcomer.id}`);
  await expectEnglish(page, `/dossiers/${newcomer.id}/bewerken`);
  await expectEnglish(page, `/boetes?agency=${agency.agencyCode}`);
  await expectEnglish(page, `/boetes/${eventId}`);
  // a decision through the English form, then the letter
  const form = page.getByTestId("decision-form");
  await form.getByLabel("Decision", { exact: true }).selectOption("BOETE");
  await form.getByRole("button", { name: "€75", exact: true }).click();
  await form.getByLabel("Grounds").fill("Not registered in time.");
  await form.getByRole("button", { name: "Save decision" }).click();
  await expect(page.getByTestId("form-message").first()).toContainText("The decision has been saved.");
  await expectEnglish(page, "");
  await expectEnglish(page, `/boetes/${eventId}/brief`);
  await expect(page.getByTestId("letter-decision")).toContainText("administrative fine of €75");
  await expectEnglish(page, `/dvz?q=${newcomer.lastName}`);
  await expectEnglish(page, "/beheer");
  await expectEnglish(page, "/beheer/gebruikers");
  await expectEnglish(page, `/beheer/gebruikers/${manager.id}`);
  await expectEnglish(page, "/beheer/import");
  await expectEnglish(page, "/beheer/export");
  await expectEnglish(page, `/beheer/audit?user=${admin.id}`);
  await expectEnglish(page, "/beheer/dubbels");
  await expectEnglish(page, "/rapporten/vraag-3?measure=infringements&by=decision,infringement_type");
  await expectEnglish(page, "/dossiers/00000000-0000-0000-0000-000000000000"); // not found

  // the manager's language is set on the user; reports in English, the 403 page too
  await db.query("UPDATE app_user SET locale = 'en' WHERE id = $1", [manager.id]);
  const context = await browser.newContext({ locale: "nl-BE" });
  const managerPage = await context.newPage();
  await signIn(managerPage, manager);
  for (const path of [
    "/",
    "/rapporten",
    "/rapporten/vraag-1",
    "/rapporten/vraag-2?by=gender,target_group",
    "/rapporten/vraag-3",
    "/rapporten/vraag-4",
    "/rapporten/antwoord",
    "/rapporten/publicaties",
    "/beheer",
  ]) {
    await expectEnglish(managerPage, path);
  }
  await context.close();
});

test("the login page follows the browser's language and has a visible switch", async ({ browser }) => {
  const context = await browser.newContext({ locale: "en-GB" });
  const page = await context.newPage();
  await page.goto("/login");
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expectEnglish(page, "");
  await page.getByTestId("visitor-language").getByRole("button", { name: "Nederlands" }).click();
  await expect(page.getByRole("heading", { name: "Aanmelden" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "nl-BE");
  await page.getByTestId("visitor-language").getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await context.close();
});
