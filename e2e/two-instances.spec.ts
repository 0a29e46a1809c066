// Two production instances of the same build behind a balancer (issue 17): nothing that matters
// may live in one process's memory. Instances A and B run the e2e server's build (.next) against
// its database, with the same NEXTAUTH_SECRET and NEXT_SERVER_ACTIONS_ENCRYPTION_KEY, behind the
// round-robin balancer of e2e/support/balancer.ts; a test pins a request to A or B with a header
// and reads from the balancer's log which instance answered, so every "rendered by A, handled by
// B" below is checked, not assumed.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "@playwright/test";
import { syntheticNewcomer } from "../bench/support/synthetic-newcomers";
import { expect, test, type E2eUser } from "./support/fixtures";
import { PIN_HEADER, startBalancer, type Balancer } from "./support/balancer";
import { startInstances, stopInstances, type Instance } from "./support/instances";
import { uniqueName } from "./support/dossiers";
import { e2eNationalNumber } from "./support/national-numbers";

test.describe.configure({ mode: "serial" });

let balancer: Balancer;
let instances: Instance[] = [];
const backends = new Map<string, number>();
const at = (p: string) => `${balancer.url}${p}`;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  balancer = await startBalancer(backends);
  instances = await startInstances(["A", "B"], balancer.url);
  for (const i of instances) backends.set(i.name, i.port);
});

test.afterAll(async () => {
  await stopInstances(instances);
  await balancer?.close();
});

/** From now on every request of this page goes to that instance. */
const pin = (page: Page, name: "A" | "B") => page.setExtraHTTPHeaders({ [PIN_HEADER]: name });

async function gotoOn(page: Page, name: "A" | "B", p: string) {
  await pin(page, name);
  const res = await page.goto(at(p));
  expect(res?.headers()[PIN_HEADER], `${p} answered by ${name}`).toBe(name);
}

async function signInThrough(page: Page, name: "A" | "B", user: E2eUser) {
  await gotoOn(page, name, "/login");
  await page.getByLabel("E-mailadres").fill(user.email);
  await page.getByLabel("Wachtwoord").fill(user.password);
  await page.getByRole("button", { name: "Aanmelden" }).click();
  await expect(page.getByTestId("signed-in-user")).toContainText(user.name);
}

const served = (name: string, method: string, url: RegExp, since = 0) =>
  balancer.log.slice(since).filter((f) => f.backend === name && f.method === method && url.test(f.url));

test("een sessie gemaakt via A werkt op B, en afmelden via B beëindigt ze ook op A", async ({ page, createAgency, createUser }) => {
  const agency = await createAgency();
  const staff = await createUser("STAFF", agency);
  const mark = balancer.log.length;
  await signInThrough(page, "A", staff);
  expect(served("A", "POST", /^\/api\/auth\/callback\/credentials/, mark)).toHaveLength(1);
  const cookies = await page.context().cookies();

  await gotoOn(page, "B", "/dossiers");
  await expect(page.getByTestId("signed-in-user")).toContainText(staff.name);

  const beforeSignOut = balancer.log.length;
  await page.getByRole("button", { name: "Afmelden" }).click();
  await expect(page).toHaveURL(/\/login/);
  expect(served("B", "POST", /^\/api\/auth\/signout/, beforeSignOut)).toHaveLength(1);

  // the old cookie, replayed on A: the session record ended by B refuses it there too
  await page.context().addCookies(cookies);
  await pin(page, "A");
  const res = await page.goto(at("/dossiers"));
  expect(res?.headers()[PIN_HEADER]).toBe("A");
  await expect(page).toHaveURL(/\/login/);
});

test("een formulier van A, verstuurd naar B (en omgekeerd), werkt: dezelfde build, dezelfde sleutel", async ({ page, db, createAgency, createUser }) => {
  const agency = await createAgency();
  const staff = await createUser("STAFF", agency);
  await signInThrough(page, "A", staff);

  await gotoOn(page, "A", "/dossiers/nieuw");
  await pin(page, "B");
  const lastName = uniqueName("Tweeling");
  const mark = balancer.log.length;
  await page.getByLabel("Rijksregisternummer of BIS-nummer").fill(e2eNationalNumber("1988-03-14", "V"));
  await page.getByLabel("Familienaam").fill(lastName);
  await page.getByLabel("Voornaam").fill("Noor");
  await page.getByLabel("Geboortedatum").fill("1988-03-14");
  await page.getByLabel("Geslacht").selectOption("V");
  await page.getByLabel("Nationaliteit", { exact: true }).fill("Marokko (MAR)");
  await page.getByLabel("Verblijfsstatus").selectOption("GEZINSHERENIGING_BELG");
  await page.getByLabel("Doelgroep").selectOption("PLICHT");
  await page.getByRole("button", { name: "Inburgeraar aanmaken" }).click();
  await expect(page.getByTestId("newcomer-name")).toHaveText(`${lastName}, Noor`);
  expect(
    balancer.log
      .slice(mark)
      .filter((f) => f.serverAction)
      .map((f) => `${f.backend} ${f.status}`),
  ).toEqual(["B 200"]);
  expect((await db.query("SELECT 1 FROM newcomer WHERE last_name = $1", [lastName])).rowCount).toBe(1);

  // the dossier page of B carries actions bound to this dossier (.bind(null, id)); A handles one
  const id = new URL(page.url()).pathname.split("/").at(-1)!;
  await gotoOn(page, "B", `/dossiers/${id}`);
  await pin(page, "A");
  // an extraction: a step that needs no confirmation (an invitation without one warns, issue 14)
  const step = page.getByTestId("step-EXTRACTION");
  await step.locator("summary").click();
  await step.locator('input[type="date"]').fill("2021-01-05");
  const beforeStep = balancer.log.length;
  await step.getByRole("button", { name: "Registreren" }).click();
  await expect(step.getByTestId("form-message")).toHaveText("Geregistreerd.");
  expect(
    balancer.log
      .slice(beforeStep)
      .filter((f) => f.serverAction)
      .map((f) => f.backend),
  ).toEqual(["A"]);
  expect((await db.query("SELECT 1 FROM track_event WHERE newcomer_id = $1 AND type = 'EXTRACTION'", [id])).rowCount).toBe(1);
});

test("de aanmeldbeperking telt over beide instanties: 5 foute wachtwoorden verdeeld over A en B blokkeren de account", async ({ page, createUser }) => {
  const admin = await createUser("ADMIN");
  for (const [n, name] of (["A", "B", "A", "B", "A"] as const).entries()) {
    await gotoOn(page, name, "/login");
    await page.getByLabel("E-mailadres").fill(admin.email);
    await page.getByLabel("Wachtwoord").fill(`fout-${n}`);
    await page.getByRole("button", { name: "Aanmelden" }).click();
    await expect(page.getByTestId("login-error")).toContainText("Aanmelden mislukt");
  }
  // the right password, through B (which saw only two of the five failures): refused
  await gotoOn(page, "B", "/login");
  await page.getByLabel("E-mailadres").fill(admin.email);
  await page.getByLabel("Wachtwoord").fill(admin.password);
  await page.getByRole("button", { name: "Aanmelden" }).click();
  await expect(page.getByTestId("login-error")).toContainText("Te veel mislukte pogingen");
  await expect(page).toHaveURL(/\/login/);
});

test("een import gestart op A toont zijn voortgang op B", async ({ page, db, createAgency, createUser }) => {
  const agency = await createAgency();
  const admin = await createUser("ADMIN");
  await signInThrough(page, "B", admin);
  await gotoOn(page, "B", "/beheer/import");
  // the upload goes to A; everything else of the page, its polling of the run included, to B
  await page.route("**/beheer/import/upload", (route) => route.continue({ headers: { ...route.request().headers(), [PIN_HEADER]: "A" } }));
  // sequences 1 + 2 × ⌊i / 18,000⌋ = 223…777: clear of the demo data (≤ 40), of e2eNationalNumber and of exchange.spec.ts (≥ 801)
  const offset = 2_000_000 + Math.floor(Math.random() * 5_000_000);
  const people = Array.from({ length: 200 }, (_, i) => syntheticNewcomer(offset + i, { offices: [agency.officeCode, agency.secondOfficeCode] }));
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "e2e-two-")), "twee.jsonl");
  fs.writeFileSync(file, `${people.map((p) => JSON.stringify(p)).join("\n")}\n`);
  const mark = balancer.log.length;
  await page.getByLabel("Bestand (.jsonl)").setInputFiles(file);
  await page.getByRole("button", { name: "Importeren" }).click();
  await expect(page.getByText("Import geslaagd")).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText("200 nieuwe inburgeraars")).toBeVisible();

  const uploads = balancer.log.slice(mark).filter((f) => f.url.startsWith("/beheer/import/upload"));
  expect(uploads.map((f) => `${f.backend} ${f.method} ${f.status}`)).toEqual(["A POST 200"]);
  const polls = balancer.log.slice(mark).filter((f) => f.url.startsWith("/beheer/import/runs/"));
  expect(polls.length).toBeGreaterThan(0);
  expect(new Set(polls.map((f) => `${f.backend} ${f.status}`))).toEqual(new Set(["B 200"]));
  expect((await db.query("SELECT count(*)::int AS n FROM newcomer WHERE agency_code = $1", [agency.agencyCode])).rows[0].n).toBe(200);
});
