import { describe, expect, it } from "vitest";
import { isJsonContentType, mediaTypeOf } from "./media-type";

describe("media type", () => {
  it("takes the essence before the parameters, case-insensitive", () => {
    expect(mediaTypeOf("Application/JSON; charset=UTF-8")).toBe("application/json");
    expect(mediaTypeOf("  text/csv ")).toBe("text/csv");
  });
  it("returns null for absent or malformed values", () => {
    for (const v of [null, undefined, "", "json", "application/json/x", "; application/json"]) expect(mediaTypeOf(v), String(v)).toBeNull();
  });
  it("accepts only application/json itself", () => {
    expect(isJsonContentType("application/json")).toBe(true);
    expect(isJsonContentType("application/json; charset=utf-8")).toBe(true);
    for (const v of [
      "text/plain; x=application/json",
      "text/plain;application/json",
      "application/json-seq",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=application/json",
      null,
    ]) {
      expect(isJsonContentType(v), String(v)).toBe(false);
    }
  });
});
