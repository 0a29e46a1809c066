import { describe, expect, it, vi } from "vitest";
import { logError, redactNationalNumbers } from "./log-error";

describe("logError", () => {
  it("blanks national numbers in every written form", () => {
    for (const nn of ["86062000381", "86.06.20-003.81", "86 06 20 003 81", "86.06.20.003.81"]) {
      expect(redactNationalNumbers(`Unique constraint failed: (national_number)=(${nn})`), nn).not.toMatch(/\d{5}|\d{2}\.\d{2}\.\d{2}/);
    }
  });
  it("prints no national number from a Prisma-like error's meta", () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    const e = Object.assign(new Error("Key (national_number)=(86062000381) already exists."), {
      code: "P2002",
      meta: { target: ["national_number"], value: "86.06.20-003.81" },
    });
    logError("test", e);
    const printed = spy.mock.calls.map((c) => c.join(" ")).join("\n");
    spy.mockRestore();
    expect(printed).toContain("P2002");
    expect(printed).not.toContain("86062000381");
    expect(printed).not.toContain("86.06.20-003.81");
  });
});
