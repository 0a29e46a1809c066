import { describe, expect, it } from "vitest";
import { CountPool, scaleCounts, sumCounts } from "./pool";
import { createRng } from "./rng";
import { shardFactors } from "./generate";
import { NationalNumberAllocator } from "./events";
import { toDay } from "./dates";
import { validateNationalNumber } from "@/lib/domain/national-number";

describe("CountPool", () => {
  it("hands out exactly its counts, preferring the first tier with stock", () => {
    const pool = new CountPool({ A: 2, B: 3, C: 1 });
    const rng = createRng(1);
    const drawn = [pool.draw(rng, [["C"]]), pool.draw(rng, [["C"], ["A"]]), pool.draw(rng, [["C"], ["A"]])];
    expect(drawn).toEqual(["C", "A", "A"]);
    const rest = [pool.draw(rng, [["A"]]), pool.draw(rng), pool.draw(rng)].sort();
    expect(rest).toEqual(["B", "B", "B"]);
    expect(pool.size).toBe(0);
    expect(() => pool.draw(rng)).toThrow(/empty/);
  });
});

describe("scaleCounts", () => {
  it("keeps the requested total by largest remainder", () => {
    const scaled = scaleCounts({ A: 15, B: 15, C: 70 }, 0.1, 10);
    expect(scaled).toEqual({ A: 2, B: 1, C: 7 });
    expect(sumCounts(scaleCounts({ A: 1, B: 1, C: 1 }, 0.1, 2))).toBe(2);
    expect(sumCounts(scaleCounts({ A: 9, B: 9 }, 0.5, 7))).toBe(7);
    expect(scaleCounts({ A: 3 }, 1, 3)).toEqual({ A: 3 });
  });
});

describe("shardFactors", () => {
  it("splits a scale into whole shards and one partial shard", () => {
    expect(shardFactors(1)).toEqual([1]);
    expect(shardFactors(2.5)).toEqual([1, 1, 0.5]);
    expect(shardFactors(0.1)).toEqual([0.1]);
    expect(() => shardFactors(0)).toThrow(RangeError);
  });
});

describe("NationalNumberAllocator", () => {
  it("never repeats a number and moves to the next day when a day is full", () => {
    const alloc = new NationalNumberAllocator();
    const seen = new Set<string>();
    const day = toDay("1990-05-17");
    for (let i = 0; i < 600; i++) {
      const { nationalNumber, birthDate } = alloc.allocate(day, "V");
      expect(validateNationalNumber(nationalNumber, { birthDate, gender: "V" }).ok).toBe(true);
      seen.add(nationalNumber);
    }
    expect(seen.size).toBe(600);
    expect(alloc.allocate(day, "M").birthDate).toBe("1990-05-17");
  });
});
