import fs from "node:fs";
import { expect, test } from "./support/fixtures";
import { daysAgo, insertEvent, insertNewcomer } from "./support/track";

test("een beheerder genereert een DVZ-advies uit het traject en downloadt het bestand met vijf kolommen", async ({
  page,
  db,
  createAgency,
  createUser,
  signIn,
}) => {
  const agency = await createAgency();
  const admin = await createUser("ADMIN");
  const newcomer = await insertNewcomer(db, agency, { lastName: `=HYPERLINK${Date.now()}` });
  await insertEvent(db, newcomer.id, "CONTRACT", daysAgo(200));
  await signIn(page, admin);

  await page.goto("/dvz");
  await page.getByLabel("Naam of rijksregisternummer").fill(newcomer.nationalNumber);
  await page.getByRole("button", { name: "Zoeken" }).click();
  const result = page.getByTestId("dvz-search-results").getByRole("row").filter({ hasText: newcomer.lastName });
  await result.getByRole("button", { name: "Advies genereren" }).click();
  await expect(result.getByTestId("form-message")).toContainText("Het advies werd aangemaakt.");
  const advice = await db.query(
    "SELECT contract_signed, attestation_obtained, dvz_follow_up, office_code FROM track_event WHERE newcomer_id = $1 AND type = 'DVZ_ADVICE'",
    [newcomer.id],
  );
  expect(advice.rows).toEqual([{ contract_signed: true, attestation_obtained: false, dvz_follow_up: "ONBEKEND", office_code: agency.officeCode }]);

  await page.getByLabel("Van", { exact: true }).fill(daysAgo(1));
  await page.getByLabel("Tot en met", { exact: true }).fill(daysAgo(0));
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Bestand downloaden" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^dvz-adviezen-.*\.csv$/);
  const text = fs.readFileSync((await download.path())!, "utf8");
  const lines = text.trimEnd().split("\r\n");
  expect(lines[0]).toBe("achternaam,voornaam,rijksregisternummer,contract_ondertekend,attest_behaald");
  const mine = lines.find((l) => l.includes(newcomer.nationalNumber));
  expect(mine).toBe(`'${newcomer.lastName},${newcomer.firstName},${newcomer.nationalNumber},ja,nee`);
  for (const line of lines) expect(line.split(",")).toHaveLength(5);

  const audit = await db.query("SELECT after FROM audit_log WHERE action = 'dvz.export' AND user_id = $1", [admin.id]);
  expect(audit.rowCount).toBe(1);
  expect(audit.rows[0].after.newcomerIds).toContain(newcomer.id);
});
