import { describe, expect, it } from "vitest";
import { listHref, nextSort, pageCount, parseListParams } from "./list-params";

const COLS = ["naam", "sinds"] as const;

describe("list params", () => {
  it("reads page and sort, falling back on anything not offered", () => {
    expect(parseListParams({ page: "3", sort: "-naam" }, COLS)).toEqual({ page: 3, sort: "naam", desc: true });
    expect(parseListParams({ page: "0", sort: "wachtwoord" }, COLS, "-sinds")).toEqual({ page: 1, sort: "sinds", desc: true });
    for (const page of ["1e400", "-1", "2.5", "abc", "100001", ["2", "3"]]) expect(parseListParams({ page }, COLS).page).toBe(Array.isArray(page) ? 2 : 1);
  });

  it("reverses the current column and starts another ascending", () => {
    expect(nextSort({ sort: "naam", desc: false }, "naam")).toBe("-naam");
    expect(nextSort({ sort: "naam", desc: true }, "naam")).toBe("naam");
    expect(nextSort({ sort: "naam", desc: false }, "sinds")).toBe("sinds");
  });

  it("counts pages and writes URLs without empty filters", () => {
    expect(pageCount(0, 25)).toBe(1);
    expect(pageCount(51, 25)).toBe(3);
    expect(listHref("/werklijsten/x", { kantoor: "", sort: "naam" }, { page: 2 })).toBe("/werklijsten/x?sort=naam&page=2");
  });
});
