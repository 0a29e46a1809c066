// Issue 14: contact details on the dossier, the office proposed from the address, the invitation
// letter printed with the address (recorded in the dossier), and the fine decision letter with a
// valid structured communication (checked mod 97 here), the account and the appeal paragraph.
import { expect, test } from "./support/fixtures";
import { daysAgo, insertEvent, insertNewcomer } from "./support/track";

// window.print() would open a dialog: count the calls instead
const stubPrint = "window.__printed = 0; window.print = () => { window.__printed += 1; };";
const printed = (page: import("@playwright/test").Page) => page.evaluate(() => (window as unknown as { __printed: number }).__printed);

test("een medewerker vult het adres in, ziet het voorgestelde kantoor en drukt een uitnodiging met het adres af", async ({
  page,
  db,
  createAgency,
  createUser,
  signIn,
}) => {
  const agency = await createAgency();
  const staff = await createUser("STAFF", agency);
  const newcomer = await insertNewcomer(db, agency);
  await page.addInitScript(stubPrint);
  await signIn(page, staff);

  await page.goto(`/dossiers/${newcomer.id}/bewerken`);
  const contact = page.getByTestId("contact-fields");
  await contact.getByLabel("Straat").fill("Veldstraat");
  await contact.getByLabel("Huisnummer").fill("12");
  await contact.getByLabel("Bus").fill("3");
  await contact.getByLabel("Postcode").fill("9000");
  await contact.getByLabel("Gemeente").fill("Antwerpen");
  await contact.getByLabel("Telefoon").fill("0470 12");
  await page.getByRole("button", { name: "Opslaan" }).click();
  // every contact mistake at once, in Dutch, next to its field
  await expect(page.getByText("Deze gemeente hoort niet bij de postcode.")).toBeVisible();
  await expect(page.getByText(/Het telefoonnummer is ongeldig/)).toBeVisible();
  await contact.getByLabel("Gemeente").fill("Gent");
  await contact.getByLabel("Telefoon").fill("0470 12 34 56");
  await page.getByRole("button", { name: "Opslaan" }).click();
  await expect(page).toHaveURL(new RegExp(`/dossiers/${newcomer.id}$`));
  await expect(page.getByTestId("dossier-address")).toContainText("Veldstraat 12 bus 3");
  await expect(page.getByTestId("dossier-address")).toContainText("9000 Gent");
  await expect(page.getByTestId("dossier-contact")).toContainText("+32470123456");
  await expect(page.getByTestId("office-proposal")).toContainText("IN-Gent");

  await page.getByTestId("print-invitation").click();
  await expect(page).toHaveURL(new RegExp(`/dossiers/uitnodigingen\\?ids=${newcomer.id}`));
  const letter = page.getByTestId("invitation-letter");
  await expect(letter).toHaveCount(1);
  await expect(letter.getByTestId("letter-address")).toContainText(`${newcomer.firstName} ${newcomer.lastName}`);
  await expect(letter.getByTestId("letter-address")).toContainText("Veldstraat 12 bus 3");
  await expect(letter.getByTestId("letter-address")).toContainText("9000 Gent");
  await page.getByLabel("Datum van het gesprek").fill("2027-01-12");
  await page.getByLabel("Uur").fill("10:30");
  await page.getByRole("button", { name: "Toon de brieven" }).click();
  await expect(letter.getByTestId("invitation-when")).toContainText("12/01/2027 om 10:30");
  await page.getByTestId("record-print").click();
  await expect(page.getByTestId("record-print-message")).toContainText("1 brief(ven) afgedrukt");
  expect(await printed(page)).toBe(1);
  const rows = await db.query("SELECT kind, printed_by_id FROM letter WHERE newcomer_id = $1", [newcomer.id]);
  expect(rows.rows).toEqual([{ kind: "INVITATION", printed_by_id: staff.id }]);

  await page.goto(`/dossiers/${newcomer.id}`);
  await expect(page.getByTestId("dossier-letters")).toContainText("Uitnodiging intakegesprek");
});

test("een beheerder beslist een boete en drukt de brief af met een geldige gestructureerde mededeling", async ({
  page,
  db,
  createAgency,
  createUser,
  signIn,
}) => {
  const agency = await createAgency();
  const admin = await createUser("ADMIN");
  const newcomer = await insertNewcomer(db, agency, { street: "Kerkstraat 12", postalCode: "2000", city: "Antwerpen" });
  const eventId = await insertEvent(db, newcomer.id, "INFRINGEMENT", daysAgo(40));
  await page.addInitScript(stubPrint);
  await signIn(page, admin);

  await page.goto(`/boetes/${eventId}`);
  const form = page.getByTestId("decision-form");
  await form.getByLabel("Besluit", { exact: true }).selectOption("BOETE");
  await form.getByRole("button", { name: "€ 75", exact: true }).click();
  await form.getByLabel("Motivering").fill("Niet tijdig aangemeld ondanks aanmaning.");
  await form.getByRole("button", { name: "Besluit opslaan" }).click();
  await expect(page.getByTestId("form-message").first()).toContainText("Het besluit werd opgeslagen.");

  await page.getByRole("link", { name: "Besluitbrief" }).click();
  const letter = page.getByTestId("decision-letter");
  await expect(letter.getByTestId("letter-address")).toContainText("2000 Antwerpen");
  const communication = (await letter.getByTestId("structured-communication").textContent())!.trim();
  const m = /^\+\+\+(\d{3})\/(\d{4})\/(\d{5})\+\+\+$/.exec(communication);
  expect(m, communication).not.toBeNull();
  const digits = m!.slice(1).join("");
  const base = BigInt(digits.slice(0, 10));
  const check = base % 97n === 0n ? 97n : base % 97n;
  expect(BigInt(digits.slice(10))).toBe(check);
  const stored = await db.query("SELECT structured_communication FROM infringement_decision WHERE event_id = $1", [eventId]);
  expect(stored.rows).toEqual([{ structured_communication: digits }]);
  await expect(letter.getByTestId("letter-iban")).toHaveText("BE71 0961 2345 6769");
  await expect(letter.getByTestId("letter-payment")).toContainText("binnen 30 dagen");
  await expect(letter.getByTestId("letter-appeal")).toContainText("beroep");
  await expect(letter.getByTestId("letter-signatory")).toContainText(admin.name);

  await page.getByTestId("record-print").click();
  await expect(page.getByTestId("record-print-message")).toContainText("genoteerd");
  expect(await printed(page)).toBe(1);
  const letters = await db.query("SELECT kind, event_id FROM letter WHERE newcomer_id = $1", [newcomer.id]);
  expect(letters.rows).toEqual([{ kind: "FINE_DECISION", event_id: eventId }]);
});
