// Runs before every request except the static build assets (see `matcher`):
// 1. refuses an address with a NUL/control character or broken encoding (400, plain Dutch text)
//    — the pages validate their parameters too; this is the cheap guard in front of all of them;
// 2. sets the security headers: a Content-Security-Policy with a fresh nonce per request (Next
//    reads it from the request's CSP header and puts it on its own inline scripts),
//    Strict-Transport-Security when the public URL is https, and Cache-Control: private,
//    no-store (every page and download holds personal data or figures);
// 3. sends visitors without a session cookie to the login page. Convenience only: this is NOT a
//    security boundary — every page, action and route checks the session, role and agency again
//    in the data layer (lib/server/auth/session.ts, lib/server/access/scope.ts).
import { NextResponse, type NextRequest } from "next/server";
import { isReadableUrl, UNREADABLE_URL_MESSAGE } from "@/lib/domain/http/url-check";
import { serverEnv } from "@/lib/server/env";

const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];
/** The paths that need a session (the former matcher of this file). */
const SIGNED_IN_PREFIXES = ["/dossiers", "/rapporten", "/boetes", "/dvz", "/beheer"];

const needsSession = (pathname: string) => pathname === "/" || SIGNED_IN_PREFIXES.some((p) => pathname === p || pathname.startsWith(`${p}/`));

function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic': scripts loaded by a nonced script are trusted; 'self' is ignored by
    // browsers that know strict-dynamic. React's dev tooling needs eval (development only).
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // <style> elements need the nonce; style="" attributes stay allowed (the report chart's legend
    // and the upload progress bar set colours/widths inline). Style attributes cannot run script.
    `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join("; ");
}

function withSecurityHeaders(response: NextResponse, csp: string): NextResponse {
  response.headers.set("Content-Security-Policy", csp);
  response.headers.set("Cache-Control", "private, no-store");
  if (serverEnv().NEXTAUTH_URL?.startsWith("https:")) {
    response.headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  }
  return response;
}

export function proxy(request: NextRequest) {
  const raw = new URL(request.url);
  if (!isReadableUrl(raw.pathname, raw.search.replace(/^\?/, ""))) {
    return new NextResponse(UNREADABLE_URL_MESSAGE, {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, serverEnv().NODE_ENV === "development");

  const { pathname } = request.nextUrl;
  if (needsSession(pathname) && !SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    // A request that changes something (form post, route handler, server action) gets a plain 401:
    // redirecting it to a page would hide the refusal from the caller.
    if (request.method !== "GET" && request.method !== "HEAD") {
      return withSecurityHeaders(NextResponse.json({ error: "Niet aangemeld." }, { status: 401 }), csp);
    }
    const url = request.nextUrl.clone();
    url.pathname = "/login";
    url.search = "";
    if (pathname !== "/") url.searchParams.set("callbackUrl", pathname + request.nextUrl.search);
    return withSecurityHeaders(NextResponse.redirect(url), csp);
  }

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", csp);
  requestHeaders.set("x-nonce", nonce);
  return withSecurityHeaders(NextResponse.next({ request: { headers: requestHeaders } }), csp);
}

export const config = {
  // everything but the build's static assets (content-hashed, cacheable for ever) and the icon
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
