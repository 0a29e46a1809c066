// The DPO's audit page in the browser: a dossier found by national number through a POST (the
// number never in the URL), Dutch labels, and the CSV export of the filter, itself audited.
import fs from "node:fs";
import { expect, test } from "./support/fixtures";
import { insertNewcomer } from "./support/track";

test("een beheerder zoekt het auditlog van een dossier op rijksregisternummer en exporteert het", async ({ page, db, createAgency, createUser, signIn }) => {
  const agency = await createAgency();
  const newcomer = await insertNewcomer(db, agency, { lastName: "Auditspoor" });
  const admin = await createUser("ADMIN");
  await signIn(page, admin);
  await page.goto(`/dossiers/${newcomer.id}`); // writes a newcomer.view row
  await page.goto("/beheer/audit");
  await page.getByLabel("Dossier (rijksregisternummer)").fill(newcomer.nationalNumber);
  await page.getByRole("button", { name: "Dossier zoeken" }).click();
  await expect(page).toHaveURL(new RegExp(`dossier=${newcomer.id}`));
  expect(page.url()).not.toContain(newcomer.nationalNumber);
  await expect(page.getByTestId("audit-dossier")).toContainText("Auditspoor");
  await expect(page.getByTestId("audit-table")).toContainText("Dossier geopend");
  await expect(page.getByTestId("audit-count")).toHaveText("1 regels");

  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: /Exporteren als CSV/ }).click();
  const csv = fs.readFileSync((await (await downloading).path())!, "utf8");
  expect(csv).toContain("Dossier geopend");
  expect(csv).not.toContain(newcomer.nationalNumber);
  const exports = await db.query(`SELECT after FROM audit_log WHERE user_id = $1 AND action = 'audit.export'`, [admin.id]);
  expect(exports.rows).toEqual([{ after: { filters: { dossier: newcomer.id }, count: 1 } }]);

  await page.getByLabel("Dossier (rijksregisternummer)").fill("12345");
  await page.getByRole("button", { name: "Dossier zoeken" }).click();
  await expect(page.getByText("Vul een geldig rijksregisternummer in (11 cijfers).")).toBeVisible();
});
