// Sessions that end and the client address the app believes, over real HTTP against the
// production server (scripts/app-server.ts): a session cookie copied before sign-out is worth
// nothing afterwards, and a client-sent X-Forwarded-For is not taken as the client's address.
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import fs from "node:fs";
import path from "node:path";
import { freePort } from "../lib/db/embedded-postgres";
import { authSecret, startNext, waitForHttp } from "../scripts/lib/next-server";
import { expect, test, type E2eUser } from "./support/fixtures";

const SESSION_COOKIE = /^(__Secure-)?next-auth\.session-token$/;

/** Signs in through next-auth's own credentials flow (csrf token first), as the login form does. */
async function signInOverApi(api: APIRequestContext, user: E2eUser) {
  const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
  return api.post("/api/auth/callback/credentials", {
    form: { email: user.email, password: user.password, csrfToken, json: "true", callbackUrl: "/" },
    maxRedirects: 0,
  });
}

test.describe("sessies", () => {
  test("een gekopieerde sessiecookie werkt niet meer na afmelden", async ({ baseURL, createAgency, createUser }) => {
    const agency = await createAgency();
    const user = await createUser("MANAGER", agency);
    const api = await playwrightRequest.newContext({ baseURL });
    await signInOverApi(api, user);
    const cookie = (await api.storageState()).cookies.find((c) => SESSION_COOKIE.test(c.name));
    expect(cookie, "next-auth zet een sessiecookie").toBeTruthy();
    const copied = `${cookie!.name}=${cookie!.value}`;

    // the copied cookie works while the session lives
    const replay = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { cookie: copied } });
    expect(((await (await replay.get("/api/auth/session")).json()) as { user?: { email?: string } }).user?.email).toBe(user.email);
    expect((await replay.get("/rapporten/download?format=csv&measure=onbekend", { maxRedirects: 0 })).status()).not.toBe(401);

    // sign out through next-auth's flow
    const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
    await api.post("/api/auth/signout", { form: { csrfToken, callbackUrl: "/login?signedOut=1", json: "true" }, maxRedirects: 0 });

    // the same cookie replayed: no user, a route handler answers 401, a page goes to /login
    const session = (await (await replay.get("/api/auth/session")).json()) as { user?: unknown };
    expect(session.user).toBeUndefined();
    expect((await replay.get("/rapporten/download?format=csv&measure=onbekend", { maxRedirects: 0 })).status()).toBe(401);
    const page = await replay.get("/rapporten", { maxRedirects: 0 });
    expect(page.status()).toBe(307);
    expect(page.headers().location).toMatch(/\/login/);
    await api.dispose();
    await replay.dispose();
  });

  test("een vergrendeld account krijgt dat te horen in het aanmeldformulier", async ({ page, createUser }) => {
    const user = await createUser("ADMIN");
    await page.goto("/login");
    for (let i = 0; i < 6; i++) {
      await page.getByLabel("E-mailadres").fill(user.email);
      await page.getByLabel("Wachtwoord").fill(`fout-${i}`);
      await page.getByRole("button", { name: "Aanmelden" }).click();
      await expect(page.getByTestId("login-error")).toBeVisible();
    }
    await expect(page.getByTestId("login-error")).toContainText("Te veel mislukte pogingen. Probeer het opnieuw over");
  });
});

test.describe("het adres van de cliënt", () => {
  test("een meegestuurde X-Forwarded-For wordt genegeerd zonder TRUSTED_PROXIES", async ({ baseURL, db, createUser }) => {
    const user = await createUser("ADMIN");
    const api = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": "203.0.113.7", "x-real-ip": "203.0.113.8" } });
    await signInOverApi(api, { ...user, password: "fout-wachtwoord" });
    await signInOverApi(api, user);
    const attempts = await db.query<{ ip: string; success: boolean }>(`SELECT ip, success FROM login_attempt WHERE email = $1 ORDER BY at`, [user.email]);
    expect(attempts.rows).toEqual([
      { ip: "127.0.0.1", success: false },
      { ip: "127.0.0.1", success: true },
    ]);
    const audit = await db.query<{ action: string; ip: string }>(
      `SELECT action, ip FROM audit_log WHERE user_email = $1 AND action LIKE 'auth.%' ORDER BY id`,
      [user.email],
    );
    expect(audit.rows).toEqual([
      { action: "auth.signin.failed", ip: "127.0.0.1" },
      { action: "auth.signin", ip: "127.0.0.1" },
    ]);
    await api.dispose();
  });
});

// A second production server on the same build and database, as deployed behind a TLS proxy on
// 127.0.0.1: TRUSTED_PROXIES lists it, and NEXTAUTH_URL is https (served here over plain http).
test.describe("achter een vertrouwde proxy met een https-adres", () => {
  let app: ReturnType<typeof startNext> | null = null;
  let base = "";
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    const { databaseUrl } = JSON.parse(fs.readFileSync(path.join(process.cwd(), ".data", "e2e-state.json"), "utf8")) as { databaseUrl: string };
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    app = startNext(port, {
      DATABASE_URL: databaseUrl,
      NEXTAUTH_URL: `https://127.0.0.1:${port}`,
      NEXTAUTH_SECRET: authSecret(),
      TRUSTED_PROXIES: "127.0.0.1",
    });
    await waitForHttp(`${base}/login`);
  });
  test.afterAll(() => {
    app?.kill("SIGTERM");
  });

  test("TRUSTED_PROXIES=127.0.0.1: het adres dat de proxy doorgeeft geldt", async ({ db, createUser }) => {
    const user = await createUser("ADMIN");
    // the client's own (made-up) entry comes first; our proxy appended what it saw
    const api = await playwrightRequest.newContext({ baseURL: base, extraHTTPHeaders: { "x-forwarded-for": "198.51.100.1, 203.0.113.9" } });
    const csrf = await api.get("/api/auth/csrf");
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const csrfCookie = /(__Host-next-auth\.csrf-token=[^;]+)/.exec(csrf.headers()["set-cookie"] ?? "")?.[1] ?? "";
    await api.post("/api/auth/callback/credentials", {
      form: { email: user.email, password: "fout", csrfToken, json: "true" },
      headers: { cookie: csrfCookie },
      maxRedirects: 0,
    });
    await api.dispose();
    const attempts = await db.query<{ ip: string }>(`SELECT ip FROM login_attempt WHERE email = $1`, [user.email]);
    expect(attempts.rows).toEqual([{ ip: "203.0.113.9" }]);
    const audit = await db.query<{ ip: string }>(`SELECT ip FROM audit_log WHERE user_email = $1 AND action = 'auth.signin.failed'`, [user.email]);
    expect(audit.rows).toEqual([{ ip: "203.0.113.9" }]);
  });

  test("https-adres: de sessiecookie heet __Secure- en is Secure, en werkt", async ({ createAgency, createUser }) => {
    const user = await createUser("STAFF", await createAgency());
    const csrf = await fetch(`${base}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const csrfCookie = csrf.headers.getSetCookie().find((c) => c.startsWith("__Host-next-auth.csrf-token="));
    expect(csrfCookie).toMatch(/; Secure/i);
    const signIn = await fetch(`${base}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie!.split(";")[0]! },
      body: new URLSearchParams({ email: user.email, password: user.password, csrfToken, json: "true" }),
    });
    const session = signIn.headers.getSetCookie().find((c) => c.startsWith("__Secure-next-auth.session-token="));
    expect(session).toMatch(/; Secure/i);
    expect(session).toMatch(/; HttpOnly/i);
    // proxy.ts and requireActor read the __Secure- name
    const page = await fetch(`${base}/dossiers`, { redirect: "manual", headers: { cookie: session!.split(";")[0]! } });
    expect(page.status).toBe(200);
  });
});
