// Lists that scale (issue 14): a staff member exports the dossier list as XLSX and CSV (the file's
// header, its count, a masked number, audited); an admin pages the fines queue with the shared
// pager; an admin creates DVZ advice for two selected dossiers in one go.
import fs from "node:fs";
import ExcelJS from "exceljs";
import { expect, test } from "./support/fixtures";
import { daysAgo, insertEvent, insertNewcomer } from "./support/track";

const MASKED = /^\d{2}\.\d{2}\.\d{2}-\*\*\*\.\*\*$/;

test("een medewerker exporteert de dossierlijst als Excel en als CSV, rijksregisternummers gemaskeerd", async ({
  page,
  db,
  createAgency,
  createUser,
  signIn,
}) => {
  const agency = await createAgency();
  const tag = `Zzexp${Date.now().toString(36)}`;
  const people = [];
  for (let i = 0; i < 3; i++) people.push(await insertNewcomer(db, agency, { lastName: `${tag}${i}` }));
  const staff = await createUser("STAFF", agency);
  await signIn(page, staff);
  await page.goto(`/dossiers?q=${tag}`);
  await expect(page.getByTestId("result-count")).toHaveText("3 inburgeraars");
  const form = page.getByTestId("list-export");

  const [xlsx] = await Promise.all([page.waitForEvent("download"), form.getByRole("button", { name: "Exporteren als Excel (XLSX)" }).click()]);
  expect(xlsx.suggestedFilename()).toMatch(/^dossiers-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile((await xlsx.path())!);
  const ws = wb.worksheets[0]!;
  expect(ws.getRow(1).values).toEqual([
    undefined,
    "achternaam",
    "voornaam",
    "rijksregisternummer",
    "geboortedatum",
    "geslacht",
    "kantoor",
    "doelgroep",
    "status",
  ]);
  expect(ws.rowCount).toBe(4);
  expect(ws.getCell(2, 1).value).toBe(`${tag}0`);
  expect(String(ws.getCell(2, 3).value)).toMatch(MASKED);
  expect(ws.getCell(2, 4).value).toBeInstanceOf(Date);

  const [csv] = await Promise.all([page.waitForEvent("download"), form.getByRole("button", { name: "Exporteren als CSV" }).click()]);
  expect(csv.suggestedFilename()).toMatch(/^dossiers-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = fs
    .readFileSync((await csv.path())!, "utf8")
    .trimEnd()
    .split("\r\n");
  expect(lines[0]).toBe("achternaam,voornaam,rijksregisternummer,geboortedatum,geslacht,kantoor,doelgroep,status");
  expect(lines).toHaveLength(4);
  expect(lines[1]!.split(",")[2]).toMatch(MASKED);
  const text = lines.join("\n");
  for (const p of people) expect(text).not.toContain(p.nationalNumber);

  const audit = await db.query<{ after: { count: number; revealed: boolean; format: string } }>(
    `SELECT after FROM audit_log WHERE action = 'newcomer.list.export' AND user_email = $1 ORDER BY id`,
    [staff.email],
  );
  expect(audit.rows.map((r) => [r.after.format, r.after.count, r.after.revealed])).toEqual([
    ["xlsx", 3, false],
    ["csv", 3, false],
  ]);
});

test("een beheerder bladert door de wachtrij van inbreukdossiers", async ({ page, db, createAgency, createUser, signIn }) => {
  const agency = await createAgency();
  for (let i = 0; i < 27; i++) {
    const n = await insertNewcomer(db, agency);
    await insertEvent(db, n.id, "INFRINGEMENT", daysAgo(10 + i));
  }
  await signIn(page, await createUser("ADMIN"));
  await page.goto(`/boetes?agency=${agency.agencyCode}`);
  await expect(page.getByRole("heading", { name: "27 dossiers" })).toBeVisible();
  await expect(page.getByTestId("fines-queue").locator("tbody tr")).toHaveCount(25);
  await page.getByRole("navigation", { name: "Paginering van de wachtrij" }).getByRole("link", { name: "Volgende" }).click();
  await expect(page).toHaveURL(/agency=E2E_.*page=2|page=2.*agency=E2E_/);
  await expect(page.getByText("Pagina 2 van 2")).toBeVisible();
  await expect(page.getByTestId("fines-queue").locator("tbody tr")).toHaveCount(2);
});

test("een beheerder maakt DVZ-adviezen aan voor twee geselecteerde dossiers", async ({ page, db, createAgency, createUser, signIn }) => {
  const agency = await createAgency();
  const tag = `Zzbdvz${Date.now().toString(36)}`;
  const chosen = [await insertNewcomer(db, agency, { lastName: `${tag}a` }), await insertNewcomer(db, agency, { lastName: `${tag}b` })];
  await insertEvent(db, chosen[0]!.id, "CONTRACT", daysAgo(100));
  const admin = await createUser("ADMIN");
  await signIn(page, admin);
  await page.goto(`/dossiers?q=${tag}`);
  for (const n of chosen) await page.getByLabel(`Selecteer ${n.lastName} ${n.firstName}`).check();
  await page.getByTestId("bulk-dvz-advice").click();
  await expect(page.getByRole("status").filter({ hasText: "DVZ-adviezen" })).toHaveText("2 DVZ-adviezen aangemaakt.");
  const made = await db.query<{ newcomer_id: string; contract_signed: boolean }>(
    `SELECT newcomer_id, contract_signed FROM track_event WHERE type = 'DVZ_ADVICE' AND newcomer_id = ANY($1::uuid[]) ORDER BY contract_signed DESC`,
    [chosen.map((n) => n.id)],
  );
  expect(made.rows).toEqual([
    { newcomer_id: chosen[0]!.id, contract_signed: true },
    { newcomer_id: chosen[1]!.id, contract_signed: false },
  ]);
  const audit = await db.query(`SELECT after FROM audit_log WHERE action = 'bulk.dvz.advice' AND user_email = $1`, [admin.email]);
  expect(audit.rows).toHaveLength(1);
  // the same selection again the same day: refused as a whole, each reason named
  for (const n of chosen) await page.getByLabel(`Selecteer ${n.lastName} ${n.firstName}`).check();
  await page.getByTestId("bulk-dvz-advice").click();
  const alert = page.getByRole("alert").filter({ hasText: "DVZ-advies van" });
  await expect(alert.getByRole("listitem")).toHaveCount(2);
});
