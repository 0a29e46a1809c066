// Sends visitors without a session cookie to the login page. Convenience only: this is NOT a
// security boundary — every page, action and route checks the session, role and agency again
// in the data layer (lib/server/auth/session.ts, lib/server/access/scope.ts).
import { NextResponse, type NextRequest } from "next/server";

const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

export function proxy(request: NextRequest) {
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (hasSession) return NextResponse.next();
  // A request that changes something (form post, route handler, server action) gets a plain 401:
  // redirecting it to a page would hide the refusal from the caller.
  if (request.method !== "GET" && request.method !== "HEAD") {
    return NextResponse.json({ error: "Niet aangemeld." }, { status: 401 });
  }
  const url = request.nextUrl.clone();
  url.pathname = "/login";
  url.search = "";
  if (request.nextUrl.pathname !== "/") url.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(url);
}

export const config = {
  matcher: ["/", "/dossiers/:path*", "/rapporten/:path*", "/boetes/:path*", "/dvz/:path*", "/beheer/:path*"],
};
