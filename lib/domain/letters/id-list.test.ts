import { describe, expect, it } from "vitest";
import { MAX_BATCH, parseIdList } from "./id-list";

const a = "6f1c2a4e-0d6b-4c41-9d3e-1a2b3c4d5e6f";
const b = "0b7e9f10-3c2d-4e5f-8a9b-0c1d2e3f4a5b";

describe("the id list of a batch of letters", () => {
  it("takes ids from a comma list or repeated fields, deduplicated", () => {
    expect(parseIdList([`${a},${b}`])).toEqual({ ok: true, ids: [a, b] });
    expect(parseIdList([a, b, a.toUpperCase()])).toEqual({ ok: true, ids: [a, b] });
  });

  it("refuses a national number or anything but a UUID, an empty list and too many", () => {
    expect(parseIdList(["85073003328"])).toEqual({ ok: false, reason: "letters.idsOnly" });
    expect(parseIdList([`${a},x`])).toEqual({ ok: false, reason: "letters.idsOnly" });
    expect(parseIdList(["", " , "])).toEqual({ ok: false, reason: "letters.noneChosen" });
    const many = Array.from({ length: MAX_BATCH + 1 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`);
    expect(parseIdList(many)).toEqual({ ok: false, reason: "letters.tooMany" });
  });
});
