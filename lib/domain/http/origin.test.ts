import { describe, expect, it } from "vitest";
import { checkOrigin, type OriginRequest } from "./origin";

const req = (over: Partial<OriginRequest>): OriginRequest => ({
  origin: null,
  secFetchSite: null,
  host: "app.example:3000",
  forwardedHost: null,
  forwardedProto: null,
  protocol: "http",
  ...over,
});

describe("checkOrigin", () => {
  it("accepts the request's own origin as the server sees it", () => {
    expect(checkOrigin(req({ origin: "http://app.example:3000" }))).toEqual({ ok: true });
    expect(checkOrigin(req({ origin: "HTTP://APP.EXAMPLE:3000" }))).toEqual({ ok: true });
  });
  it("refuses a foreign origin, another port, another scheme and the literal null", () => {
    for (const origin of ["http://evil.example", "http://app.example:3001", "https://app.example:3000", "null", "http://app.example:3000.evil.example"]) {
      expect(checkOrigin(req({ origin })), origin).toEqual({ ok: false, reason: "origin.foreign" });
    }
  });
  it("uses X-Forwarded-Host and X-Forwarded-Proto of the proxy", () => {
    const r = req({ host: "127.0.0.1:3000", forwardedHost: "dossiers.atlas.be", forwardedProto: "https", origin: "https://dossiers.atlas.be" });
    expect(checkOrigin(r)).toEqual({ ok: true });
    expect(checkOrigin({ ...r, origin: "http://dossiers.atlas.be" })).toEqual({ ok: false, reason: "origin.foreign" });
    expect(checkOrigin(req({ forwardedProto: "https, http", origin: "https://app.example:3000" }))).toEqual({ ok: true });
  });
  it("drops default ports", () => {
    expect(checkOrigin(req({ host: "app.example", forwardedProto: "https", origin: "https://app.example:443" }))).toEqual({ ok: true });
  });
  it("accepts NEXTAUTH_URL's origin and ALLOWED_ORIGINS", () => {
    const policy = { publicUrl: "https://inburgering.vlaanderen.be/app", allowedOrigins: ["https://portaal.agii.be"] };
    expect(checkOrigin(req({ host: "10.0.0.5:3000", origin: "https://inburgering.vlaanderen.be" }), policy)).toEqual({ ok: true });
    expect(checkOrigin(req({ host: "10.0.0.5:3000", origin: "https://portaal.agii.be" }), policy)).toEqual({ ok: true });
    expect(checkOrigin(req({ host: "10.0.0.5:3000", origin: "https://evil.agii.be" }), policy).ok).toBe(false);
  });
  it("without Origin: Sec-Fetch-Site same-origin or none is accepted, anything else or nothing refused", () => {
    expect(checkOrigin(req({ secFetchSite: "same-origin" }))).toEqual({ ok: true });
    expect(checkOrigin(req({ secFetchSite: "none" }))).toEqual({ ok: true });
    expect(checkOrigin(req({ secFetchSite: "same-site" }))).toEqual({ ok: false, reason: "origin.cross-site" });
    expect(checkOrigin(req({ secFetchSite: "cross-site" }))).toEqual({ ok: false, reason: "origin.cross-site" });
    expect(checkOrigin(req({}))).toEqual({ ok: false, reason: "origin.missing" });
  });
  it("Origin decides when both are present", () => {
    expect(checkOrigin(req({ origin: "http://evil.example", secFetchSite: "same-origin" })).ok).toBe(false);
  });
});
