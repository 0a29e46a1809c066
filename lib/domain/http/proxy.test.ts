// proxy.ts (the project root's request guard) on plain Request objects: the 400 for unreadable
// addresses, the security headers, HSTS only for an https public URL, and the former behaviour
// (no session cookie → /login or 401) kept.
import { afterEach, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { resetServerEnvForTests } from "@/lib/server/env";
import { proxy } from "@/proxy";

const saved = { ...process.env };
function env(vars: Record<string, string | undefined>) {
  process.env = { ...saved, DATABASE_URL: "postgres://x/y", NODE_ENV: "production", ...vars } as NodeJS.ProcessEnv;
  resetServerEnvForTests();
}
afterEach(() => {
  process.env = saved;
  resetServerEnvForTests();
});

const signedIn = (url: string) => new NextRequest(url, { headers: { cookie: "next-auth.session-token=abc" } });

describe("proxy", () => {
  it("answers 400 in Dutch to a NUL byte, a control character or broken encoding in the address", async () => {
    env({});
    for (const url of [
      "http://h/dossiers?office=x%00",
      "http://h/boetes?agency=x%00",
      "http://h/beheer/audit?action=x%00",
      "http://h/rapporten/vraag-2?agency=x%00",
      "http://h/dossiers/abc%00",
      "http://h/login?callbackUrl=%C3%28",
      "http://h/api/auth/session?x=%0d",
    ]) {
      const r = proxy(signedIn(url));
      expect(r.status, url).toBe(400);
      expect(await r.text()).toMatch(/^Ongeldige aanvraag/);
    }
  });

  it("sets a nonce CSP on the request (for Next) and the response, and Cache-Control: private, no-store", () => {
    env({ NEXTAUTH_URL: "http://localhost:3000" });
    const r = proxy(signedIn("http://h/dossiers?q=peeters"));
    expect(r.status).toBe(200);
    const csp = r.headers.get("content-security-policy")!;
    for (const part of ["'strict-dynamic'", "object-src 'none'", "base-uri 'self'", "frame-ancestors 'none'", "form-action 'self'"])
      expect(csp).toContain(part);
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).not.toContain("unsafe-eval");
    // NextResponse.next({ request: { headers } }) passes the request headers on as x-middleware-request-*
    expect(r.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
    expect(r.headers.get("cache-control")).toBe("private, no-store");
    expect(r.headers.get("strict-transport-security")).toBeNull();
    const again = proxy(signedIn("http://h/dossiers")).headers.get("content-security-policy")!;
    expect(again).not.toBe(csp);
  });

  it("sends Strict-Transport-Security when the public URL is https", () => {
    env({ NEXTAUTH_URL: "https://inburgering.example" });
    expect(proxy(signedIn("http://h/dossiers")).headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
  });

  it("still sends visitors without a session to /login, and refuses their posts with 401", () => {
    env({});
    const r = proxy(new NextRequest("http://h/dossiers?q=x"));
    expect(r.status).toBe(307);
    expect(r.headers.get("location")).toBe("http://h/login?callbackUrl=%2Fdossiers%3Fq%3Dx");
    expect(proxy(new NextRequest("http://h/boetes/1/besluit", { method: "POST" })).status).toBe(401);
    // the login page and next-auth's own routes need no session
    expect(proxy(new NextRequest("http://h/login")).status).toBe(200);
    expect(proxy(new NextRequest("http://h/api/auth/csrf")).status).toBe(200);
  });
});
