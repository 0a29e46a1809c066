import { expect, test } from "./support/fixtures";
import { daysAgo, insertEvent, insertNewcomer } from "./support/track";

test("medewerkers en managers zien de boetes en DVZ-schermen niet, ook niet van hun eigen agentschap", async ({
  page,
  db,
  createAgency,
  createUser,
  signIn,
}) => {
  const agency = await createAgency();
  const newcomer = await insertNewcomer(db, agency);
  const eventId = await insertEvent(db, newcomer.id, "INFRINGEMENT", daysAgo(10));
  for (const role of ["STAFF", "MANAGER"] as const) {
    await page.context().clearCookies();
    await signIn(page, await createUser(role, agency));
    for (const url of ["/boetes", `/boetes/${eventId}`, `/boetes/${eventId}/brief`, "/dvz"]) {
      const response = await page.goto(url);
      expect(response?.status(), `${role} ${url}`).toBe(403);
      await expect(page.getByRole("heading", { name: "Geen toegang" })).toBeVisible();
      await expect(page.getByText(newcomer.lastName)).toHaveCount(0);
    }
    const exported = await page.request.post("/dvz/export", { form: { from: daysAgo(30), to: daysAgo(0) }, headers: { "sec-fetch-site": "same-origin" } });
    expect(exported.status(), role).toBe(403);
  }
  const views = await db.query("SELECT count(*)::int AS n FROM audit_log WHERE newcomer_id = $1", [newcomer.id]);
  expect(views.rows[0].n).toBe(0);
});

test("een onbekend of geannuleerd inbreukdossier geeft de niet-gevonden-pagina", async ({ page, db, createAgency, createUser, signIn }) => {
  const agency = await createAgency();
  const newcomer = await insertNewcomer(db, agency);
  const eventId = await insertEvent(db, newcomer.id, "INFRINGEMENT", daysAgo(10));
  await db.query("UPDATE track_event SET cancelled_at = now(), cancel_reason = 'dubbel' WHERE id = $1", [eventId]);
  await signIn(page, await createUser("ADMIN"));
  expect((await page.goto("/boetes/00000000-0000-0000-0000-000000000000"))?.status()).toBe(404);
  expect((await page.goto(`/boetes/${eventId}/brief`))?.status()).toBe(404);
  await page.goto(`/boetes/${eventId}`);
  await expect(page.getByText("Dit inbreukdossier werd geannuleerd.")).toBeVisible();
  await expect(page.getByTestId("decision-form")).toHaveCount(0);
});
