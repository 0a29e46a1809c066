import { expect, test } from "./support/fixtures";
import { daysAgo, insertEvent, insertNewcomer } from "./support/track";

// what a browser on the app's own pages sends (lib/server/entry refuses requests without it)
const sameOrigin = { "sec-fetch-site": "same-origin" };
const decisionBody = (version = 1) => ({ outcome: "BOETE", decidedOn: daysAgo(1), amountEur: 75, motivation: "Rechtstreekse poging.", version });

test("een beheerder beslist een boete van 75 euro en ziet ze op de besluitpagina en in de brief", async ({ page, db, createAgency, createUser, signIn }) => {
  const agency = await createAgency();
  const admin = await createUser("ADMIN");
  const newcomer = await insertNewcomer(db, agency, { street: "Kerkstraat 12", postalCode: "2000", city: "Antwerpen" });
  const eventId = await insertEvent(db, newcomer.id, "INFRINGEMENT", daysAgo(40));
  await signIn(page, admin);

  await page.goto(`/boetes?agency=${agency.agencyCode}`);
  const row = page.getByTestId("fines-queue").getByRole("row").filter({ hasText: newcomer.lastName });
  await expect(row).toContainText("niet tijdig aangemeld");
  await row.getByRole("link", { name: /Openen/ }).click();
  await expect(page).toHaveURL(new RegExp(`/boetes/${eventId}$`));

  const form = page.getByTestId("decision-form");
  await form.getByLabel("Besluit", { exact: true }).selectOption("BOETE");
  await form.getByRole("button", { name: "€ 75", exact: true }).click();
  await expect(form.getByLabel("Bedrag (euro)")).toHaveValue("75");
  await form.getByLabel("Motivering").fill("Niet tijdig aangemeld ondanks aanmaning.");
  await form.getByRole("button", { name: "Besluit opslaan" }).click();
  await expect(page.getByTestId("form-message").first()).toContainText("Het besluit werd opgeslagen.");

  const decision = page.getByTestId("decision-history").getByTestId("decision");
  await expect(decision).toHaveCount(1);
  await expect(decision).toContainText(/Boete — €\s75/);
  await expect(decision).toContainText("definitief");
  const rows = await db.query("SELECT outcome, amount_eur, status, payment_status FROM infringement_decision WHERE event_id = $1", [eventId]);
  expect(rows.rows).toEqual([{ outcome: "BOETE", amount_eur: 75, status: "FINAL", payment_status: "OPEN" }]);

  await page.getByRole("link", { name: "Besluitbrief" }).click();
  const letter = page.getByTestId("decision-letter");
  await expect(letter.getByTestId("letter-address")).toContainText(`${newcomer.firstName} ${newcomer.lastName}`);
  await expect(letter.getByTestId("letter-address")).toContainText("Kerkstraat 12");
  await expect(letter.getByTestId("letter-address")).toContainText("2000 Antwerpen");
  await expect(letter.getByTestId("letter-decision")).toContainText(/administratieve geldboete op van €\s75/);
  await expect(letter).toContainText("niet tijdig aangemeld");
  await expect(letter).toContainText("Niet tijdig aangemeld ondanks aanmaning.");
  await expect(page.getByRole("button", { name: "Afdrukken of bewaren als pdf" })).toBeVisible();
});

test("een medewerker of manager die het besluit-endpoint rechtstreeks aanroept krijgt 403 en er verandert niets", async ({
  page,
  db,
  createAgency,
  createUser,
  signIn,
}) => {
  const agency = await createAgency();
  const newcomer = await insertNewcomer(db, agency);
  const eventId = await insertEvent(db, newcomer.id, "INFRINGEMENT", daysAgo(20));
  const state = async () => ({
    decisions: (await db.query("SELECT count(*)::int AS n FROM infringement_decision WHERE event_id = $1", [eventId])).rows[0].n,
    version: (await db.query("SELECT version FROM track_event WHERE id = $1", [eventId])).rows[0].version,
    audits: (await db.query("SELECT count(*)::int AS n FROM audit_log WHERE newcomer_id = $1 AND action LIKE 'decision.%'", [newcomer.id])).rows[0].n,
  });
  const before = await state();
  expect(before).toEqual({ decisions: 0, version: 1, audits: 0 });

  for (const role of ["STAFF", "MANAGER"] as const) {
    const user = await createUser(role, agency);
    await page.context().clearCookies();
    await signIn(page, user);
    const response = await page.request.post(`/boetes/${eventId}/besluit`, { data: decisionBody(), headers: sameOrigin });
    expect(response.status(), role).toBe(403);
    expect(await state()).toEqual(before);
  }

  // a session cookie that is not a valid session (forged or expired) gets 401 from the route itself
  await page.context().clearCookies();
  // and a request without any session cookie gets 401 from proxy.ts, never a redirect
  const anonymous = await page.request.post(`/boetes/${eventId}/besluit`, { data: decisionBody(), headers: sameOrigin, maxRedirects: 0 });
  expect(anonymous.status()).toBe(401);
  const forged = await page.request.post(`/boetes/${eventId}/besluit`, {
    data: decisionBody(),
    headers: { ...sameOrigin, cookie: "next-auth.session-token=vervalst" },
    maxRedirects: 0,
  });
  expect(forged.status()).toBe(401);
  expect(await state()).toEqual(before);

  // the same call with an admin's session is accepted: the refusals above are about the role
  const admin = await createUser("ADMIN");
  await page.context().clearCookies();
  await signIn(page, admin);
  const ok = await page.request.post(`/boetes/${eventId}/besluit`, { data: decisionBody(), headers: sameOrigin });
  expect(ok.status()).toBe(201);
  expect(await state()).toEqual({ decisions: 1, version: 2, audits: 1 });
  // a second decision on the version already used is a conflict, never an overwrite
  const again = await page.request.post(`/boetes/${eventId}/besluit`, { data: { ...decisionBody(), correctionReason: "nogmaals" }, headers: sameOrigin });
  expect(again.status()).toBe(409);
  expect((await state()).decisions).toBe(1);
});

// enabled when the dossiers and reports branches are merged
test("de boete verschijnt in het dossier en in het boeterapport", async ({ page, db, createAgency, createUser, signIn }) => {
  const agency = await createAgency();
  const admin = await createUser("ADMIN");
  const newcomer = await insertNewcomer(db, agency);
  const eventId = await insertEvent(db, newcomer.id, "INFRINGEMENT", daysAgo(40));
  await signIn(page, admin);
  const response = await page.request.post(`/boetes/${eventId}/besluit`, { data: decisionBody(), headers: sameOrigin });
  expect(response.status()).toBe(201);

  await page.goto(`/dossiers/${newcomer.id}`);
  await expect(page.getByText("Boete").first()).toBeVisible();
  await expect(page.getByText(/€\s75/).first()).toBeVisible();

  const year = daysAgo(40).slice(0, 4);
  await page.goto(`/rapporten/vraag-3?measure=fines&by=agency&from=${year}&to=${year}`);
  const table = page.getByTestId("report-table");
  await expect(table.getByRole("row").filter({ hasText: agency.label })).toContainText("1");
  await page.goto(`/rapporten/vraag-3?measure=fine_amount_eur&by=agency&from=${year}&to=${year}`);
  await expect(page.getByTestId("report-table").getByRole("row").filter({ hasText: agency.label })).toContainText("75");
});

test("een boete boven 1.000 euro wordt pas definitief na bevestiging door een tweede beheerder", async ({
  page,
  browser,
  db,
  createAgency,
  createUser,
  signIn,
}) => {
  const agency = await createAgency();
  const [first, second] = [await createUser("ADMIN"), await createUser("ADMIN")];
  const newcomer = await insertNewcomer(db, agency);
  const eventId = await insertEvent(db, newcomer.id, "INFRINGEMENT", daysAgo(60));
  await signIn(page, first);
  await page.goto(`/boetes/${eventId}`);
  const form = page.getByTestId("decision-form");
  await form.getByLabel("Bedrag (euro)").fill("1500");
  await form.getByLabel("Motivering").fill("Herhaalde inbreuk.");
  await form.getByRole("button", { name: "Besluit opslaan" }).click();
  // the decision form gives way to the notice that a second admin must confirm
  await expect(page.getByTestId("decision-history")).toContainText("wacht op bevestiging");
  await expect(page.getByText("U nam dit besluit zelf: een tweede beheerder moet het bevestigen.")).toBeVisible();
  expect((await db.query("SELECT status FROM infringement_decision WHERE event_id = $1", [eventId])).rows).toEqual([{ status: "AWAITING_CONFIRMATION" }]);

  const other = await browser.newContext();
  const page2 = await other.newPage();
  await signIn(page2, second);
  await page2.goto("/boetes");
  await page2.getByTestId("fines-awaiting").getByRole("link", { name: newcomer.lastName, exact: false }).click();
  await page2.getByTestId("review-forms").getByRole("button", { name: "Bevestigen" }).click();
  await expect(page2.getByTestId("decision-history")).toContainText("definitief");
  await expect(page2.getByTestId("decision-history")).toContainText(`bevestigd door ${second.name}`);
  expect((await db.query("SELECT status, confirmed_by_id, payment_status FROM infringement_decision WHERE event_id = $1", [eventId])).rows).toEqual([
    { status: "FINAL", confirmed_by_id: second.id, payment_status: "OPEN" },
  ]);

  const payment = page2.getByTestId("payment-form");
  await payment.getByLabel("Stand van de betaling").selectOption("BETAALD");
  await payment.getByRole("button", { name: "Betaling opslaan" }).click();
  await expect(payment.getByTestId("form-message")).toContainText("De betaling werd bijgewerkt.");
  expect((await db.query("SELECT payment_status FROM infringement_decision WHERE event_id = $1", [eventId])).rows).toEqual([{ payment_status: "BETAALD" }]);
  await other.close();
});
