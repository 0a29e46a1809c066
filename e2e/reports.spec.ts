import ExcelJS from "exceljs";
import { expect, test } from "./support/fixtures";
import { insertEvents, insertNewcomer } from "./support/reports";

test("een manager van één agentschap bekijkt vraag 2 voor een gekozen periode en downloadt Excel", async ({ page, createAgency, createUser, signIn, db }) => {
  const agency = await createAgency();
  const other = await createAgency("Ander agentschap");
  const [a, b, c] = [
    await insertNewcomer(db, agency.agencyCode, agency.officeCode),
    await insertNewcomer(db, agency.agencyCode, agency.officeCode),
    await insertNewcomer(db, agency.agencyCode, agency.secondOfficeCode),
  ];
  const early = await insertNewcomer(db, agency.agencyCode, agency.secondOfficeCode);
  const elsewhere = await insertNewcomer(db, other.agencyCode, other.officeCode);
  const k1 = { officeCode: agency.officeCode, agencyCode: agency.agencyCode };
  const k2 = { officeCode: agency.secondOfficeCode, agencyCode: agency.agencyCode };
  await insertEvents(db, [
    { newcomerId: a, type: "CONTRACT", date: "2020-03-02", ...k1 },
    { newcomerId: a, type: "CONTRACT", date: "2021-05-02", ...k1 }, // a second contract: not a first one
    { newcomerId: b, type: "CONTRACT", date: "2021-06-10", ...k1 },
    { newcomerId: c, type: "CONTRACT", date: "2021-07-01", ...k2 },
    { newcomerId: early, type: "CONTRACT", date: "2019-07-01", ...k2 }, // outside the chosen period
    { newcomerId: early, type: "CONTRACT", date: "2021-09-01", ...k2 }, // not their first contract
    { newcomerId: elsewhere, type: "CONTRACT", date: "2021-02-01", officeCode: other.officeCode, agencyCode: other.agencyCode },
  ]);
  const manager = await createUser("MANAGER", agency);
  await signIn(page, manager);
  // even with another agency in the URL, the manager sees their own agency only
  await page.goto(`/rapporten/vraag-2?agency=${other.agencyCode}`);
  await page.getByLabel("Opsplitsing", { exact: true }).selectOption("office");
  await page.getByLabel("Van jaar").selectOption("2020");
  await page.getByLabel("Tot en met jaar").selectOption("2021");
  await page.getByRole("button", { name: "Toon" }).click();
  await expect(page).toHaveURL(/from=2020/);

  const table = page.getByTestId("report-table");
  await expect(table.locator("thead th")).toHaveText(["kantoor", "2020", "2021", "Totaal"]);
  await expect(table.locator(`tr[data-keys="${agency.officeCode}"] td`)).toHaveText(["1", "1", "2"]);
  await expect(table.locator(`tr[data-keys="${agency.secondOfficeCode}"] td`)).toHaveText(["0", "1", "1"]);
  await expect(table.locator(`tr[data-keys="${other.officeCode}"]`)).toHaveCount(0);
  await expect(page.getByTestId("report-total").locator("td")).toHaveText(["1", "2", "3"]);

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download Excel" }).click();
  const file = await (await downloading).path();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0]!;
  const rows = ws.getSheetValues().filter(Boolean) as unknown[][];
  const k1Row = rows.find((r) => r.includes(`Kantoor Noord ${agency.agencyCode}`))!;
  expect(k1Row.slice(2)).toEqual([1, 1, 2]); // numbers as numbers
  const totalRow = rows.find((r) => r[1] === "Totaal")!;
  expect(totalRow.slice(2)).toEqual([1, 2, 3]);
});
