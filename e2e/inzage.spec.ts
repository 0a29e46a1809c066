// The right of access (issue 15): an admin opens the inzage of a person from the dossier and sees
// their personal data with the full national number, their track (a cancelled step with its
// reason) and who opened the dossier when; downloads it as JSON; the production is audited
// without the national number. A staff member is refused.
import fs from "node:fs";
import { expect, test } from "./support/fixtures";
import { insertEvent, insertNewcomer } from "./support/track";

const formatted = (nn: string) => `${nn.slice(0, 2)}.${nn.slice(2, 4)}.${nn.slice(4, 6)}-${nn.slice(6, 9)}.${nn.slice(9)}`;

test("een beheerder maakt een inzage op met het traject en wie het dossier opende; een medewerker krijgt geen toegang", async ({
  page,
  db,
  createAgency,
  createUser,
  signIn,
}) => {
  // two users, two sign-ins, a page, a download: more than the default minute on a loaded machine
  test.setTimeout(180_000);
  const agency = await createAgency();
  const staff = await createUser("STAFF", agency);
  const admin = await createUser("ADMIN");
  const person = await insertNewcomer(db, agency, { street: "Kerkstraat 1", postalCode: "2000", city: "Antwerpen" });
  const other = await insertNewcomer(db, agency);
  await insertEvent(db, person.id, "EXTRACTION", "2023-01-10");
  const invitation = await insertEvent(db, person.id, "INVITATION", "2023-01-20");
  await db.query("UPDATE track_event SET cancelled_at = now(), cancel_reason = 'Dubbel geregistreerd' WHERE id = $1", [invitation]);
  await insertEvent(db, person.id, "REGISTRATION", "2023-02-01");
  await insertEvent(db, other.id, "EXTRACTION", "2023-01-10");

  // the staff member opens the dossier (audited), but may not produce an inzage
  await signIn(page, staff);
  await page.goto(`/dossiers/${person.id}`);
  await expect(page.getByTestId("newcomer-name")).toBeVisible();
  await expect(page.getByTestId("inzage-link")).toHaveCount(0);
  const refused = await page.goto(`/dossiers/${person.id}/inzage`);
  expect(refused?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Geen toegang" })).toBeVisible();
  expect(await page.content()).not.toContain(formatted(person.nationalNumber));

  await page.context().clearCookies();
  await signIn(page, admin);
  await page.goto(`/dossiers/${person.id}`);
  await page.getByTestId("inzage-link").click();
  await expect(page).toHaveURL(new RegExp(`/dossiers/${person.id}/inzage$`));
  await expect(page.getByTestId("inzage-title")).toContainText(person.lastName);
  await expect(page.getByTestId("inzage-person")).toContainText(formatted(person.nationalNumber));
  await expect(page.getByTestId("inzage-person")).toContainText("Kerkstraat 1, 2000 Antwerpen");
  const track = page.getByTestId("inzage-track").getByTestId("timeline-entry");
  await expect(track).toHaveCount(3);
  await expect(track.nth(1)).toContainText("Dubbel geregistreerd");
  const log = page.getByTestId("inzage-access-log-table");
  await expect(log.getByRole("row").filter({ hasText: staff.email }).filter({ hasText: "Dossier geopend" }).first()).toBeVisible();
  // the admin opening the dossier just now is in it too
  await expect(log.getByRole("row").filter({ hasText: admin.email }).filter({ hasText: "Dossier geopend" }).first()).toBeVisible();
  expect(await page.content()).not.toContain(other.lastName);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download als JSON" }).click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^inzage-${person.id}-\\d{4}-\\d{2}-\\d{2}\\.json$`));
  expect(download.suggestedFilename()).not.toContain(person.nationalNumber);
  const doc = JSON.parse(fs.readFileSync((await download.path())!, "utf8"));
  expect(doc.person.nationalNumber).toBe(formatted(person.nationalNumber));
  expect(doc.track.map((e: { type: string }) => e.type)).toEqual(["EXTRACTION", "INVITATION", "REGISTRATION"]);

  const audit = await db.query("SELECT after, entity_id, reason FROM audit_log WHERE action = 'newcomer.inzage' AND newcomer_id = $1 ORDER BY id", [person.id]);
  expect(audit.rows.map((r) => r.after.format)).toEqual(["page", "json"]);
  expect(JSON.stringify(audit.rows)).not.toContain(person.nationalNumber);
  expect(JSON.stringify(audit.rows)).not.toContain(formatted(person.nationalNumber));
});
