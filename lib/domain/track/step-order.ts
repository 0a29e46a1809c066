// The order of the track's steps, once: a contract needs a registration on or before its date, an
// attestation a contract on or before its date. And what the track shows on a day, as a DVZ advice
// records it: a contract signed, an attestation obtained (on or before that day). The dossier
// forms (track-rules.ts), the import's line check (lib/domain/exchange/validate-line.ts) and the
// DVZ advice (lib/server/dvz/advice.ts) apply these and word the reasons themselves. Pure; the
// events given are the newcomer's active (non-cancelled) ones, dates YYYY-MM-DD.

export interface DatedStep {
  type: string;
  date: string;
}

/** The earliest registration and contract among the events (null when there is none). */
export function earliestSteps(events: readonly DatedStep[]): { registration: string | null; contract: string | null } {
  let registration: string | null = null,
    contract: string | null = null;
  for (const e of events) {
    if (e.type === "REGISTRATION" && (registration === null || e.date < registration)) registration = e.date;
    if (e.type === "CONTRACT" && (contract === null || e.date < contract)) contract = e.date;
  }
  return { registration, contract };
}

export type StepOrderBreach =
  | { kind: "NO_REGISTRATION" }
  | { kind: "BEFORE_REGISTRATION"; registration: string }
  | { kind: "NO_CONTRACT" }
  | { kind: "BEFORE_CONTRACT"; contract: string };

/** How a step of `type` on `date` breaks the order, given the earliest steps, or null. */
export function stepOrderBreach(type: string, date: string, earliest: ReturnType<typeof earliestSteps>): StepOrderBreach | null {
  if (type === "CONTRACT") {
    if (earliest.registration === null) return { kind: "NO_REGISTRATION" };
    if (date < earliest.registration) return { kind: "BEFORE_REGISTRATION", registration: earliest.registration };
  }
  if (type === "ATTESTATION") {
    if (earliest.contract === null) return { kind: "NO_CONTRACT" };
    if (date < earliest.contract) return { kind: "BEFORE_CONTRACT", contract: earliest.contract };
  }
  return null;
}

/** What a DVZ advice dated `date` records from the track: contract signed, attestation obtained. */
export function adviceFactsOn(date: string, events: readonly DatedStep[]): { contractSigned: boolean; attestationObtained: boolean } {
  return {
    contractSigned: events.some((e) => e.type === "CONTRACT" && e.date <= date),
    attestationObtained: events.some((e) => e.type === "ATTESTATION" && e.date <= date),
  };
}
