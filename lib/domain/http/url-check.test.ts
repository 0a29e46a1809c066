import { describe, expect, it } from "vitest";
import { isReadableUrl } from "./url-check";

describe("isReadableUrl", () => {
  it("accepts ordinary addresses, encoded spaces and accents", () => {
    expect(isReadableUrl("/dossiers", "")).toBe(true);
    expect(isReadableUrl("/dossiers", "q=%C3%96zt%C3%BCrk+Ay%C5%9Fe&page=2")).toBe(true);
    expect(isReadableUrl("/dossiers/5f0c1a52-1d7e-4a7a-9d55-0f6f5d7c2a11", "")).toBe(true);
    expect(isReadableUrl("/dossiers", "q=100%25")).toBe(true);
  });
  it("refuses NUL and control characters in the query or the path", () => {
    expect(isReadableUrl("/dossiers", "office=x%00")).toBe(false);
    expect(isReadableUrl("/boetes", "agency=x%0A")).toBe(false);
    expect(isReadableUrl("/dossiers/x%00", "")).toBe(false);
    expect(isReadableUrl("/dossiers", "x%00=1")).toBe(false);
  });
  it("refuses broken percent-encoding and bytes that are not UTF-8", () => {
    expect(isReadableUrl("/dossiers", "q=%zz")).toBe(false);
    expect(isReadableUrl("/dossiers", "q=%C3%28")).toBe(false);
    expect(isReadableUrl("/dossiers/%FF", "")).toBe(false);
  });
});
