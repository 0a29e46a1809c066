import { describe, expect, it } from "vitest";
import { accountLockedUntil, ipLockedUntil } from "./throttle";

const now = new Date("2026-01-10T12:00:00Z");
const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
const inMinutes = (date: Date | null) => (date ? (date.getTime() - now.getTime()) / 60_000 : null);

describe("accountLockedUntil", () => {
  it("does not lock on four failures", () => {
    expect(accountLockedUntil([4, 3, 2, 1].map(ago), now)).toBeNull();
  });
  it("locks for one minute after the fifth failure", () => {
    expect(inMinutes(accountLockedUntil([0.5, 0.4, 0.3, 0.2, 0].map(ago), now))).toBe(1);
  });
  it("doubles the lock with every further failure", () => {
    expect(inMinutes(accountLockedUntil([9, 8, 7, 6, 5, 0].map(ago), now))).toBe(2);
    expect(inMinutes(accountLockedUntil([9, 8, 7, 6, 5, 4, 0].map(ago), now))).toBe(4);
    expect(inMinutes(accountLockedUntil([9, 8, 7, 6, 5, 4, 3, 0].map(ago), now))).toBe(8);
  });
  it("never locks longer than 15 minutes", () => {
    expect(
      inMinutes(
        accountLockedUntil(
          Array.from({ length: 40 }, (_, i) => ago(i * 0.1)),
          now,
        ),
      ),
    ).toBe(15);
  });
  it("releases the lock when it has run out, counting from the last failure", () => {
    expect(accountLockedUntil([10, 9, 8, 7, 2].map(ago), now)).toBeNull(); // 1 minute after the fifth, 2 minutes ago
    expect(inMinutes(accountLockedUntil([10, 9, 8, 7, 6, 1].map(ago), now))).toBe(1); // 2 minutes after the sixth
  });
  it("forgets failures older than a day", () => {
    expect(accountLockedUntil([3000, 2000, 1500, 1480, 0].map(ago), now)).toBeNull();
  });
});

describe("ipLockedUntil", () => {
  it("lets 99 failures in 15 minutes pass", () => {
    expect(
      ipLockedUntil(
        Array.from({ length: 99 }, (_, i) => ago(i * 0.1)),
        now,
      ),
    ).toBeNull();
  });
  it("locks on the hundredth, until it leaves the 15-minute window", () => {
    const fails = Array.from({ length: 100 }, (_, i) => ago(i * 0.1)); // oldest 9.9 minutes ago
    expect(inMinutes(ipLockedUntil(fails, now))).toBeCloseTo(5.1);
  });
  it("does not count failures older than 15 minutes", () => {
    expect(
      ipLockedUntil(
        Array.from({ length: 150 }, (_, i) => ago(10 + i * 0.1)),
        now,
      ),
    ).toBeNull();
  });
});
