// The order of the track's steps, once: a contract needs a registration on or before its date, an
// attestation a contract on or before its date. And what the track shows on a day, as a DVZ advice
// records it: a contract signed, an attestation obtained (on or before that day). The dossier
// forms (track-rules.ts), the import's line check (lib/domain/exchange/validate-line.ts) and the
// DVZ advice (lib/server/dvz/advice.ts) apply these and word the reasons themselves. Pure; the
// events given are the newcomer's active (non-cancelled) ones, dates YYYY-MM-DD.
//
// Two kinds of rule (issue 14): a breach (stepOrderBreach) is an error, where the decree leaves no
// room — a contract is concluded after a registration, an attestation follows a contract. A
// warning (stepOrderWarning) is a step out of the usual order that can still be right, so the
// user confirms it: an invitation or a registration before the newcomer appears in a
// national-register extraction (a newcomer may come to the office before the monthly extraction
// lists them, or the extraction was not recorded yet).

export interface DatedStep {
  type: string;
  date: string;
}

/** The earliest registration, contract and extraction among the events (null when there is none). */
export function earliestSteps(events: readonly DatedStep[]): { registration: string | null; contract: string | null; extraction: string | null } {
  let registration: string | null = null,
    contract: string | null = null,
    extraction: string | null = null;
  for (const e of events) {
    if (e.type === "REGISTRATION" && (registration === null || e.date < registration)) registration = e.date;
    if (e.type === "CONTRACT" && (contract === null || e.date < contract)) contract = e.date;
    if (e.type === "EXTRACTION" && (extraction === null || e.date < extraction)) extraction = e.date;
  }
  return { registration, contract, extraction };
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

/** The steps that usually follow the extraction, and warn when they come without one. */
export const STEPS_AFTER_EXTRACTION = ["INVITATION", "REGISTRATION"] as const;

export type StepOrderWarning = { kind: "NO_EXTRACTION" } | { kind: "BEFORE_EXTRACTION"; extraction: string };

/** How a step of `type` on `date` is out of the usual order (to be confirmed), given the earliest steps, or null. */
export function stepOrderWarning(type: string, date: string, earliest: ReturnType<typeof earliestSteps>): StepOrderWarning | null {
  if (!(STEPS_AFTER_EXTRACTION as readonly string[]).includes(type)) return null;
  if (earliest.extraction === null) return { kind: "NO_EXTRACTION" };
  if (date < earliest.extraction) return { kind: "BEFORE_EXTRACTION", extraction: earliest.extraction };
  return null;
}

/** What a DVZ advice dated `date` records from the track: contract signed, attestation obtained. */
export function adviceFactsOn(date: string, events: readonly DatedStep[]): { contractSigned: boolean; attestationObtained: boolean } {
  return {
    contractSigned: events.some((e) => e.type === "CONTRACT" && e.date <= date),
    attestationObtained: events.some((e) => e.type === "ATTESTATION" && e.date <= date),
  };
}
