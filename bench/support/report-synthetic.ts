// A fast synthetic population in the exchange format (docs/DOMAIN.md), for the report benchmark
// while the real demo-data generator is not on this branch. Distributions follow the printed
// answer (tests/fixtures/sv113-2023.json): offices by reach, nationalities and residence
// statuses by contracts, ~45 % registered, ~40 % with a contract, infringements and fines at
// the published rates. Deterministic (seeded), ~4–6 events per newcomer.
import fs from "node:fs";
import path from "node:path";
import { codes } from "@/lib/domain/codes";

export interface ExchangeEvent {
  type: string;
  date: string;
  office?: string;
  infringementType?: string;
  decision?: { date: string; outcome: string; amountEur?: number };
  contractSigned?: boolean;
  attestationObtained?: boolean;
  followUp?: string;
}
export interface ExchangeRecord {
  nationalNumber: string;
  lastName: string;
  firstName: string;
  birthDate: string;
  gender: string;
  nationality: string;
  residenceStatus: string;
  targetGroup: string;
  office: string;
  events: ExchangeEvent[];
}

type Weighted = { value: string; cum: number }[];
function weighted(entries: [string, number][]): Weighted {
  let cum = 0;
  const total = entries.reduce((s, [, w]) => s + w, 0);
  return entries.map(([value, w]) => ({ value, cum: (cum += w / total) }));
}
function pick(w: Weighted, r: number): string {
  let lo = 0,
    hi = w.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (w[mid]!.cum < r) lo = mid + 1;
    else hi = mid;
  }
  return w[lo]!.value;
}

const fixture = JSON.parse(fs.readFileSync(path.join(process.cwd(), "tests/fixtures/sv113-2023.json"), "utf8"));
const sumYears = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
const officeW = weighted(Object.entries(fixture.t01_reach as Record<string, { ALL: Record<string, number> }>).map(([k, v]) => [k, sumYears(v.ALL)]));
const known = new Set(codes.nationalities.map((n) => n.code));
const natW = weighted(
  Object.entries(fixture.t04_contracts_nationality as Record<string, Record<string, number>>)
    .filter(([k]) => known.has(k))
    .map(([k, v]) => [k, sumYears(v) + 0.5]),
);
const statusW = weighted(Object.entries(fixture.t07_contracts_status as Record<string, Record<string, number>>).map(([k, v]) => [k, sumYears(v)]));
const infTypesOld = weighted([
  ["NIET_TIJDIG_AANGEMELD", 600],
  ["GEWEIGERD_TE_ONDERTEKENEN", 50],
  ["ONRECHTMATIG_VROEGTIJDIG_BEEINDIGD", 2800],
  ["ONREGELMATIGE_DEELNAME", 270],
  ["NA_INBREUK_NIET_TIJDIG_AANGEMELD", 460],
]);
const infTypesNew = weighted([
  ["NIET_TIJDIG_AANGEMELD", 329],
  ["GEWEIGERD_TE_ONDERTEKENEN", 32],
  ["ONREGELMATIGE_DEELNAME", 26],
  ["NA_INBREUK_NIET_TIJDIG_AANGEMELD", 246],
  ["NIET_REGELMATIG_DEELGENOMEN", 408],
  ["NIET_TIJDIG_AANGEMELD_NA_OPSCHORTING", 8],
]);
const amountW = weighted(Object.entries(fixture.t12_fine_amounts_2022 as Record<string, { count: number }>).map(([k, v]) => [k, v.count]));
const outcomeW = weighted([
  ["BOETE", 2678],
  ["GEEN_BOETE", 815],
  ["GEEN_GEVOLG", 1543],
]);

/** mulberry32: a small, fast seeded generator */
function rng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const START = Date.UTC(2017, 0, 1),
  END = Date.UTC(2024, 11, 31);

export function* syntheticRecords(count: number, seed = 113): Generator<ExchangeRecord> {
  const r = rng(seed);
  for (let i = 0; i < count; i++) {
    const office = pick(officeW, r());
    const nationality = pick(natW, r());
    const targetGroup = r() < 0.45 ? "PLICHT" : "RECHT";
    const ext = START + Math.floor(r() * (END - START));
    const events: ExchangeEvent[] = [{ type: "EXTRACTION", date: iso(ext) }];
    let t = ext + (5 + Math.floor(r() * 40)) * DAY;
    events.push({ type: "INVITATION", date: iso(t) });
    if (r() < 0.3) events.push({ type: "INVITATION", date: iso(t + 30 * DAY) });
    const registered = r() < 0.47;
    let contract = false,
      attest = false;
    if (registered) {
      t += (5 + Math.floor(r() * 60)) * DAY;
      events.push({ type: "REGISTRATION", date: iso(t) });
      if (r() < 0.85) {
        contract = true;
        t += (3 + Math.floor(r() * 60)) * DAY;
        events.push({ type: "CONTRACT", date: iso(t) });
        if (r() < 0.08) events.push({ type: "CONTRACT", date: iso(t + 400 * DAY) }); // a later, second contract
        if (r() < 0.75) {
          attest = true;
          events.push({ type: "ATTESTATION", date: iso(t + (180 + Math.floor(r() * 400)) * DAY) });
        }
      }
    }
    if (r() < 0.03 * (targetGroup === "PLICHT" ? 1.3 : 0.7)) {
      const d = t + (30 + Math.floor(r() * 300)) * DAY;
      const after = d >= Date.UTC(2022, 2, 1);
      let type = pick(after ? infTypesNew : infTypesOld, r());
      if (targetGroup === "RECHT" && !after) type = "ONRECHTMATIG_VROEGTIJDIG_BEEINDIGD";
      const ev: ExchangeEvent = { type: "INFRINGEMENT", date: iso(d), infringementType: type };
      if (r() < 0.93) {
        const outcome = pick(outcomeW, r());
        ev.decision = {
          date: iso(d + (10 + Math.floor(r() * 90)) * DAY),
          outcome,
          ...(outcome === "BOETE" && r() < 0.97 ? { amountEur: Number(pick(amountW, r())) } : {}),
        };
      }
      events.push(ev);
    }
    if (r() < 0.3)
      events.push({
        type: "DVZ_ADVICE",
        date: iso(t + (200 + Math.floor(r() * 300)) * DAY),
        contractSigned: contract,
        attestationObtained: attest,
        followUp: r() < 0.5 ? "VERBLIJF_VERLENGD" : r() < 0.2 ? "VERBLIJF_NIET_VERLENGD" : "ONBEKEND",
      });
    const gender = r() < 0.45 ? "M" : "V";
    yield {
      nationalNumber: String(10_000_000_000 + i).slice(-11),
      lastName: `Naam${i}`,
      firstName: "Bench",
      birthDate: "1990-01-01",
      gender,
      nationality,
      residenceStatus: pick(statusW, r()),
      targetGroup,
      office,
      events,
    };
  }
}
