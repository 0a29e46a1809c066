import { describe, expect, it } from "vitest";
import { formatDate, formatEuro, formatNumber, todayIso } from "./format";

describe("nl-BE formatting", () => {
  it("groups thousands with a dot", () => {
    expect(formatNumber(16251)).toBe("16.251");
    expect(formatNumber(1234567)).toBe("1.234.567");
  });
  it("writes dates as DD/MM/YYYY", () => {
    expect(formatDate("2023-01-15")).toBe("15/01/2023");
    expect(formatDate(new Date(Date.UTC(2022, 2, 1)))).toBe("01/03/2022");
  });
  it("writes euro amounts the Belgian way", () => {
    expect(formatEuro(1500).replace(/\s/g, " ")).toBe("€ 1.500");
  });
  it("knows today's date in Brussels", () => {
    expect(todayIso(new Date("2023-01-14T23:30:00Z"))).toBe("2023-01-15");
  });
});
