// Issue 14 in the browser: a form with four mistakes shows all four at once; an admin merges two
// dossiers of one person (a BIS number and a national number) and the search by the BIS number —
// now an alias — finds the merged dossier.
import crypto from "node:crypto";
import { makeNationalNumber } from "../lib/domain/national-number";
import { expect, test } from "./support/fixtures";
import { uniqueName } from "./support/dossiers";
import { e2eNationalNumber } from "./support/national-numbers";
import { insertEvent } from "./support/track";

test("het formulier met vier fouten toont alle vier tegelijk", async ({ page, createAgency, createUser, signIn, db }) => {
  test.setTimeout(180_000); // a shared, busy machine: the page loads are slow, not the form
  const agency = await createAgency("Atlas");
  await signIn(page, await createUser("STAFF", agency));
  await page.goto("/dossiers/nieuw");
  const good = e2eNationalNumber("1985-07-30", "M");
  const wrong = good.slice(0, 9) + String((Number(good.slice(9)) + 1) % 100).padStart(2, "0");
  const firstName = uniqueName("Vier");
  await page.getByLabel("Rijksregisternummer of BIS-nummer").fill(wrong); // 1: checksum
  // 2: no last name
  await page.getByLabel("Voornaam").fill(firstName);
  await page.getByLabel("Geboortedatum").fill("2099-01-01"); // 3: in the future
  await page.getByLabel("Geslacht").selectOption("M");
  await page.getByLabel("Nationaliteit", { exact: true }).fill("Marokko (MAR)");
  // 4: no residence status
  await page.getByLabel("Doelgroep").selectOption("PLICHT");
  await page.getByRole("button", { name: "Inburgeraar aanmaken" }).click();
  await expect(page.getByText("Het controlegetal van het rijksregisternummer klopt niet.")).toBeVisible();
  await expect(page.getByText("Vul de familienaam in.")).toBeVisible();
  await expect(page.getByText("Een datum in de toekomst kan niet.")).toBeVisible();
  await expect(page.getByText("Kies een verblijfsstatus.")).toBeVisible();
  expect((await db.query("SELECT 1 FROM newcomer WHERE first_name = $1", [firstName])).rowCount).toBe(0);
});

test("een beheerder voegt twee dubbels samen en het BIS-nummer vindt het samengevoegde dossier", async ({ page, createAgency, createUser, signIn, db }) => {
  test.setTimeout(180_000);
  const agency = await createAgency("Atlas");
  const lastName = uniqueName("Dubbel");
  const birthDate = `19${crypto.randomInt(50, 99)}-0${crypto.randomInt(1, 9)}-1${crypto.randomInt(0, 9)}`;
  const bis = makeNationalNumber(birthDate, 801 + 2 * crypto.randomInt(0, 98), { bis: true });
  const national = e2eNationalNumber(birthDate, "M");
  const insert = async (nn: string) =>
    (
      await db.query<{ id: string }>(
        `INSERT INTO newcomer (national_number, last_name, first_name, search_name, birth_date, gender, nationality_code, nationality_group,
           residence_status_code, target_group, office_code, agency_code, updated_at)
         VALUES ($1, $2, 'Samira', lower($2 || ' samira'), $3, 'M', 'MAR', 'DERDELANDER', 'GEZINSHERENIGING_BELG', 'PLICHT', $4, $5, now()) RETURNING id`,
        [nn, lastName, birthDate, agency.officeCode, agency.agencyCode],
      )
    ).rows[0]!.id;
  const first = await insert(bis);
  const second = await insert(national);
  await insertEvent(db, first, "EXTRACTION", "2020-02-03");
  await insertEvent(db, second, "EXTRACTION", "2021-05-06");
  await insertEvent(db, second, "INVITATION", "2021-06-01");

  await signIn(page, await createUser("ADMIN"));
  await page.goto(`/dossiers/${first}`);
  const notice = page.getByTestId("duplicate-notice");
  await expect(notice).toContainText("BIS-nummer en rijksregisternummer");
  await notice.getByRole("link", { name: "Samenvoegen…" }).click();
  await expect(page.getByRole("heading", { name: "Twee dossiers samenvoegen" })).toBeVisible();
  await expect(page.getByTestId("merge-reports")).toContainText("2 stappen met een eerste in 2020, 2021 → één eerste in 2020");
  await page.getByRole("button", { name: "Dossiers samenvoegen" }).click();
  await expect(page).toHaveURL(new RegExp(`/dossiers/${first}$`));
  await expect(page.getByTestId("timeline-entry")).toHaveCount(3);
  await expect(page.getByTestId("duplicate-notice")).toHaveCount(0);

  // the old link of the merged dossier leads to the survivor
  await page.goto(`/dossiers/${second}`);
  await expect(page).toHaveURL(new RegExp(`/dossiers/${first}$`));

  // the BIS number is now an alias and still finds the person
  await page.goto("/dossiers");
  await page.getByLabel("Zoeken op naam of rijksregisternummer").fill(bis);
  await page.getByRole("button", { name: "Zoeken", exact: true }).click();
  await expect(page.locator(`a[href="/dossiers/${first}"]`).first()).toBeVisible();
  const audit = await db.query("SELECT before, after FROM audit_log WHERE action = 'newcomer.merge' AND newcomer_id = $1", [first]);
  expect(audit.rowCount).toBe(1);
  expect(JSON.stringify(audit.rows[0])).not.toContain(bis);
  expect(JSON.stringify(audit.rows[0])).not.toContain(national);
});
