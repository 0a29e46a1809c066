// Which state-changing requests may come in: the CSRF rule of the one guarded entry
// (lib/server/entry). Pure, so the policy is tested without a server.
//
// A browser sends `Origin` on every POST (form, fetch, server action); a cross-site page cannot
// forge it. When it is absent, `Sec-Fetch-Site` (also set by the browser, not by page scripts)
// tells whether the request came from the app itself (`same-origin`) or from the user typing /
// bookmarking (`none`). A request with neither is refused: no browser of ours sends that, so it
// is a tool or an old browser we cannot tell apart from a forged request.

export interface OriginRequest {
  /** the `Origin` header, or null */
  origin: string | null;
  /** the `Sec-Fetch-Site` header, or null */
  secFetchSite: string | null;
  /** `Host` as the server received it */
  host: string | null;
  /** `X-Forwarded-Host` / `X-Forwarded-Proto` from the reverse proxy (first value counts) */
  forwardedHost: string | null;
  forwardedProto: string | null;
  /** the scheme the server itself saw ("http" / "https"), used when no proxy says otherwise */
  protocol?: string | null;
}

export interface OriginPolicy {
  /** the app's public URL (NEXTAUTH_URL), when configured */
  publicUrl?: string | null;
  /** extra allowed origins (ALLOWED_ORIGINS) */
  allowedOrigins?: readonly string[];
}

export type OriginVerdict = { ok: true } | { ok: false; reason: "origin.foreign" | "origin.missing" | "origin.cross-site" };

const first = (v: string | null | undefined) => v?.split(",")[0]?.trim().toLowerCase() || null;

/** `scheme://host[:port]` in canonical form (default ports dropped), or null when not a URL. */
export function canonicalOrigin(value: string): string | null {
  try {
    const u = new URL(value);
    if (u.protocol !== "http:" && u.protocol !== "https:") return null;
    return u.origin.toLowerCase();
  } catch {
    return null;
  }
}

/** The origins the app itself answers on: the request's host as the server sees it, and the public URL. */
export function ownOrigins(req: OriginRequest, policy: OriginPolicy): Set<string> {
  const own = new Set<string>();
  const proto = first(req.forwardedProto) ?? (req.protocol ? req.protocol.replace(/:$/, "").toLowerCase() : null) ?? "http";
  for (const host of [first(req.forwardedHost), first(req.host)]) {
    if (!host) continue;
    const o = canonicalOrigin(`${proto}://${host}`);
    if (o) own.add(o);
  }
  if (policy.publicUrl) {
    const o = canonicalOrigin(policy.publicUrl);
    if (o) own.add(o);
  }
  for (const a of policy.allowedOrigins ?? []) {
    const o = canonicalOrigin(a);
    if (o) own.add(o);
  }
  return own;
}

export function checkOrigin(req: OriginRequest, policy: OriginPolicy = {}): OriginVerdict {
  const origin = req.origin?.trim();
  if (origin) {
    // "null" (sandboxed frame, file:, some redirects) is not an origin we can trust
    const o = canonicalOrigin(origin);
    return o && ownOrigins(req, policy).has(o) ? { ok: true } : { ok: false, reason: "origin.foreign" };
  }
  const site = req.secFetchSite?.trim().toLowerCase();
  if (site === "same-origin" || site === "none") return { ok: true };
  if (site) return { ok: false, reason: "origin.cross-site" };
  return { ok: false, reason: "origin.missing" };
}

/** Methods that never change anything (RFC 9110 safe methods we serve). */
export const isSafeMethod = (method: string) => method === "GET" || method === "HEAD";
