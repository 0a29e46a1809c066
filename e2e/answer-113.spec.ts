import ExcelJS from "exceljs";
import { expect, test } from "./support/fixtures";
// This file runs before every test that records contracts (files run in alphabetical order, one
// worker), so the totals are those of the demo data alone.

// The demo data set (loaded by scripts/e2e-server.ts through the real importer) reproduces the
// printed answer to written question nr. 113: a fresh manager for all agencies gets Table 2 of
// the answer with one click, and the same figures in the Excel download.
test("een manager voor alle agentschappen ziet tabel 2 van het antwoord uit de demodata", async ({ page, createUser, signIn }) => {
  const manager = await createUser("MANAGER", null);
  await signIn(page, manager);
  await page.goto("/rapporten");
  await page
    .getByRole("link", { name: /Vraag 2/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/rapporten\/vraag-2/);
  await page.getByLabel("Maatstaf").selectOption("contracts");
  await page.getByLabel("Opsplitsing", { exact: true }).selectOption("agency");
  await page.getByLabel("Van jaar").selectOption("2020");
  await page.getByLabel("Tot en met jaar").selectOption("2022");
  await page.getByLabel("Peildatum").fill("2023-01-15");
  await page.getByRole("button", { name: "Toon" }).click();
  await expect(page).toHaveURL(/from=2020&to=2022&asOf=2023-01-15/);
  const table = page.getByTestId("report-table");
  await expect(table.locator("thead th")).toHaveText(["agentschap", "2020", "2021", "2022", "Totaal"]);
  // nl-BE thousands separator; AGII 2021 is 16.006 (the printed 16.005 is a known defect of the answer)
  await expect(table.locator('tr[data-keys="ATLAS"] td')).toHaveText(["3.934", "5.323", "4.609", "13.866"]);
  await expect(table.locator('tr[data-keys="IN_GENT"] td')).toHaveText(["1.493", "1.790", "1.619", "4.902"]);
  await expect(table.locator('tr[data-keys="AGII"] td')).toHaveText(["12.703", "16.006", "14.525", "43.234"]);
  await expect(page.getByTestId("report-total").locator("td")).toHaveText(["18.130", "23.119", "20.753", "62.002"]);

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download Excel" }).click();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await (await downloading).path());
  const rows = wb.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][];
  const atlas = rows.find((r) => r.includes("Atlas"))!;
  expect(atlas.slice(-4)).toEqual([3934, 5323, 4609, 13866]);
});
