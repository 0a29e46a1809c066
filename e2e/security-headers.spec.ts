// The Content-Security-Policy (nonce + 'strict-dynamic', proxy.ts) is one the app passes: the main
// pages load with no CSP violation (listener installed before any script runs, and the console's
// "Refused to …" messages), the forms still work (sign in, a search, a report), every page carries
// the policy and Cache-Control: private, no-store, and the build's static files stay cacheable.
import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { daysAgo, insertEvent, insertNewcomer } from "./support/track";

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

async function watchCsp(page: Page): Promise<string[]> {
  const refused: string[] = [];
  page.on("console", (m) => {
    if (/Refused to|Content Security Policy/i.test(m.text())) refused.push(m.text());
  });
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      window.__cspViolations!.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  return refused;
}

const violations = (page: Page) => page.evaluate(() => window.__cspViolations ?? []);

test("the main pages pass the CSP, carry the security headers, and the forms work", async ({ page, db, createAgency, createUser, signIn }) => {
  test.setTimeout(300_000);
  const refused = await watchCsp(page);
  const agency = await createAgency();
  const newcomer = await insertNewcomer(db, agency, { lastName: "Cspcontrole" });
  const eventId = await insertEvent(db, newcomer.id, "INFRINGEMENT", daysAgo(30));
  const admin = await createUser("ADMIN");

  // the login page itself (before a session) and the sign-in form (client-side script)
  const login = await page.goto("/login");
  expect(login!.headers()["content-security-policy"]).toMatch(/'nonce-[^']+'.*'strict-dynamic'/);
  await signIn(page, admin);
  expect(await violations(page)).toEqual([]);

  const pages = [
    "/dossiers",
    `/dossiers/${newcomer.id}`,
    "/rapporten",
    "/rapporten/vraag-1",
    "/rapporten/antwoord",
    "/boetes",
    `/boetes/${eventId}`,
    "/dvz",
    "/beheer",
    "/beheer/audit",
  ];
  const nonces = new Set<string>();
  for (const url of pages) {
    const response = await page.goto(url);
    expect(response!.status(), url).toBe(200);
    const h = response!.headers();
    const csp = h["content-security-policy"] ?? "";
    for (const part of ["'strict-dynamic'", "object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'", "form-action 'self'"])
      expect(csp, url).toContain(part);
    nonces.add(/'nonce-([^']+)'/.exec(csp)?.[1] ?? "");
    expect(h["cache-control"], url).toContain("no-store");
    expect(h["cache-control"], url).toContain("private");
    expect(h["strict-transport-security"], "http: no HSTS").toBeUndefined();
    await page.waitForLoadState("networkidle");
    expect(await violations(page), url).toEqual([]);
  }
  expect(nonces.size, "a fresh nonce per response").toBe(pages.length);

  // a search (GET form) and a client-side interaction still work under the policy
  await page.goto("/dossiers");
  await page.getByLabel("Zoeken op naam").fill("Cspcontrole");
  await page.getByRole("button", { name: "Zoeken", exact: true }).click();
  await expect(page.getByRole("link", { name: /Cspcontrole/ })).toBeVisible();
  expect(await violations(page)).toEqual([]);
  expect(refused).toEqual([]);

  // static build files stay cacheable
  const script = await page.locator("script[src*='/_next/static/']").first().getAttribute("src");
  const asset = await page.request.get(script!);
  expect(asset.status()).toBe(200);
  expect(asset.headers()["cache-control"]).not.toContain("no-store");
});
