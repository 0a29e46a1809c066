import { describe, expect, it } from "vitest";
import { lockedUntil } from "./throttle";

const at = (minutesAgo: number, now: Date) => new Date(now.getTime() - minutesAgo * 60_000);

describe("lockedUntil", () => {
  const now = new Date("2026-01-10T12:00:00Z");
  it("locks after five failures within 15 minutes, for 15 minutes after the fifth", () => {
    const fails = [14, 10, 6, 3, 1].map((m) => at(m, now));
    expect(lockedUntil(fails, now)?.toISOString()).toBe(new Date(now.getTime() + 14 * 60_000).toISOString());
  });
  it("does not lock on four failures", () => {
    expect(lockedUntil([4, 3, 2, 1].map((m) => at(m, now)), now)).toBeNull();
  });
  it("does not lock when the five failures span more than 15 minutes", () => {
    expect(lockedUntil([20, 10, 3, 2, 1].map((m) => at(m, now)), now)).toBeNull();
  });
  it("releases the lock 15 minutes after the fifth failure", () => {
    expect(lockedUntil([29, 28, 27, 26, 16].map((m) => at(m, now)), now)).toBeNull();
  });
});
