// The demo-data generator: a data set whose reports equal the tables of the answer to written
// question nr. 113 (scale 1), or a multiple of it for benchmarks (--scale N). Scale N is made of
// independent shards (⌊N⌋ full ones and one partial), so memory stays bounded by one shard.
import type { ExchangeNewcomer } from "@/lib/domain/exchange/record";
import { demoContact } from "./addresses";
import { buildNewcomer, NationalNumberAllocator } from "./events";
import { planShard } from "./plan";
import { createRng } from "./rng";

export interface DemoOptions {
  /** 1 = the Flemish volume of the published answer (about 201,000 newcomers). */
  scale?: number;
  seed?: number;
}

export function shardFactors(scale: number): number[] {
  if (!(scale > 0) || !Number.isFinite(scale)) throw new RangeError(`scale must be a positive number: ${scale}`);
  const factors: number[] = new Array(Math.floor(scale)).fill(1);
  const rest = Math.round((scale - Math.floor(scale)) * 1e6) / 1e6;
  if (rest > 0) factors.push(rest);
  return factors;
}

export function* generateDemoNewcomers(opts: DemoOptions = {}): Generator<ExchangeNewcomer> {
  const seed = opts.seed ?? 113;
  const numbers = new NationalNumberAllocator();
  const factors = shardFactors(opts.scale ?? 1);
  for (let shard = 0; shard < factors.length; shard++) {
    const shardSeed = (Math.imul(seed, 0x9e3779b1) + shard * 7919) >>> 0;
    const people = planShard(factors[shard]!, shardSeed);
    const rng = createRng(shardSeed ^ 0x5bd1e995);
    // the contact details draw from their own stream: the records and the oracle stay as they were
    const contactRng = createRng(shardSeed ^ 0x27d4eb2f);
    for (const p of people) {
      const n = buildNewcomer(rng, p, numbers);
      const contact = demoContact(contactRng, n);
      // `contact` before `events`, the exchange format's key order
      yield contact ? { ...withoutEvents(n), contact, events: n.events } : n;
    }
  }
}

function withoutEvents(n: ExchangeNewcomer): Omit<ExchangeNewcomer, "events"> {
  const { events: _events, ...rest } = n;
  return rest;
}
