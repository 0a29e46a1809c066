// Oracle test: the generated demo data reproduces every consistent cell of every table of the
// published answer (tests/fixtures/sv113-2023.json), obeys the domain's record rules and is
// plausible. The three printed defects are asserted for what the data does instead.
import { beforeAll, describe, expect, it } from "vitest";
import fixture from "@/tests/fixtures/sv113-2023.json";
import type { ExchangeNewcomer } from "@/lib/domain/exchange/record";
import { agencyOfOffice, codes, nationalityGroupOf } from "@/lib/domain/codes";
import { validateNationalNumber } from "@/lib/domain/national-number";
import { infringementTypeBreaches } from "@/lib/domain/fines/infringement-decree";
import { isFineAmountInRange } from "@/lib/domain/fines/rules";
import { generateDemoNewcomers } from "@/lib/demo-data/generate";
import { aggregate, get, type Aggregates } from "@/lib/demo-data/oracle.test-support";
import { isThirdCountryStatus } from "@/lib/demo-data/plausibility";

type ByCode = Record<string, Record<string, number>>;
const asOf = fixture.asOf;
let records: ExchangeNewcomer[];
let agg: Aggregates;

beforeAll(() => {
  records = [...generateDemoNewcomers({ scale: 1, seed: 113 })];
  agg = aggregate(records, asOf);
}, 180_000);

/** Every cell of a by-code table, plus: no generated row outside the table. */
function expectTable(
  table: ByCode,
  actual: (code: string, year: string) => number,
  allActualCodes: string[],
  skip: (code: string, year: string) => boolean = () => false,
) {
  const mismatches: string[] = [];
  const years = new Set<string>();
  for (const [code, byYear] of Object.entries(table)) {
    for (const [year, expected] of Object.entries(byYear)) {
      years.add(year);
      if (skip(code, year)) continue;
      const got = actual(code, year);
      if (got !== expected) mismatches.push(`${code} ${year}: expected ${expected}, got ${got}`);
    }
  }
  for (const code of allActualCodes) {
    if (code in table) continue;
    for (const year of years) if (actual(code, year) !== 0) mismatches.push(`${code} ${year}: not in the table, got ${actual(code, year)}`);
  }
  expect(mismatches).toEqual([]);
}

const codesOf = (t: Map<string, number>, dim: string) => [...new Set([...t.keys()].filter((k) => k.startsWith(`${dim}|`)).map((k) => k.split("|")[1]!))];

describe("demo data reproduces the answer to written question nr. 113", () => {
  it("Table 1: reach by office and registration", () => {
    const mismatches: string[] = [];
    for (const [office, split] of Object.entries(fixture.t01_reach)) {
      for (const [reg, byYear] of Object.entries(split)) {
        for (const [year, expected] of Object.entries(byYear)) {
          const got =
            reg === "ALL" ? get(agg.reach, office, "AANGEMELD", year) + get(agg.reach, office, "NIET_AANGEMELD", year) : get(agg.reach, office, reg, year);
          if (got !== expected) mismatches.push(`${office} ${reg} ${year}: ${expected} ≠ ${got}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(get(agg.reach, "AGII_BRUSSEL", "AANGEMELD", 2022)).toBe(0);
  });

  const contractTables: [keyof typeof fixture, string][] = [
    ["t02_contracts_office", "office"],
    ["t03_contracts_natgroup", "natgroup"],
    ["t04_contracts_nationality", "nationality"],
    ["t05_contracts_gender", "gender"],
    ["t06_contracts_target", "target"],
    ["t07_contracts_status", "status"],
  ];
  for (const [name, dim] of contractTables) {
    it(`${name}: first contracts by ${dim}`, () => {
      expectTable(fixture[name] as ByCode, (c, y) => get(agg.contracts, dim, c, y), codesOf(agg.contracts, dim));
    });
  }

  it("Table 2 printed agency subtotals; defect 1: AGII 2021 is 16,006 (its offices), not the printed 16,005", () => {
    const byAgency = (agency: string, year: string) =>
      codes.offices.filter((o) => o.agency === agency).reduce((s, o) => s + get(agg.contracts, "office", o.code, year), 0);
    const isDefect = (c: string, y: string) => c === "AGII" && y === "2021";
    expectTable(fixture.t02_contracts_agency_printed as ByCode, byAgency, ["ATLAS", "IN_GENT", "AGII"], isDefect);
    expect(fixture.t02_contracts_agency_printed.AGII["2021"]).toBe(16005);
    expect(byAgency("AGII", "2021")).toBe(16006);
    expect(agencyOfOffice("AGII_BRUSSEL")).toBe("AGII");
  });

  it("defect 2: Table 3 is matched by recording the group on a few UK contracts (rule grouping gives 3,640 / 4,471 EU+)", () => {
    const byRule = (year: string) =>
      records.filter((n) => {
        const c = n.events.find((e) => e.type === "CONTRACT");
        return (
          c?.date.startsWith(year) &&
          c.date <= asOf &&
          n.events.filter((e) => e.type === "CONTRACT")[0] === c &&
          nationalityGroupOf(n.nationality) === "EU_PLUS"
        );
      }).length;
    expect([byRule("2020"), byRule("2021"), byRule("2022")]).toEqual([3640, 4471, 3866]);
    const overridden = records.filter((n) => n.nationalityGroup !== undefined);
    expect(overridden.length).toBe(5);
    expect(overridden.every((n) => n.nationality === "GBR" && n.nationalityGroup === "DERDELANDER")).toBe(true);
  });

  it("defect 3: the legacy rows Macedonië (XMK) and Sevië (XSR) are kept as codes of their own", () => {
    const legacy = ["XMK", "XSR"];
    for (const code of legacy) expect(codes.nationalities.some((n) => n.code === code)).toBe(true);
    const used = legacy.filter(
      (c) => get(agg.contracts, "nationality", c, "2021") + get(agg.contracts, "nationality", c, "2020") + get(agg.contracts, "nationality", c, "2022") > 0,
    );
    expect(used.length).toBeGreaterThan(0);
  });

  it("Table 8: attestations", () => {
    for (const [year, n] of Object.entries(fixture.t08_attestations)) expect(get(agg.attestations, year), year).toBe(n);
  });

  const infringementTables: [keyof typeof fixture, string][] = [
    ["t09_infringements_office", "office"],
    ["t10_infringements_type", "type"],
    ["t11_decisions", "decision"],
  ];
  for (const [name, dim] of infringementTables) {
    it(`${name}: infringement dossiers by ${dim}`, () => {
      const actualCodes = codesOf(agg.infringements, dim).filter((c) => c !== "IN_BEHANDELING");
      expectTable(fixture[name] as ByCode, (c, y) => get(agg.infringements, dim, c, y), actualCodes);
    });
  }

  it("Table 11: undecided dossiers as of the date are 0 / 0 / 6 / 339", () => {
    expect(["2019", "2020", "2021", "2022"].map((y) => get(agg.infringements, "decision", "IN_BEHANDELING", y))).toEqual([0, 0, 6, 339]);
  });

  it("Table 12: fine amounts of 2022 (389 known of 401)", () => {
    for (const [amount, { count, totalEur }] of Object.entries(fixture.t12_fine_amounts_2022)) {
      expect(get(agg.amounts2022, amount), amount).toBe(count);
      expect(get(agg.amounts2022, amount) * Number(amount)).toBe(totalEur);
    }
    expect(get(agg.amounts2022, "ONBEKEND")).toBe(12);
  });

  const fineTables: [keyof typeof fixture, string][] = [
    ["t13_fines_office", "office"],
    ["t14_fines_natgroup", "natgroup"],
    ["t15_fines_nationality", "nationality"],
    ["t16_fines_status", "status"],
    ["t17_fines_target", "target"],
    ["t18_fines_gender", "gender"],
  ];
  for (const [name, dim] of fineTables) {
    it(`${name}: fines by ${dim}`, () => {
      expectTable(fixture[name] as ByCode, (c, y) => get(agg.fines, dim, c, y), codesOf(agg.fines, dim));
    });
  }
});

describe("demo data obeys the record rules", () => {
  const known = (list: { code: string }[]) => new Set(list.map((c) => c.code));
  it("valid, unique national numbers that agree with birth date and gender", () => {
    const seen = new Set<string>();
    const bad: string[] = [];
    for (const n of records) {
      if (!validateNationalNumber(n.nationalNumber, { birthDate: n.birthDate, gender: n.gender }).ok) bad.push(n.nationalNumber);
      const seq = Number(n.nationalNumber.slice(6, 9));
      if ((seq % 2 === 1 ? "M" : "V") !== n.gender) bad.push(`${n.nationalNumber} gender`);
      if (seen.has(n.nationalNumber)) bad.push(`${n.nationalNumber} twice`);
      seen.add(n.nationalNumber);
    }
    expect(bad.slice(0, 5)).toEqual([]);
  });

  it("codes exist, track order holds, dates on or before the as-of date, infringement rules", () => {
    const offices = known(codes.offices),
      nats = known(codes.nationalities),
      statuses = known(codes.residenceStatuses);
    const order = ["EXTRACTION", "INVITATION", "REGISTRATION", "CONTRACT", "ATTESTATION"];
    const bad: string[] = [];
    for (const n of records) {
      if (!offices.has(n.office) || !nats.has(n.nationality) || !statuses.has(n.residenceStatus)) bad.push(`${n.nationalNumber} code`);
      if (!n.firstName || !n.lastName) bad.push(`${n.nationalNumber} name`);
      const track = n.events.filter((e) => order.includes(e.type));
      for (let i = 1; i < track.length; i++) {
        const a = track[i - 1]!,
          b = track[i]!;
        if (order.indexOf(a.type) > order.indexOf(b.type) || a.date > b.date) bad.push(`${n.nationalNumber} order`);
      }
      for (const e of n.events) {
        if (e.date > asOf) bad.push(`${n.nationalNumber} after as-of`);
        if (e.type !== "INFRINGEMENT") continue;
        const t = e.infringementType!;
        for (const breach of infringementTypeBreaches(t, e.date, e.targetGroup ?? n.targetGroup)) bad.push(`${n.nationalNumber} ${breach}`);
        if (t === "ONRECHTMATIG_VROEGTIJDIG_BEEINDIGD" && !n.events.some((x) => x.type === "CONTRACT" && x.date <= e.date))
          bad.push(`${n.nationalNumber} early end without contract`);
        if (e.decision && e.decision.date < e.date) bad.push(`${n.nationalNumber} decision before dossier`);
        const amount = e.decision?.amountEur;
        if (amount !== undefined && (e.decision!.outcome !== "BOETE" || !isFineAmountInRange(amount))) bad.push(`${n.nationalNumber} amount`);
      }
      for (const e of n.events.filter((x) => x.type === "DVZ_ADVICE")) {
        const has = (type: string) => n.events.some((x) => x.type === type && x.date <= e.date);
        if (e.contractSigned !== has("CONTRACT") || e.attestationObtained !== has("ATTESTATION")) bad.push(`${n.nationalNumber} advice`);
      }
    }
    expect(bad.slice(0, 10)).toEqual([]);
  });

  it("is plausible: Belgians mostly Belgian-like statuses, no EU+ national with a third-country status, most extracted people invited", () => {
    const bel = records.filter((n) => n.nationality === "BEL");
    const belgianLike = bel.filter((n) => n.residenceStatus === "BELG_NIEUWKOMER" || n.residenceStatus === "GEZINSHERENIGING_BELG");
    expect(belgianLike.length / bel.length).toBeGreaterThan(0.5);
    expect(bel.filter((n) => n.residenceStatus === "BELG_NIEUWKOMER").length / bel.length).toBeGreaterThan(0.5);
    const euWithThirdCountryStatus = records.filter((n) => nationalityGroupOf(n.nationality) === "EU_PLUS" && isThirdCountryStatus(n.residenceStatus));
    expect(euWithThirdCountryStatus.length).toBe(0);
    const extracted = records.filter((n) => n.events.some((e) => e.type === "EXTRACTION"));
    const invited = extracted.filter((n) => n.events.some((e) => e.type === "INVITATION"));
    expect(invited.length / extracted.length).toBeGreaterThan(0.8);
    const moroccanBelgianFamily = records.filter((n) => n.nationality === "MAR" && n.residenceStatus === "GEZINSHERENIGING_BELG");
    expect(moroccanBelgianFamily.length).toBeGreaterThan(0);
    expect(records.some((n) => n.events.some((e) => e.type === "DVZ_ADVICE"))).toBe(true);
  });
});

describe("demo data generation", () => {
  it("is deterministic per seed", () => {
    const run = (seed: number) => [...generateDemoNewcomers({ scale: 0.05, seed })].map((n) => JSON.stringify(n)).join("\n");
    const a = run(7);
    expect(run(7)).toBe(a);
    expect(run(8)).not.toBe(a);
  }, 60_000);

  it("scales: 0.1 gives about a tenth, 1.1 about 1.1 times, with unique numbers across shards", () => {
    const tenth = [...generateDemoNewcomers({ scale: 0.1 })];
    expect(Math.abs(tenth.length / records.length - 0.1)).toBeLessThan(0.005);
    const tenthAgg = aggregate(tenth, asOf);
    expect(get(tenthAgg.attestations, 2022)).toBe(Math.round(fixture.t08_attestations["2022"] * 0.1));
    let count = 0;
    const numbers = new Set<string>();
    for (const n of generateDemoNewcomers({ scale: 1.1 })) {
      count++;
      numbers.add(n.nationalNumber);
    }
    expect(Math.abs(count / records.length - 1.1)).toBeLessThan(0.01);
    expect(numbers.size).toBe(count);
  }, 180_000);
});
