import { describe, expect, it } from "vitest";
import { firstOf } from "./first-of";

describe("firstOf", () => {
  it("says there were more when the query returned the extra row", () => {
    expect(firstOf([1, 2, 3], 2)).toEqual({ items: [1, 2], more: true });
    expect(firstOf([1, 2], 2)).toEqual({ items: [1, 2], more: false });
    expect(firstOf([], 2)).toEqual({ items: [], more: false });
  });
});
