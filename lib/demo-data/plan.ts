// The plan of one shard: which people exist and in which year each counted event of theirs falls.
// Fitting happens here (see README.md): every published breakdown becomes a CountPool, records
// draw from those pools, and people are then linked to the records (a contract goes to someone
// extracted earlier at the same office, an attestation to someone with an earlier contract …).
import type { DecisionOutcomeCode, NationalityGroupCode, TargetGroupCode } from "@/lib/domain/exchange/record";
import { nationalityGroupOf } from "@/lib/domain/codes";
import type { Gender } from "@/lib/domain/national-number";
import { CountPool, scaleCounts, sumCounts } from "./pool";
import { createRng, shuffle, type Rng } from "./rng";
import { nationalityPriority, statusTiers, targetTiers } from "./plausibility";
import { column, CONTRACT_YEARS, INFRINGEMENT_YEARS, REACH_YEARS, sv113 } from "./targets";

export interface Classification {
  nationality: string;
  /** Set only where the published group table disagrees with the nationality rule. */
  nationalityGroup?: NationalityGroupCode;
  residenceStatus: string;
  targetGroup: TargetGroupCode;
  gender: Gender;
}

export interface PlannedInfringement {
  year: number;
  type: string;
  /** undefined = still undecided (IN_BEHANDELING) as of the as-of date. */
  outcome?: DecisionOutcomeCode;
  amountEur?: number;
}

export interface PlannedPerson {
  office: string;
  cls?: Classification;
  /** undefined: never extracted (Brussels newcomers register on their own initiative). */
  extractionYear?: number;
  registered: boolean;
  contractYear?: number;
  attestationYear?: number;
  infringement?: PlannedInfringement;
}

const BRUSSELS = "AGII_BRUSSEL";
const round = (n: number, f: number) => Math.round(n * f);

/** Draws a full classification per nationality, most constrained nationalities first. */
function classify(rng: Rng, nationalities: string[], pools: { status: CountPool; target: CountPool; gender: CountPool }): Classification[] {
  shuffle(rng, nationalities);
  nationalities.sort((a, b) => nationalityPriority(a) - nationalityPriority(b));
  return nationalities.map((nationality) => {
    const residenceStatus = pools.status.draw(rng, statusTiers(nationality));
    const targetGroup = pools.target.draw(rng, targetTiers(nationality, residenceStatus)) as TargetGroupCode;
    const gender = pools.gender.draw(rng) as Gender;
    return { nationality, residenceStatus, targetGroup, gender };
  });
}

/**
 * Where the published group table differs from the nationality rule (Table 3 vs Table 4), record
 * the group explicitly on a few records — UK nationals first: after Brexit they are third-country
 * nationals in practice, which is the likeliest source of the difference.
 */
function overrideGroups(rng: Rng, slots: Classification[], printed: Record<string, number>): void {
  const byRule: Record<string, number> = {};
  for (const s of slots) {
    const g = nationalityGroupOf(s.nationality)!;
    byRule[g] = (byRule[g] ?? 0) + 1;
  }
  const deficits: string[] = [];
  for (const [g, n] of Object.entries(printed)) for (let i = byRule[g] ?? 0; i < n; i++) deficits.push(g);
  for (const [g, n] of Object.entries(byRule)) {
    let surplus = n - (printed[g] ?? 0);
    if (surplus <= 0) continue;
    const candidates = shuffle(
      rng,
      slots.filter((s) => nationalityGroupOf(s.nationality) === g && s.nationality !== "BEL"),
    );
    candidates.sort((a, b) => Number(b.nationality === "GBR") - Number(a.nationality === "GBR"));
    for (const s of candidates) {
      if (surplus === 0 || deficits.length === 0) break;
      s.nationalityGroup = deficits.pop() as NationalityGroupCode;
      surplus--;
    }
  }
}

class ReachIndex {
  private readonly lists = new Map<string, PlannedPerson[]>();
  add(p: PlannedPerson) {
    const key = `${p.office}|${p.extractionYear}|${p.registered}`;
    let list = this.lists.get(key);
    if (!list) this.lists.set(key, (list = []));
    list.push(p);
  }
  /** Takes a not-yet-classified person of the office, trying the years (and registration states) in order. */
  take(office: string, years: number[], registered: boolean[]): PlannedPerson | undefined {
    for (const y of years) {
      for (const r of registered) {
        const list = this.lists.get(`${office}|${y}|${r}`);
        while (list && list.length > 0) {
          const p = list.pop()!;
          if (!p.cls) return p;
        }
      }
    }
    return undefined;
  }
  shuffleAll(rng: Rng) {
    for (const list of this.lists.values()) shuffle(rng, list);
  }
}

export function planShard(factor: number, seed: number): PlannedPerson[] {
  const rng = createRng(seed);
  const people: PlannedPerson[] = [];
  const reach = new ReachIndex();

  // Table 1: one person per extraction, by office, year and whether they registered.
  for (const [office, split] of Object.entries(sv113.t01_reach)) {
    for (const year of REACH_YEARS) {
      for (const registered of [true, false]) {
        const n = round((registered ? split.AANGEMELD : split.NIET_AANGEMELD)[String(year)] ?? 0, factor);
        for (let i = 0; i < n; i++) {
          const p: PlannedPerson = { office, extractionYear: year, registered };
          people.push(p);
          reach.add(p);
        }
      }
    }
  }
  reach.shuffleAll(rng);

  const history = (office: string, extractionYear: number | undefined): PlannedPerson => {
    const p: PlannedPerson = { office, registered: true };
    if (extractionYear !== undefined) p.extractionYear = extractionYear;
    people.push(p);
    return p;
  };
  const templates: Classification[] = [];
  const contractsByYear = new Map<number, PlannedPerson[]>();

  // Tables 2–7: first contracts.
  for (const year of CONTRACT_YEARS) {
    const officeCounts = Object.fromEntries(Object.entries(column(sv113.t02_contracts_office, year)).map(([k, n]) => [k, round(n, factor)]));
    const total = sumCounts(officeCounts);
    const scaled = (t: Record<string, Record<string, number>>) => new CountPool(scaleCounts(column(t, year), factor, total));
    const offices = new CountPool(officeCounts);
    const slots = classify(rng, new CountPool(scaleCounts(column(sv113.t04_contracts_nationality, year), factor, total)).expand(), {
      status: scaled(sv113.t07_contracts_status),
      target: scaled(sv113.t06_contracts_target),
      gender: scaled(sv113.t05_contracts_gender),
    });
    overrideGroups(rng, slots, scaleCounts(column(sv113.t03_contracts_natgroup, year), factor, total));
    const contracted: PlannedPerson[] = [];
    for (const cls of slots) {
      const office = offices.draw(rng);
      const p =
        (office === BRUSSELS ? undefined : reach.take(office, [year - 1, year, year - 2, year - 3], [true])) ??
        history(office, office === BRUSSELS ? undefined : 2018 - rng.int(0, 1));
      p.cls = cls;
      p.contractYear = year;
      contracted.push(p);
      templates.push(cls);
    }
    contractsByYear.set(year, shuffle(rng, contracted));
  }
  const officeWeights = Object.keys(sv113.t02_contracts_office);

  // Table 8: attestations go to people with an earlier contract; older ones to pre-2019 history.
  for (const year of [2022, 2021, 2020, 2019]) {
    let n = round(sv113.t08_attestations[String(year)] ?? 0, factor);
    for (const cy of [year - 1, year - 2, year]) {
      const list = contractsByYear.get(cy) ?? [];
      while (n > 0 && list.length > 0) {
        list.pop()!.attestationYear = year;
        n--;
      }
    }
    // Registered in 2019 without a counted contract: an (uncounted) 2019 contract fits.
    for (const office of year === 2020 ? officeWeights : []) {
      let p: PlannedPerson | undefined;
      while (n > 0 && (p = reach.take(office, [2019], [true]))) {
        p.contractYear = 2019;
        p.attestationYear = year;
        n--;
      }
    }
    for (; n > 0; n--) {
      const contractYear = Math.min(year - 1, 2019);
      const p = history(rng.pick(officeWeights), contractYear - 1);
      p.contractYear = contractYear;
      p.attestationYear = year;
    }
  }

  planInfringements(rng, factor, reach, history);

  // Everyone not classified by a published table gets the classification of a random contract.
  for (const p of people) {
    if (p.cls) continue;
    const t = templates.length > 0 ? rng.pick(templates) : FALLBACK;
    p.cls = { ...t };
    delete p.cls.nationalityGroup;
    if (t.nationality === "BEL") p.cls.residenceStatus = rng.chance(0.75) ? "BELG_NIEUWKOMER" : "GEZINSHERENIGING_BELG";
  }
  return people;
}

const FALLBACK: Classification = { nationality: "MAR", residenceStatus: "GEZINSHERENIGING_BELG", targetGroup: "PLICHT", gender: "V" };
const OLD_TYPE_ONLY_FOR_RECHT = "ONRECHTMATIG_VROEGTIJDIG_BEEINDIGD";

/** Tables 9–18: infringement dossiers, their decisions and, for fines, the fined person. */
function planInfringements(rng: Rng, factor: number, reach: ReachIndex, history: (office: string, extractionYear: number) => PlannedPerson): void {
  const amountWeights = Object.entries(sv113.t12_fine_amounts_2022).map(([a, v]) => ({ amount: Number(a), count: v.count }));
  const amountTotal = amountWeights.reduce((s, w) => s + w.count, 0);
  const randomAmount = () => {
    let r = rng.next() * amountTotal;
    for (const w of amountWeights) if ((r -= w.count) < 0) return w.amount;
    return amountWeights[amountWeights.length - 1]!.amount;
  };

  for (const year of INFRINGEMENT_YEARS) {
    const slots: { office: string; fined: boolean }[] = [];
    for (const [office, years] of Object.entries(sv113.t09_infringements_office)) {
      const n = round(years[String(year)] ?? 0, factor);
      const fined = Math.min(n, round(sv113.t13_fines_office[office]?.[String(year)] ?? 0, factor));
      for (let i = 0; i < n; i++) slots.push({ office, fined: i < fined });
    }
    const total = slots.length;
    const finedCount = slots.filter((s) => s.fined).length;
    const scaledTo = (t: Record<string, Record<string, number>>, n: number) => new CountPool(scaleCounts(column(t, year), factor, n));
    const fines = shuffle(
      rng,
      classify(rng, scaledTo(sv113.t15_fines_nationality, finedCount).expand(), {
        status: scaledTo(sv113.t16_fines_status, finedCount),
        target: scaledTo(sv113.t17_fines_target, finedCount),
        gender: scaledTo(sv113.t18_fines_gender, finedCount),
      }),
    );
    const obligedTemplates = fines.filter((c) => c.targetGroup === "PLICHT");
    const types = scaledTo(sv113.t10_infringements_type, total);
    const decided = column(sv113.t11_decisions, year);
    const others = new CountPool(
      scaleCounts(
        {
          GEEN_BOETE: decided.GEEN_BOETE ?? 0,
          GEEN_GEVOLG: decided.GEEN_GEVOLG ?? 0,
          UNDECIDED: sumCounts(column(sv113.t09_infringements_office, year)) - sumCounts(decided),
        },
        factor,
        total - finedCount,
      ),
    );
    let amounts2022 =
      year === 2022
        ? new CountPool(
            scaleCounts(Object.fromEntries(amountWeights.map((w) => [String(w.amount), w.count])), factor, Math.min(finedCount, round(amountTotal, factor))),
          )
        : undefined;

    // Entitled (RECHT) fines can only be of the old type: they take it first.
    let nextFine = 0;
    const planned = slots.map((slot) => {
      const cls = slot.fined ? fines[nextFine++] : undefined;
      return { slot, cls, type: "" };
    });
    shuffle(rng, planned);
    for (const p of planned)
      if (p.cls?.targetGroup === "RECHT") {
        types.take(OLD_TYPE_ONLY_FOR_RECHT);
        p.type = OLD_TYPE_ONLY_FOR_RECHT;
      }
    for (const p of planned) if (!p.type) p.type = types.draw(rng);

    for (const { slot, cls, type } of planned) {
      const inf: PlannedInfringement = { year, type };
      let personCls: Classification;
      if (slot.fined) {
        inf.outcome = "BOETE";
        const amount = amounts2022 ? (amounts2022.size > 0 ? Number(amounts2022.draw(rng)) : undefined) : randomAmount();
        if (amount !== undefined) inf.amountEur = amount;
        personCls = cls!;
      } else {
        const outcome = others.draw(rng);
        if (outcome !== "UNDECIDED") inf.outcome = outcome as DecisionOutcomeCode;
        // Only the old type is possible for entitled newcomers; everyone else is obliged.
        const pickFrom = type === OLD_TYPE_ONLY_FOR_RECHT || obligedTemplates.length === 0 ? fines : obligedTemplates;
        personCls = { ...(pickFrom.length > 0 ? rng.pick(pickFrom) : FALLBACK) };
        if (type !== OLD_TYPE_ONLY_FOR_RECHT) personCls.targetGroup = "PLICHT";
      }
      const notRegisteredFirst = type.includes("AANGEMELD") ? [false, true] : [true, false];
      const years = [year - 1, year - 2, year - 3].filter((y) => y >= 2019);
      let person: PlannedPerson;
      if (type === OLD_TYPE_ONLY_FOR_RECHT) {
        // "Ended the contract early" needs a contract: an uncounted one before 2020 (pre-2019 history).
        const contractYear = Math.min(year - 1, 2019);
        person = history(slot.office, contractYear - 1);
        person.contractYear = contractYear;
      } else {
        person = reach.take(slot.office, years, notRegisteredFirst) ?? history(slot.office, 2018 - rng.int(0, 1));
        // A history person (not counted in Table 1) fined for not registering has not registered.
        if (person.extractionYear !== undefined && person.extractionYear < 2019 && type.includes("AANGEMELD")) person.registered = false;
      }
      person.cls = personCls;
      person.infringement = inf;
    }
    amounts2022 = undefined;
  }
}
