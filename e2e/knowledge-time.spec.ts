// Knowledge time (kennisdatum) on a report page: a manager sees the figures as recorded at an
// earlier instant, after a correction, with the instant in the heading; the URL carries it.
import { expect, test } from "./support/fixtures";
import { insertEvents, insertNewcomer } from "./support/reports";

test("een manager bekijkt vraag 2 zoals geregistreerd vóór een correctie", async ({ page, createAgency, createUser, signIn, db }) => {
  const agency = await createAgency();
  const [a, b] = [await insertNewcomer(db, agency.agencyCode, agency.officeCode), await insertNewcomer(db, agency.agencyCode, agency.officeCode)];
  const k = { officeCode: agency.officeCode, agencyCode: agency.agencyCode };
  await insertEvents(db, [
    { newcomerId: a, type: "CONTRACT", date: "2021-03-02", ...k },
    { newcomerId: b, type: "CONTRACT", date: "2021-06-10", ...k },
  ]);
  const t1 = (await db.query<{ t: Date }>("SELECT clock_timestamp() AS t")).rows[0]!.t.toISOString();
  // a correction after T1: b's contract was in 2022
  await db.query(`UPDATE track_event SET date = '2022-01-20' WHERE newcomer_id = $1 AND type = 'CONTRACT'`, [b]);

  const manager = await createUser("MANAGER", agency);
  await signIn(page, manager);
  const query = "measure=contracts&by=office&from=2021&to=2022&asOf=2023-01-15";
  await page.goto(`/rapporten/vraag-2?${query}`);
  const row = page.getByTestId("report-table").locator(`tr[data-keys="${agency.officeCode}"] td`);
  await expect(row).toHaveText(["1", "1", "2"]);
  await expect(page.getByLabel(/Kennisdatum/)).toHaveValue("");

  await page.goto(`/rapporten/vraag-2?${query}&kennisdatum=${encodeURIComponent(t1)}`);
  await expect(row).toHaveText(["2", "0", "2"]);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("zoals geregistreerd op");
  await expect(page.getByLabel(/Kennisdatum/)).not.toHaveValue("");
  // the download carries the knowledge time
  await expect(page.getByRole("link", { name: "Download CSV" })).toHaveAttribute("href", /kennisdatum=/);
});
