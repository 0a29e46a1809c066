// Turns a planned person into an exchange record: dates that respect the domain's order rules
// (extraction ≤ invitation ≤ registration ≤ contract ≤ attestation, all on or before the as-of
// date), a birth date, a valid national number matching gender and birth date, invented names.
import type { ExchangeEvent, ExchangeNewcomer } from "@/lib/domain/exchange/record";
import { makeNationalNumber } from "@/lib/domain/national-number";
import type { InfringementTypeCode } from "@/lib/domain/codes";
import { ABOLISHED_ON_RULE_CHANGE, INTRODUCED_ON_RULE_CHANGE } from "@/lib/domain/fines/infringement-decree";
import { AS_OF_DAY, fromDay, RULE_CHANGE_DAY, yearEnd, yearStart } from "./dates";
import { inventName } from "./names";
import type { PlannedPerson } from "./plan";
import type { Rng } from "./rng";

interface Step {
  type: ExchangeEvent["type"];
  year?: number;
}

/** Hands out national-number sequences per birth date and gender, so numbers never repeat. */
export class NationalNumberAllocator {
  private readonly used = new Map<string, number>();
  allocate(birthDay: number, gender: "M" | "V"): { nationalNumber: string; birthDate: string } {
    for (let day = birthDay; ; day++) {
      const birthDate = fromDay(day);
      const key = birthDate + gender;
      const last = this.used.get(key) ?? (gender === "M" ? -1 : 0);
      const seq = last + 2;
      if (seq > 998) continue;
      this.used.set(key, seq);
      return { nationalNumber: makeNationalNumber(birthDate, seq), birthDate };
    }
  }
}

/** Dates for the ordered track: each step within its year (if any), after the previous one. */
function trackDates(rng: Rng, steps: Step[]): number[] {
  const ub: number[] = new Array(steps.length);
  let next = AS_OF_DAY;
  for (let i = steps.length - 1; i >= 0; i--) {
    const y = steps[i]!.year;
    next = Math.min(next, y === undefined ? AS_OF_DAY : yearEnd(y));
    ub[i] = next;
  }
  const firstYear = steps.find((s) => s.year !== undefined)?.year ?? 2019;
  let prev = yearStart(firstYear) - 120;
  return steps.map((step, i) => {
    const lb = Math.max(prev, step.year === undefined ? prev : yearStart(step.year));
    const hi = ub[i]!;
    let day: number;
    if (step.year === undefined) {
      day = Math.min(hi, lb + rng.int(3, 45));
    } else {
      // Leave room when a later step falls in the same year.
      const sameYearLater = steps.slice(i + 1).some((s) => s.year === step.year);
      day = lb + Math.floor(rng.next() * (hi - lb + 1) * (sameYearLater ? 0.6 : 1));
    }
    prev = day;
    return day;
  });
}

function infringementWindow(year: number, type: string): [number, number] {
  if (ABOLISHED_ON_RULE_CHANGE.includes(type as InfringementTypeCode)) return [yearStart(year), Math.min(yearEnd(year), RULE_CHANGE_DAY - 1)];
  if (INTRODUCED_ON_RULE_CHANGE.includes(type as InfringementTypeCode)) {
    return [Math.max(yearStart(year), RULE_CHANGE_DAY), yearEnd(year)];
  }
  return [yearStart(year), yearEnd(year)];
}

export function buildNewcomer(rng: Rng, p: PlannedPerson, numbers: NationalNumberAllocator): ExchangeNewcomer {
  const cls = p.cls!;
  const steps: Step[] = [];
  if (p.extractionYear !== undefined) steps.push({ type: "EXTRACTION", year: p.extractionYear });
  if (p.extractionYear !== undefined && (p.registered || rng.chance(0.85))) steps.push({ type: "INVITATION" });
  if (p.registered) steps.push({ type: "REGISTRATION" });
  if (p.contractYear !== undefined) steps.push({ type: "CONTRACT", year: p.contractYear });
  if (p.attestationYear !== undefined) steps.push({ type: "ATTESTATION", year: p.attestationYear });
  const days = trackDates(rng, steps);
  const events: { day: number; event: ExchangeEvent }[] = steps.map((s, i) => ({ day: days[i]!, event: { type: s.type, date: fromDay(days[i]!) } }));

  if (p.infringement) {
    const inf = p.infringement;
    const [from, to] = infringementWindow(inf.year, inf.type);
    const lb = Math.max(from, days[0] ?? from);
    if (lb > to) throw new Error(`no room for a ${inf.type} infringement in ${inf.year}`);
    const day = rng.int(lb, to);
    const event: ExchangeEvent = { type: "INFRINGEMENT", date: fromDay(day), infringementType: inf.type };
    if (inf.outcome) {
      event.decision = { date: fromDay(Math.min(AS_OF_DAY, day + rng.int(14, 150))), outcome: inf.outcome };
      if (inf.amountEur !== undefined) event.decision.amountEur = inf.amountEur;
    }
    events.push({ day, event });
  }

  // Some people with a contract get a DVZ advice, which reports what their track shows by then.
  if (p.contractYear !== undefined && rng.chance(0.06)) {
    const lastTrack = days[days.length - 1]!;
    const day = Math.min(AS_OF_DAY, lastTrack + rng.int(30, 400));
    const contract = days[steps.findIndex((s) => s.type === "CONTRACT")]!;
    const attestationIdx = steps.findIndex((s) => s.type === "ATTESTATION");
    events.push({
      day,
      event: {
        type: "DVZ_ADVICE",
        date: fromDay(day),
        contractSigned: contract <= day,
        attestationObtained: attestationIdx >= 0 && days[attestationIdx]! <= day,
        followUp: rng.pick(["VERBLIJF_VERLENGD", "VERBLIJF_VERLENGD", "VERBLIJF_NIET_VERLENGD", "ONBEKEND"] as const),
      },
    });
  }
  events.sort((a, b) => a.day - b.day);

  const firstDay = events[0]?.day ?? AS_OF_DAY;
  const birthDay = firstDay - rng.int(18 * 365, 58 * 365);
  const { nationalNumber, birthDate } = numbers.allocate(birthDay, cls.gender);
  const { firstName, lastName } = inventName(rng, cls.gender);
  const newcomer: ExchangeNewcomer = {
    nationalNumber,
    lastName,
    firstName,
    birthDate,
    gender: cls.gender,
    nationality: cls.nationality,
    residenceStatus: cls.residenceStatus,
    targetGroup: cls.targetGroup,
    office: p.office,
    events: events.map((e) => e.event),
  };
  if (cls.nationalityGroup) newcomer.nationalityGroup = cls.nationalityGroup;
  return newcomer;
}
