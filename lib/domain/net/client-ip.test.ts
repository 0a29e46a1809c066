import { describe, expect, it } from "vitest";
import { clientAddress, normalizeAddress, parseTrustedProxies, splitList } from "./client-ip";

describe("normalizeAddress", () => {
  it("keeps IPv4 and IPv6, maps ::ffff: to IPv4, drops brackets and ports", () => {
    expect(normalizeAddress("10.1.2.3")).toBe("10.1.2.3");
    expect(normalizeAddress("::ffff:10.1.2.3")).toBe("10.1.2.3");
    expect(normalizeAddress("::FFFF:10.1.2.3")).toBe("10.1.2.3");
    expect(normalizeAddress("2001:DB8::1")).toBe("2001:db8::1");
    expect(normalizeAddress("[2001:db8::1]:443")).toBe("2001:db8::1");
    expect(normalizeAddress("10.1.2.3:5123")).toBe("10.1.2.3");
  });
  it("refuses what is not an address", () => {
    for (const bad of ["", "onbekend", "10.1.2", "10.1.2.300", "evil.example", "1.2.3.4, 5.6.7.8", undefined, null]) expect(normalizeAddress(bad)).toBeNull();
  });
});

describe("parseTrustedProxies", () => {
  it("matches addresses and CIDR ranges of both families, IPv4-mapped included", () => {
    const t = parseTrustedProxies(splitList(" 127.0.0.1, 10.0.0.0/8 ,::1, fd00::/8"));
    expect(t.has("127.0.0.1")).toBe(true);
    expect(t.has("::ffff:127.0.0.1")).toBe(true);
    expect(t.has("10.200.3.4")).toBe(true);
    expect(t.has("::ffff:10.200.3.4")).toBe(true);
    expect(t.has("11.0.0.1")).toBe(false);
    expect(t.has("::1")).toBe(true);
    expect(t.has("fd12:3456::1")).toBe(true);
    expect(t.has("fe80::1")).toBe(false);
    expect(t.has("127.0.0.2")).toBe(false);
    expect(t.has("nonsense")).toBe(false);
  });
  it("refuses a bad entry with a clear message", () => {
    for (const bad of ["10.0.0.0/33", "fd00::/129", "proxy.local", "10.0.0.0/8/1", "10.0.0.0/x"])
      expect(() => parseTrustedProxies([bad])).toThrow(/TRUSTED_PROXIES/);
  });
  it("is empty by default", () => {
    expect(parseTrustedProxies(splitList(undefined)).has("127.0.0.1")).toBe(false);
  });
});

describe("clientAddress", () => {
  const none = parseTrustedProxies([]);
  const local = parseTrustedProxies(["127.0.0.1", "10.0.0.0/8"]);
  it("uses the socket peer and ignores X-Forwarded-For when no proxy is trusted", () => {
    expect(clientAddress("127.0.0.1", "203.0.113.7", none)).toBe("127.0.0.1");
    expect(clientAddress("::ffff:198.51.100.2", "203.0.113.7", none)).toBe("198.51.100.2");
  });
  it("uses the socket peer when the peer is not a trusted proxy", () => {
    expect(clientAddress("198.51.100.2", "203.0.113.7", local)).toBe("198.51.100.2");
  });
  it("takes the right-most untrusted entry behind trusted proxies", () => {
    expect(clientAddress("127.0.0.1", "203.0.113.7", local)).toBe("203.0.113.7");
    // the client put a fake entry in front: only what our proxies appended counts
    expect(clientAddress("127.0.0.1", "1.1.1.1, 203.0.113.7, 10.0.0.5", local)).toBe("203.0.113.7");
    expect(clientAddress("127.0.0.1", ["1.1.1.1", "203.0.113.7"], local)).toBe("203.0.113.7");
  });
  it("falls back to the last trusted hop when the chain is all proxies or unreadable", () => {
    expect(clientAddress("127.0.0.1", "10.0.0.9, 10.0.0.5", local)).toBe("10.0.0.9");
    expect(clientAddress("127.0.0.1", undefined, local)).toBe("127.0.0.1");
    expect(clientAddress("127.0.0.1", "1.1.1.1, garbage, 10.0.0.5", local)).toBe("10.0.0.5");
  });
  it("is null without a peer", () => {
    expect(clientAddress(undefined, "203.0.113.7", local)).toBeNull();
  });
});
