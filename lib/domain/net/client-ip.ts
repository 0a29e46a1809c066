// Which address is the client's. Only the TCP peer is known for sure; an X-Forwarded-For header
// is a claim anyone can send, so it is believed only when the peer is one of our own reverse
// proxies (TRUSTED_PROXIES), and then only up to the first hop that is not one of them: the
// right-most untrusted entry is the address our outermost proxy saw. Pure (node:net's BlockList
// does the CIDR matching for IPv4 and IPv6, IPv4-mapped IPv6 included); used by
// scripts/app-server.ts, which passes the one address on to the app.
import { BlockList, isIP } from "node:net";

export interface TrustedProxies {
  /** true when the address (any notation normalizeAddress accepts) is a trusted proxy */
  has(address: string): boolean;
}

/** The comma-separated list rule of lib/server/env.ts, for scripts that cannot import it. */
export function splitList(raw: string | undefined): string[] {
  return (raw ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * An address as the app stores it, or null when it is not one: IPv4-mapped IPv6 becomes plain
 * IPv4 (a dual-stack socket reports "::ffff:10.0.0.1"), IPv6 is lower-cased, brackets and a port
 * (as some proxies write them: "[2001:db8::1]:443", "10.0.0.1:5123") are dropped.
 */
export function normalizeAddress(raw: string | undefined | null): string | null {
  let a = (raw ?? "").trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracketed) a = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(":"));
  a = a.toLowerCase();
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/.exec(a);
  if (mapped) a = mapped[1]!;
  if (isIP(a) === 0) return null;
  return a;
}

/** Parses TRUSTED_PROXIES entries ("10.0.0.1", "10.0.0.0/8", "::1", "fd00::/8"); throws on a bad one. */
export function parseTrustedProxies(entries: string[]): TrustedProxies {
  const list = new BlockList();
  for (const entry of entries) {
    const [addr, prefix, ...rest] = entry.split("/");
    const address = normalizeAddress(addr);
    const family = address ? (isIP(address) === 4 ? "ipv4" : "ipv6") : null;
    const bits = prefix === undefined ? null : Number(prefix);
    const max = family === "ipv4" ? 32 : 128;
    if (!address || !family || rest.length > 0 || (bits !== null && (!/^\d+$/.test(prefix!) || bits > max))) {
      throw new Error(`TRUSTED_PROXIES: "${entry}" is geen IP-adres of CIDR-bereik.`);
    }
    if (bits === null) list.addAddress(address, family);
    else list.addSubnet(address, bits, family);
  }
  return {
    has(raw) {
      const a = normalizeAddress(raw);
      if (!a) return false;
      return list.check(a, isIP(a) === 4 ? "ipv4" : "ipv6");
    },
  };
}

/**
 * The client's address: the socket peer, unless the peer is a trusted proxy; then the right-most
 * X-Forwarded-For entry that is not a trusted proxy. An unreadable entry stops the walk at the
 * proxy that wrote it (what lies to its left cannot be checked). Null only without a peer.
 */
export function clientAddress(peer: string | undefined, forwardedFor: string | string[] | undefined, trusted: TrustedProxies): string | null {
  let current = normalizeAddress(peer);
  if (!current || !trusted.has(current)) return current;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normalizeAddress(hops[i]);
    if (!hop) return current;
    current = hop;
    if (!trusted.has(hop)) return hop;
  }
  return current;
}
