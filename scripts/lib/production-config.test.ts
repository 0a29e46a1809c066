import { describe, expect, it } from "vitest";
import { productionConfigErrors } from "./production-config";

const env = (e: Record<string, string>) => e as NodeJS.ProcessEnv;
const good = {
  DATABASE_URL: "postgresql://inburgering_app:x@db/inburgering",
  NEXTAUTH_SECRET: "s".repeat(48),
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
  FINE_PAYMENT_IBAN: "BE71 0961 2345 6769",
};

describe("productionConfigErrors", () => {
  it("accepts a complete configuration", () => {
    expect(productionConfigErrors(env(good))).toEqual([]);
  });

  it("requires a valid FINE_PAYMENT_IBAN (the fine letter says where to pay)", () => {
    const { FINE_PAYMENT_IBAN: _i, ...rest } = good;
    expect(productionConfigErrors(env(rest))).toEqual([expect.stringMatching(/^FINE_PAYMENT_IBAN ontbreekt/)]);
    expect(productionConfigErrors(env({ ...good, FINE_PAYMENT_IBAN: "BE72096123456769" }))).toEqual([
      expect.stringMatching(/^FINE_PAYMENT_IBAN is geen geldig/),
    ]);
  });

  it("requires NEXT_SERVER_ACTIONS_ENCRYPTION_KEY (every instance must share one)", () => {
    const { NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: _k, ...rest } = good;
    expect(productionConfigErrors(env(rest))).toEqual([expect.stringMatching(/^NEXT_SERVER_ACTIONS_ENCRYPTION_KEY ontbreekt/)]);
  });

  it.each([
    ["16 bytes", Buffer.alloc(16, 1).toString("base64")],
    ["not base64", "dit-is-geen-base64-sleutel-van-32-bytes!!!!="],
    ["hex instead of base64", "ab".repeat(32)],
  ])("refuses a key that is not 32 bytes of base64 (%s)", (_what, key) => {
    expect(productionConfigErrors(env({ ...good, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: key }))).toEqual([
      expect.stringMatching(/is geen sleutel van 32 bytes in base64/),
    ]);
  });

  it("lists every problem at once", () => {
    expect(productionConfigErrors(env({}))).toHaveLength(4);
  });
});
