// Publications (issue 13): a manager publishes the answer as VOORLOPIG, a record is corrected, the
// manager publishes the DEFINITIEF version of it and sees what changed; a manager of another
// agency cannot open it (a publication of an agency's figures is visible to that agency's
// managers, Flemish-scope managers and admins).
import { expect, test } from "./support/fixtures";
import { insertEvents, insertNewcomer } from "./support/reports";

const answerUrl = "/rapporten/antwoord?from=2020&to=2022&asOf=2023-01-15";

test("een manager publiceert het antwoord voorlopig, er volgt een correctie, en de definitieve versie toont wat veranderde", async ({
  page,
  createAgency,
  createUser,
  signIn,
  db,
}) => {
  // two answer pages and two publications of the full answer: over a minute on a loaded machine
  test.setTimeout(120_000);
  const agency = await createAgency();
  const k1 = { officeCode: agency.officeCode, agencyCode: agency.agencyCode };
  const a = await insertNewcomer(db, agency.agencyCode, agency.officeCode);
  const b = await insertNewcomer(db, agency.agencyCode, agency.officeCode);
  await insertEvents(db, [
    { newcomerId: a, type: "CONTRACT", date: "2021-03-02", ...k1 },
    { newcomerId: b, type: "CONTRACT", date: "2022-04-02", ...k1 },
  ]);
  const manager = await createUser("MANAGER", agency);
  await signIn(page, manager);

  await page.goto(answerUrl);
  const form = page.getByTestId("publish-form");
  await form.getByLabel("Titel").fill("Vraag 113 voorlopig");
  await form.getByLabel("Status").selectOption("VOORLOPIG");
  await form.getByRole("button", { name: "Publiceren" }).click();
  await expect(form.getByTestId("form-message")).toHaveText("Gepubliceerd.");
  await form.getByRole("link", { name: "Publicatie openen" }).click();
  await expect(page.getByTestId("publication-status")).toHaveText("voorlopig");
  await expect(page.getByTestId("publication-check")).toContainText("✓");
  const provisionalUrl = page.url();

  // a correction: the 2021 contract was in fact signed in 2022
  await db.query(`UPDATE track_event SET date = '2022-02-01', updated_at = now() WHERE newcomer_id = $1 AND type = 'CONTRACT'`, [a]);
  await page.reload();
  // knowledge time: as recorded on its instant the publication still holds; the change shows as "what changed"
  await expect(page.getByTestId("publication-check")).toContainText("✓");
  await expect(page.getByTestId("publication-diff").locator("tbody tr").first()).toBeVisible();

  await page.goto(answerUrl);
  await form.getByLabel("Titel").fill("Vraag 113 definitief");
  await form.getByLabel("Status").selectOption("DEFINITIEF");
  await form.getByLabel("Rondt de voorlopige publicatie af").selectOption({ label: "Vraag 113 voorlopig" });
  await form.getByRole("button", { name: "Publiceren" }).click();
  await expect(form.getByTestId("form-message")).toHaveText("Gepubliceerd.");
  await form.getByRole("link", { name: "Publicatie openen" }).click();
  await expect(page.getByTestId("publication-status")).toHaveText("definitief");
  await expect(page.getByTestId("publication-check")).toContainText("✓");

  await page.getByRole("link", { name: "Vergelijk met de voorlopige" }).click();
  const changes = page.getByTestId("publication-diff").locator("tbody tr");
  await expect(changes.first()).toBeVisible();
  // Table 2 (contracts by agency and office): the office's 2021 cell went from 1 to 0, one record
  // behind it, corrected (added later, corrected, cancelled, decided later)
  const office2021 = changes
    .filter({ hasText: `Kantoor Noord ${agency.agencyCode}` })
    .filter({ hasText: "2021" })
    .first();
  await expect(office2021.locator("td")).toHaveText(["2", /Kantoor Noord/, "2021", "1", "0", "-1", "0", "1", "0", "0"]);

  await page.goto("/rapporten/publicaties");
  await expect(page.getByTestId("publications").getByRole("link", { name: "Vraag 113 definitief" })).toBeVisible();

  // a manager of another agency: not found, nothing of it shown
  const stranger = await createUser("MANAGER", await createAgency("Ander agentschap"));
  await page.context().clearCookies();
  await signIn(page, stranger);
  await page.goto(provisionalUrl);
  await expect(page.getByRole("heading", { name: "Niet gevonden" })).toBeVisible();
  await expect(page.getByText("Vraag 113 voorlopig")).toHaveCount(0);
});
