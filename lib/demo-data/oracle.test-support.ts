// Test-only oracle: aggregates generated records in JS the way docs/DOMAIN.md "Report semantics"
// defines the measures, so the generator can be checked without a database. (The product itself
// aggregates only in SQL.)
import type { ExchangeEvent, ExchangeNewcomer } from "@/lib/domain/exchange/record";
import { nationalityGroupOf } from "@/lib/domain/codes";

export type Tally = Map<string, number>;
const bump = (t: Tally, key: string) => t.set(key, (t.get(key) ?? 0) + 1);
export const get = (t: Tally, ...parts: (string | number)[]) => t.get(parts.join("|")) ?? 0;

function dims(n: ExchangeNewcomer, e: ExchangeEvent) {
  const nationality = e.nationality ?? n.nationality;
  return {
    office: e.office ?? n.office,
    nationality,
    natgroup: e.nationalityGroup ?? (e.nationality ? undefined : n.nationalityGroup) ?? nationalityGroupOf(nationality)!,
    status: e.residenceStatus ?? n.residenceStatus,
    target: e.targetGroup ?? n.targetGroup,
    gender: n.gender,
  };
}

export interface Aggregates {
  reach: Tally;
  contracts: Tally;
  attestations: Tally;
  infringements: Tally;
  fines: Tally;
  amounts2022: Tally;
}

export function aggregate(records: Iterable<ExchangeNewcomer>, asOf: string): Aggregates {
  const a: Aggregates = { reach: new Map(), contracts: new Map(), attestations: new Map(), infringements: new Map(), fines: new Map(), amounts2022: new Map() };
  for (const n of records) {
    const dated = n.events.filter((e) => e.date <= asOf);
    const first = (type: string) => dated.filter((e) => e.type === type).sort((x, y) => (x.date < y.date ? -1 : 1))[0];
    const extraction = first("EXTRACTION");
    if (extraction) {
      const registered = dated.some((e) => e.type === "REGISTRATION") ? "AANGEMELD" : "NIET_AANGEMELD";
      bump(a.reach, [dims(n, extraction).office, registered, extraction.date.slice(0, 4)].join("|"));
    }
    const contract = first("CONTRACT");
    if (contract) {
      const d = dims(n, contract);
      const y = contract.date.slice(0, 4);
      for (const [dim, v] of Object.entries(d)) bump(a.contracts, `${dim}|${v}|${y}`);
    }
    for (const e of dated) {
      const y = e.date.slice(0, 4);
      if (e.type === "ATTESTATION") bump(a.attestations, y);
      if (e.type !== "INFRINGEMENT") continue;
      const d = dims(n, e);
      const decision = e.decision && e.decision.date <= asOf ? e.decision.outcome : "IN_BEHANDELING";
      bump(a.infringements, `office|${d.office}|${y}`);
      bump(a.infringements, `type|${e.infringementType}|${y}`);
      bump(a.infringements, `decision|${decision}|${y}`);
      if (decision !== "BOETE") continue;
      for (const [dim, v] of Object.entries(d)) bump(a.fines, `${dim}|${v}|${y}`);
      if (y === "2022") bump(a.amounts2022, String(e.decision!.amountEur ?? "ONBEKEND"));
    }
  }
  return a;
}
