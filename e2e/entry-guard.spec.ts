// The one guarded entry (lib/server/entry): foreign-origin and wrong-content-type requests are
// refused and audited, no GET exports personal data or writes a reveal, and a national number
// typed in the dossier search never reaches the URL.
import { expect, test } from "./support/fixtures";
import { insertNewcomer as insertDossier, uniqueName } from "./support/dossiers";
import { daysAgo, insertEvent, insertNewcomer } from "./support/track";

const EVIL = "http://evil.example";
const decisionBody = { outcome: "BOETE", decidedOn: daysAgo(1), amountEur: 75, motivation: "Rechtstreekse poging.", version: 1 };

test("CSRF op het besluit-endpoint: vreemde Origin → 403, text/plain-body → 415, geen besluit, weigering gelogd", async ({
  page,
  db,
  createAgency,
  createUser,
  signIn,
  baseURL,
}) => {
  const agency = await createAgency();
  const newcomer = await insertNewcomer(db, agency);
  const eventId = await insertEvent(db, newcomer.id, "INFRINGEMENT", daysAgo(30));
  const admin = await createUser("ADMIN");
  await signIn(page, admin);
  const decisions = async () => (await db.query("SELECT count(*)::int AS n FROM infringement_decision WHERE event_id = $1", [eventId])).rows[0].n;

  const foreign = await page.request.post(`/boetes/${eventId}/besluit`, { data: decisionBody, headers: { origin: EVIL } });
  expect(foreign.status()).toBe(403);
  expect(foreign.headers()["cache-control"]).toContain("no-store");
  const textPlain = await page.request.post(`/boetes/${eventId}/besluit`, {
    data: JSON.stringify(decisionBody),
    headers: { origin: EVIL, "content-type": "text/plain; x=application/json" },
  });
  expect(textPlain.status()).toBe(403);
  const textPlainSameOrigin = await page.request.post(`/boetes/${eventId}/besluit`, {
    data: JSON.stringify(decisionBody),
    headers: { origin: baseURL!, "content-type": "text/plain; x=application/json" },
  });
  expect(textPlainSameOrigin.status()).toBe(415);
  expect(await decisions()).toBe(0);

  const refused = await db.query<{ reason: string }>("SELECT reason FROM audit_log WHERE action = 'request.refused' AND user_id = $1 ORDER BY id", [admin.id]);
  expect(refused.rows.map((r) => r.reason)).toEqual(expect.arrayContaining([expect.stringContaining("origin"), expect.stringContaining("content-type")]));

  // the same request, same origin and application/json (with a charset), is accepted
  const ok = await page.request.post(`/boetes/${eventId}/besluit`, {
    data: JSON.stringify(decisionBody),
    headers: { origin: baseURL!, "content-type": "application/json; charset=utf-8" },
  });
  expect(ok.status()).toBe(201);
  expect(await decisions()).toBe(1);
});

test("POST /dvz/export vanaf een vreemde origin wordt geweigerd; zonder Origin en Sec-Fetch-Site ook", async ({ page, createUser, signIn }) => {
  await signIn(page, await createUser("ADMIN"));
  const form = { from: daysAgo(30), to: daysAgo(0) };
  const foreign = await page.request.post("/dvz/export", { form, headers: { origin: EVIL } });
  expect(foreign.status()).toBe(403);
  expect(await foreign.text()).not.toContain("rijksregisternummer");
  const bare = await page.request.post("/dvz/export", { form });
  expect(bare.status()).toBe(403);
  const sameSite = await page.request.post("/dvz/export", { form, headers: { "sec-fetch-site": "same-origin" } });
  expect(sameSite.status()).toBe(200);
});

test("een server action met een vreemde of ontbrekende Origin verandert niets", async ({ page, db, createAgency, createUser, signIn, baseURL }) => {
  const agency = await createAgency("Atlas");
  const staff = await createUser("STAFF", agency);
  const lastName = uniqueName("Csrf");
  const newcomer = await insertDossier(db, agency, lastName, "Anna");
  await signIn(page, staff);
  await page.goto(`/dossiers/${newcomer.id}/bewerken`);

  // capture the real server-action request of the edit form, without letting it through
  let captured: { headers: Record<string, string>; body: Buffer } | null = null;
  await page.route(`**/dossiers/${newcomer.id}/bewerken`, async (route) => {
    const r = route.request();
    if (r.method() !== "POST") return route.continue();
    captured = { headers: await r.allHeaders(), body: r.postDataBuffer()! };
    await route.abort();
  });
  await page.getByLabel("Voornaam").fill("Aanvaller");
  await page.getByRole("button", { name: "Wijzigingen opslaan" }).click();
  await expect.poll(() => captured !== null).toBe(true);
  const { headers, body } = captured!;
  const replay = (extra: Record<string, string>) => {
    const h: Record<string, string> = {
      accept: headers.accept ?? "text/x-component",
      "content-type": headers["content-type"]!,
      "next-action": headers["next-action"]!,
      ...extra,
    };
    if (headers["next-router-state-tree"]) h["next-router-state-tree"] = headers["next-router-state-tree"];
    return page.request.post(`/dossiers/${newcomer.id}/bewerken`, { headers: h, data: body, maxRedirects: 0 });
  };
  const firstName = async () => (await db.query("SELECT first_name, version FROM newcomer WHERE id = $1", [newcomer.id])).rows[0];

  await replay({ origin: EVIL });
  expect(await firstName()).toEqual({ first_name: "Anna", version: 1 });
  await replay({});
  expect(await firstName()).toEqual({ first_name: "Anna", version: 1 });
  const refused = await db.query("SELECT 1 FROM audit_log WHERE action = 'request.refused' AND user_id = $1", [staff.id]);
  expect(refused.rowCount).toBeGreaterThanOrEqual(1);

  // the very same request from the app's own origin goes through: the refusals were the origin
  await replay({ origin: new URL(baseURL!).origin });
  expect(await firstName()).toEqual({ first_name: "Aanvaller", version: 2 });
});

test("GET /beheer/export/download exporteert niets; de export is een POST vanaf de exportpagina", async ({ page, createUser, signIn }) => {
  await signIn(page, await createUser("ADMIN"));
  const get = await page.request.get("/beheer/export/download", { maxRedirects: 0 });
  expect(get.status()).toBe(405);
  expect(await get.text()).not.toContain("nationalNumber");
});

test("zoeken op rijksregisternummer zet het nummer niet in de URL en vindt het dossier", async ({ page, db, createAgency, createUser, signIn }) => {
  const agency = await createAgency("Atlas");
  const staff = await createUser("STAFF", agency);
  const lastName = uniqueName("Zoek");
  const newcomer = await insertDossier(db, agency, lastName, "Bert");
  await signIn(page, staff);
  await page.goto("/dossiers");
  const nn = newcomer.nationalNumber;
  const dotted = `${nn.slice(0, 2)}.${nn.slice(2, 4)}.${nn.slice(4, 6)}-${nn.slice(6, 9)}.${nn.slice(9)}`;
  const search = async (typed: string) => {
    const before = page.url();
    await page.getByLabel("Zoeken op naam of rijksregisternummer").fill(typed);
    await page.getByRole("button", { name: "Zoeken", exact: true }).click();
    await expect.poll(() => page.url()).not.toBe(before); // every search lands on a new results URL
  };
  for (const typed of [nn, dotted]) {
    await search(typed);
    await expect(page).toHaveURL(/zoek=/);
    await expect(page.getByRole("link", { name: `${lastName}, Bert` })).toBeVisible();
    expect(page.url()).not.toMatch(/\d{11}|\d{2}\.\d{2}\.\d{2}/);
    expect(decodeURIComponent(page.url())).not.toContain(nn.slice(0, 6));
  }
  // a name still goes to the URL
  await search(lastName);
  await expect(page).toHaveURL(new RegExp(`q=${lastName}`));
  await expect(page.getByRole("link", { name: `${lastName}, Bert` })).toBeVisible();
});

test("de bewerkpagina openen schrijft geen newcomer.reveal en toont het nummer niet voluit", async ({ page, db, createAgency, createUser, signIn }) => {
  const agency = await createAgency("Atlas");
  const staff = await createUser("STAFF", agency);
  const newcomer = await insertDossier(db, agency, uniqueName("Bewerk"), "Carla");
  await signIn(page, staff);
  await page.goto(`/dossiers/${newcomer.id}/bewerken`);
  await expect(page.getByLabel("Voornaam")).toHaveValue("Carla");
  expect(await page.content()).not.toContain(newcomer.nationalNumber);
  const reveals = await db.query("SELECT 1 FROM audit_log WHERE action = 'newcomer.reveal' AND newcomer_id = $1", [newcomer.id]);
  expect(reveals.rowCount).toBe(0);
  // saving without typing a number keeps the number
  await page.getByLabel("Voornaam").fill("Carla-Marie");
  await page.getByRole("button", { name: "Wijzigingen opslaan" }).click();
  await expect(page.getByTestId("newcomer-name")).toContainText("Carla-Marie");
  const row = await db.query("SELECT national_number FROM newcomer WHERE id = $1", [newcomer.id]);
  expect(row.rows[0].national_number).toBe(newcomer.nationalNumber);
});
