import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatEuro, formatNumber, todayIso } from "./format";

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
    expect(formatEuro(1500, { cents: true }).replace(/\s/g, " ")).toBe("€ 1.500,00");
  });
  it("writes moments in Brussels time", () => {
    expect(formatDateTime("2023-01-15T13:05:00Z")).toBe("15/01/2023 14:05");
  });
  it("knows today's date in Brussels", () => {
    expect(todayIso(new Date("2023-01-14T23:30:00Z"))).toBe("2023-01-15");
  });
});

// What Intl (CLDR) gives for en-BE, kept as is: plain numbers grouped with a dot, amounts the
// English way, dates day first, Brussels time.
describe("en-BE formatting", () => {
  it("follows Intl's en-BE", () => {
    expect(formatNumber(16251, "en")).toBe(new Intl.NumberFormat("en-BE", { maximumFractionDigits: 0 }).format(16251));
    expect(formatEuro(1500, { cents: true, locale: "en" })).toBe("€1,500.00");
    expect(formatEuro(1500, { locale: "en" })).toBe("€1,500");
    expect(formatDate("2023-01-15")).toBe("15/01/2023");
    expect(formatDateTime("2023-07-15T13:05:00Z", "en")).toBe("15/07/2023 15:05");
  });
});
