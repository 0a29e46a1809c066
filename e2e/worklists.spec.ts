// Worklists and lists that scale (issue 14): a staff member sees the worklist count on the home
// page, opens the late registrations, selects two and opens infringement dossiers for both (one
// transaction, audited once); the DVZ advice list pages past its first page.
import { expect, test } from "./support/fixtures";
import { daysAgo, insertEvent, insertNewcomer } from "./support/track";

test("een medewerker opent vanuit de werklijst inbreukdossiers voor twee laattijdige aanmeldingen", async ({ page, db, createAgency, createUser, signIn }) => {
  const agency = await createAgency();
  const late = [await insertNewcomer(db, agency), await insertNewcomer(db, agency)];
  for (const n of late) await insertEvent(db, n.id, "INVITATION", daysAgo(130));
  const staff = await createUser("STAFF", agency);
  await signIn(page, staff);
  await page.goto("/");
  const card = page.getByTestId("worklist-niet-aangemeld");
  await expect(card.getByTestId("worklist-count")).toHaveText("2");
  await card.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Niet tijdig aangemeld");
  await expect(page.getByTestId("result-count")).toHaveText("2 dossiers");
  for (const n of late) await page.getByLabel(`Selecteer ${n.lastName} ${n.firstName}`).check();
  await page.getByRole("button", { name: "Inbreukdossier 'niet tijdig aangemeld' openen" }).click();
  await expect(page.getByRole("status").filter({ hasText: "inbreukdossiers geopend" })).toHaveText("2 inbreukdossiers geopend.");
  const events = await db.query(`SELECT infringement_type FROM track_event WHERE newcomer_id = ANY($1::uuid[]) AND type = 'INFRINGEMENT'`, [
    late.map((n) => n.id),
  ]);
  expect(events.rows.map((r) => r.infringement_type)).toEqual(["NIET_TIJDIG_AANGEMELD", "NIET_TIJDIG_AANGEMELD"]);
  const audit = await db.query(`SELECT after FROM audit_log WHERE action = 'bulk.infringement.open' AND user_email = $1`, [staff.email]);
  expect(audit.rows).toHaveLength(1);
  await page.reload();
  await expect(page.getByText("Er staat niets op deze werklijst.")).toBeVisible();
});

test("de lijst van DVZ-adviezen toont het echte aantal en bladert", async ({ page, db, createAgency, createUser, signIn }) => {
  const agency = await createAgency();
  const tag = `Zzdvz${Date.now().toString(36)}`;
  for (let i = 0; i < 27; i++) {
    const n = await insertNewcomer(db, agency, { lastName: `${tag}${String(i).padStart(2, "0")}` });
    await db.query(
      `INSERT INTO track_event (newcomer_id, type, date, office_code, agency_code, nationality_code, nationality_group, residence_status_code,
         target_group, gender, contract_signed, attestation_obtained, dvz_follow_up, updated_at)
       SELECT n.id, 'DVZ_ADVICE', $2::date, n.office_code, n.agency_code, n.nationality_code, n.nationality_group, n.residence_status_code,
         n.target_group, n.gender, false, false, 'ONBEKEND', now() FROM newcomer n WHERE n.id = $1`,
      [n.id, daysAgo(10 + i)],
    );
  }
  const admin = await createUser("ADMIN");
  await signIn(page, admin);
  await page.goto(`/dvz?naam=${tag}`);
  await expect(page.getByTestId("dvz-advice-count")).toHaveText("27 adviezen");
  await expect(page.getByTestId("dvz-advices").locator("tbody tr")).toHaveCount(25);
  await page.getByRole("link", { name: "Volgende" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByTestId("dvz-advices").locator("tbody tr")).toHaveCount(2);
  await expect(page).not.toHaveURL(/\d{11}/);
});
