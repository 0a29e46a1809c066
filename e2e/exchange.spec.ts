import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { syntheticNewcomer } from "../bench/support/synthetic-newcomers";
import { expect, test } from "./support/fixtures";

function jsonl(name: string, lines: string[]): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "e2e-import-")), name);
  fs.writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}

test("een beheerder importeert een bestand: eerst geweigerd met de foute regel, daarna volledig", async ({ page, createAgency, createUser, signIn, db }) => {
  const agency = await createAgency();
  const admin = await createUser("ADMIN");
  // synthetic newcomer i has sequence 1 + 2 × ⌊i / 18,000⌋: from i = 7,560,000 on that is ≥ 841,
  // clear of the demo data in the e2e database (sequences up to 40; see support/national-numbers.ts)
  const offset = 7_560_000 + Math.floor(Math.random() * 700_000);
  const people = [0, 1, 2].map((i) => syntheticNewcomer(offset + i, { offices: [agency.officeCode, agency.secondOfficeCode] }));
  await signIn(page, admin);
  await page.goto("/beheer");
  await page.getByRole("link", { name: /Dossiers importeren/ }).click();

  const bad = { ...people[1]!, events: [{ type: "CONTRACT", date: "2020-01-01" }] };
  await page.getByLabel("Bestand (.jsonl)").setInputFiles(jsonl("fout.jsonl", [JSON.stringify(people[0]), JSON.stringify(bad)]));
  await page.getByRole("button", { name: "Importeren" }).click();
  await expect(page.getByText("Import geweigerd: er werd niets geïmporteerd")).toBeVisible({ timeout: 30_000 });
  const row = page.getByTestId("import-errors").getByRole("row").nth(1);
  await expect(row).toContainText("2");
  await expect(row).toContainText("events[0].date");
  await expect(row).toContainText("niet vóór een aanmelding");
  expect((await db.query("SELECT 1 FROM newcomer WHERE national_number = $1", [people[0]!.nationalNumber])).rowCount).toBe(0);

  await page.getByLabel("Bestand (.jsonl)").setInputFiles(
    jsonl(
      "goed.jsonl",
      people.map((p) => JSON.stringify(p)),
    ),
  );
  await page.getByRole("button", { name: "Importeren" }).click();
  await expect(page.getByText("Import geslaagd")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("3 nieuwe inburgeraars")).toBeVisible();
  const audit = await db.query("SELECT 1 FROM audit_log WHERE action = 'exchange.import' AND user_id = $1", [admin.id]);
  expect(audit.rowCount).toBe(1);
});

test("een beheerder downloadt de export; een medewerker mag niet", async ({ page, createAgency, createUser, signIn, db }) => {
  const agency = await createAgency();
  const admin = await createUser("ADMIN");
  const person = syntheticNewcomer(8_300_000 + Math.floor(Math.random() * 600_000), { offices: [agency.officeCode] }); // sequence ≥ 923
  await db.query(
    `INSERT INTO newcomer (national_number, last_name, first_name, search_name, birth_date, gender, nationality_code, nationality_group,
       residence_status_code, target_group, office_code, agency_code, updated_at)
     VALUES ($1, $2, $3, 'x', $4, $5, $6, 'DERDELANDER', $7, $8, $9, $10, now())`,
    [
      person.nationalNumber,
      person.lastName,
      person.firstName,
      person.birthDate,
      person.gender,
      person.nationality,
      person.residenceStatus,
      person.targetGroup,
      agency.officeCode,
      agency.agencyCode,
    ],
  );
  await signIn(page, admin);
  await page.goto("/beheer/export");
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export downloaden (.jsonl)" }).click(); // a POST form since issue 12
  const download = await downloading;
  const text = fs.readFileSync((await download.path())!, "utf8");
  expect(text).toContain(`"nationalNumber":"${person.nationalNumber}"`);

  const staff = await createUser("STAFF", agency);
  await page.context().clearCookies();
  await signIn(page, staff);
  const response = await page.request.post("/beheer/export/download", { headers: { "sec-fetch-site": "same-origin" } });
  expect(response.status()).toBe(403);
});
