// Validation of one line of the exchange format, resolved into the rows the database needs
// (classification filled from the newcomer, agency from the office, group from the nationality).
//
// Hand-written instead of zod on purpose: the import must check 20,000+ lines per second, and
// the rules are mostly cross-field (dates against each other, the infringement rules by date and
// target group, the national number against birth date and gender), each needing its own reason
// (a message key, lib/i18n/message.ts) and a field path such as `events[3].decision.amountEur`. Pure: the reference codes
// (which users may extend in the database) are passed in.
import { validateNationalNumber } from "@/lib/domain/national-number";
import { toSearchName } from "@/lib/domain/search-name";
import { hasControlCharacter } from "@/lib/domain/validation/text";
import { msg, type MsgLike } from "@/lib/i18n/message";
import { todayIso } from "@/lib/i18n/format";
import {
  DECISION_OUTCOMES,
  DVZ_FOLLOW_UPS,
  EVENT_TYPES as EVENT_TYPE_CODES,
  NATIONALITY_GROUPS as NATIONALITY_GROUP_CODES,
  TARGET_GROUPS as TARGET_GROUP_CODES,
} from "@/lib/domain/codes";
import { FINE_MAX_EUR, FINE_MIN_EUR, isFineAmountInRange } from "@/lib/domain/fines/rules";
import { adviceFactsOn, earliestSteps, stepOrderBreach, stepOrderWarning } from "@/lib/domain/track/step-order";
import type { StoredContact } from "@/lib/domain/contact/contact.schema";
import { resolveContact } from "./contact";
import { infringementTypeProblem } from "./infringement-rules";
import type { DecisionOutcomeCode, DvzFollowUpCode, EventTypeCode, NationalityGroupCode, TargetGroupCode } from "./record";

export interface ReferenceCodes {
  /** office code → agency code */
  offices: Map<string, string>;
  /** nationality code → its default nationality group */
  nationalities: Map<string, NationalityGroupCode>;
  residenceStatuses: Set<string>;
  /** today in Brussels (YYYY-MM-DD), for the future-birth-date rule; computed when not given */
  today?: string;
}

/** `reason`: a key of messages/<locale>/errors.json (with parameters); the import page and the CLI show it in their language. */
export interface LineError {
  line: number;
  field: string;
  reason: MsgLike;
}

export interface ResolvedDecision {
  date: string;
  outcome: DecisionOutcomeCode;
  amountEur: number | null;
}

export interface ResolvedEvent {
  type: EventTypeCode;
  date: string;
  office: string;
  agency: string;
  nationality: string;
  nationalityGroup: NationalityGroupCode;
  residenceStatus: string;
  targetGroup: TargetGroupCode;
  infringementType: string | null;
  contractSigned: boolean | null;
  attestationObtained: boolean | null;
  followUp: DvzFollowUpCode | null;
  decision: ResolvedDecision | null;
}

export interface ResolvedNewcomer {
  nationalNumber: string;
  lastName: string;
  firstName: string;
  searchName: string;
  birthDate: string;
  gender: "M" | "V";
  nationality: string;
  nationalityGroup: NationalityGroupCode;
  residenceStatus: string;
  targetGroup: TargetGroupCode;
  office: string;
  agency: string;
  /** contact details (issue 14), null when the line has none */
  contact?: StoredContact | null;
  events: ResolvedEvent[];
}

/** `warnings`: steps out of the usual order (step-order.ts stepOrderWarning) — reported, the line is still imported. */
export type LineResult = { ok: true; value: ResolvedNewcomer; warnings?: LineError[] } | { ok: false; errors: LineError[] };

const EVENT_TYPES = new Set<string>(EVENT_TYPE_CODES);
const TARGET_GROUPS = new Set<string>(TARGET_GROUP_CODES);
const NATIONALITY_GROUPS = new Set<string>(NATIONALITY_GROUP_CODES);
const OUTCOMES = new Set<string>(DECISION_OUTCOMES);
const FOLLOW_UPS = new Set<string>(DVZ_FOLLOW_UPS);

const NEWCOMER_KEYS = new Set([
  "nationalNumber",
  "lastName",
  "firstName",
  "birthDate",
  "gender",
  "nationality",
  "nationalityGroup",
  "residenceStatus",
  "targetGroup",
  "office",
  "contact",
  "events",
]);
const EVENT_KEYS = new Set([
  "type",
  "date",
  "office",
  "nationality",
  "nationalityGroup",
  "residenceStatus",
  "targetGroup",
  "infringementType",
  "decision",
  "contractSigned",
  "attestationObtained",
  "followUp",
]);
const DECISION_KEYS = new Set(["date", "outcome", "amountEur"]);

// Dates repeat a lot across a file: remember which strings were checked.
const dateCache = new Map<string, boolean>();
export function isIsoDate(v: unknown): v is string {
  if (typeof v !== "string") return false;
  const hit = dateCache.get(v);
  if (hit !== undefined) return hit;
  let ok = /^\d{4}-\d{2}-\d{2}$/.test(v);
  if (ok) {
    const y = Number(v.slice(0, 4)),
      m = Number(v.slice(5, 7)),
      d = Number(v.slice(8, 10));
    const dt = new Date(Date.UTC(y, m - 1, d));
    ok = y >= 1900 && dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
  }
  if (dateCache.size < 100_000) dateCache.set(v, ok);
  return ok;
}

// Plain top-level helpers rather than closures per line: closures cost an allocation each, and
// tsx/esbuild's keepNames wraps every one in a name-setting call (measured: ~10% of the time).
function addError(errors: LineError[], line: number, field: string, reason: MsgLike): void {
  errors.push({ line, field, reason });
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const nonEmptyString = (v: unknown): v is string => typeof v === "string" && v.trim() !== "" && v.length <= 200;

/** Parses and validates one line (1-based `line` for the error list). */
export function validateExchangeLine(text: string, line: number, refs: ReferenceCodes): LineResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    // A raw NUL inside a string makes the JSON invalid; escaped, the line parses and the
    // check below can name the field that holds it.
    raw = text.includes("\0") ? parseOrUndefined(text.replace(/\0/g, "\\u0000")) : undefined;
    if (raw === undefined) return { ok: false, errors: [{ line, field: "", reason: "line.invalidJson" }] };
  }
  if (!isObject(raw)) return { ok: false, errors: [{ line, field: "", reason: "line.notObject" }] };
  const errors: LineError[] = [];
  // A control character can only be in a parsed string through an escape (\u0000, \n, …) or the
  // raw NUL escaped above: look for them only on lines with a backslash (cheap for the rest).
  if (text.includes("\\") || text.includes("\0")) controlCharacterFields(raw, "", line, errors);

  for (const k in raw) if (!NEWCOMER_KEYS.has(k)) addError(errors, line, k, "line.unknownField");

  const { nationalNumber, lastName, firstName, birthDate, gender, nationality, residenceStatus, targetGroup, office } = raw;
  if (!nonEmptyString(lastName)) addError(errors, line, "lastName", "line.lastName");
  if (!nonEmptyString(firstName)) addError(errors, line, "firstName", "line.firstName");
  if (!isIsoDate(birthDate)) addError(errors, line, "birthDate", "line.birthDate");
  else if (birthDate > (refs.today ?? todayIso())) addError(errors, line, "birthDate", "line.birthDateFuture");
  if (gender !== "M" && gender !== "V") addError(errors, line, "gender", "line.gender");
  if (typeof nationalNumber !== "string" || !/^\d{11}$/.test(nationalNumber)) {
    addError(errors, line, "nationalNumber", "line.nationalNumberDigits");
  } else {
    const expected: { birthDate?: string; gender?: "M" | "V" } = {};
    if (isIsoDate(birthDate)) expected.birthDate = birthDate;
    if (gender === "M" || gender === "V") expected.gender = gender;
    const check = validateNationalNumber(nationalNumber, expected);
    if (!check.ok) addError(errors, line, "nationalNumber", check.reason);
  }
  const nationalityDefault = typeof nationality === "string" ? refs.nationalities.get(nationality) : undefined;
  if (nationalityDefault === undefined) addError(errors, line, "nationality", msg("line.unknownNationality", { value: String(nationality) }));
  const nationalityGroup = raw.nationalityGroup === undefined ? nationalityDefault : raw.nationalityGroup;
  if (raw.nationalityGroup !== undefined && !NATIONALITY_GROUPS.has(raw.nationalityGroup as string)) {
    addError(errors, line, "nationalityGroup", msg("line.unknownNationalityGroup", { value: String(raw.nationalityGroup) }));
  }
  if (typeof residenceStatus !== "string" || !refs.residenceStatuses.has(residenceStatus))
    addError(errors, line, "residenceStatus", msg("line.unknownResidenceStatus", { value: String(residenceStatus) }));
  if (typeof targetGroup !== "string" || !TARGET_GROUPS.has(targetGroup))
    addError(errors, line, "targetGroup", msg("line.unknownTargetGroup", { value: String(targetGroup) }));
  const agency = typeof office === "string" ? refs.offices.get(office) : undefined;
  if (agency === undefined) addError(errors, line, "office", msg("line.unknownOffice", { value: String(office) }));
  if (!Array.isArray(raw.events)) addError(errors, line, "events", "line.eventsMissing");
  const contact = raw.contact === undefined ? null : resolveContact(raw.contact, (field, reason) => addError(errors, line, field, reason));
  // no early return: the events are checked too, so a line's errors are all listed in one round

  const person = {
    office: office as string,
    agency: agency as string,
    nationality: nationality as string,
    nationalityGroup: nationalityGroup as NationalityGroupCode,
    residenceStatus: residenceStatus as string,
    targetGroup: targetGroup as TargetGroupCode,
  };
  const events: ResolvedEvent[] = [];
  // each resolved event's place in the line (an invalid event leaves a gap), for the order errors
  const places: number[] = [];
  const rawEvents = Array.isArray(raw.events) ? (raw.events as unknown[]) : [];
  for (let i = 0; i < rawEvents.length; i++) {
    const ev = resolveEvent(rawEvents[i], i, person, refs, errors, line);
    if (ev) {
      events.push(ev);
      places.push(i);
    }
  }
  const warnings: LineError[] = [];
  // the order of the events that are valid on their own, even when other fields are wrong
  checkOrder(events, places, errors, line, warnings);
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    ...(warnings.length > 0 ? { warnings } : {}),
    value: {
      nationalNumber: nationalNumber as string,
      lastName: lastName as string,
      firstName: firstName as string,
      searchName: toSearchName(lastName as string, firstName as string),
      birthDate: birthDate as string,
      gender: gender as "M" | "V",
      ...person,
      contact,
      events,
    },
  };
}

function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Every string (keys' values, at any depth) with a NUL or another control character: PostgreSQL
 * refuses NUL in text (the whole import failed on it), and no field of a newcomer has a tab or a
 * line break.
 */
function controlCharacterFields(value: unknown, path: string, line: number, errors: LineError[]): void {
  if (typeof value === "string") {
    if (hasControlCharacter(value)) addError(errors, line, path, "line.controlCharacter");
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) controlCharacterFields(value[i], `${path}[${i}]`, line, errors);
  } else if (isObject(value)) {
    for (const k in value) controlCharacterFields(value[k], path ? `${path}.${k}` : k, line, errors);
  }
}

type Person = Pick<ResolvedEvent, "office" | "agency" | "nationality" | "nationalityGroup" | "residenceStatus" | "targetGroup">;

function eventError(errors: LineError[], line: number, index: number, field: string, reason: MsgLike): void {
  errors.push({ line, field: `events[${index}].${field}`, reason });
}

function resolveEvent(raw: unknown, index: number, person: Person, refs: ReferenceCodes, errors: LineError[], line: number): ResolvedEvent | null {
  if (!isObject(raw)) {
    addError(errors, line, `events[${index}]`, "line.eventNotObject");
    return null;
  }
  const errorsBefore = errors.length;
  for (const k in raw) if (!EVENT_KEYS.has(k)) eventError(errors, line, index, k, "line.unknownField");
  const type = raw.type as EventTypeCode;
  if (typeof raw.type !== "string" || !EVENT_TYPES.has(raw.type))
    eventError(errors, line, index, "type", msg("line.unknownEventType", { value: String(raw.type) }));
  if (!isIsoDate(raw.date)) eventError(errors, line, index, "date", "line.date");

  // classification: the event's own, else the newcomer's; the group of an own nationality is
  // derived from that nationality unless given.
  let officeCode = person.office,
    agency = person.agency;
  if (raw.office !== undefined) {
    const a = typeof raw.office === "string" ? refs.offices.get(raw.office) : undefined;
    if (a === undefined) eventError(errors, line, index, "office", msg("line.unknownOffice", { value: String(raw.office) }));
    else {
      officeCode = raw.office as string;
      agency = a;
    }
  }
  let nationality = person.nationality,
    nationalityGroup = person.nationalityGroup;
  if (raw.nationality !== undefined) {
    const g = typeof raw.nationality === "string" ? refs.nationalities.get(raw.nationality) : undefined;
    if (g === undefined) eventError(errors, line, index, "nationality", msg("line.unknownNationality", { value: String(raw.nationality) }));
    else if (raw.nationality !== person.nationality) {
      nationality = raw.nationality as string;
      nationalityGroup = g;
    }
  }
  if (raw.nationalityGroup !== undefined) {
    if (!NATIONALITY_GROUPS.has(raw.nationalityGroup as string))
      eventError(errors, line, index, "nationalityGroup", msg("line.unknownNationalityGroup", { value: String(raw.nationalityGroup) }));
    else nationalityGroup = raw.nationalityGroup as NationalityGroupCode;
  }
  let residenceStatus = person.residenceStatus;
  if (raw.residenceStatus !== undefined) {
    if (typeof raw.residenceStatus !== "string" || !refs.residenceStatuses.has(raw.residenceStatus))
      eventError(errors, line, index, "residenceStatus", msg("line.unknownResidenceStatus", { value: String(raw.residenceStatus) }));
    else residenceStatus = raw.residenceStatus;
  }
  let targetGroup = person.targetGroup;
  if (raw.targetGroup !== undefined) {
    if (typeof raw.targetGroup !== "string" || !TARGET_GROUPS.has(raw.targetGroup))
      eventError(errors, line, index, "targetGroup", msg("line.unknownTargetGroup", { value: String(raw.targetGroup) }));
    else targetGroup = raw.targetGroup as TargetGroupCode;
  }

  const isInfringement = type === "INFRINGEMENT",
    isAdvice = type === "DVZ_ADVICE";
  let infringementType: string | null = null;
  let decision: ResolvedDecision | null = null;
  if (isInfringement) {
    if (typeof raw.infringementType !== "string") eventError(errors, line, index, "infringementType", "line.infringementTypeRequired");
    else if (isIsoDate(raw.date)) {
      const problem = infringementTypeProblem(raw.infringementType, raw.date, targetGroup);
      if (problem) eventError(errors, line, index, "infringementType", problem);
      infringementType = raw.infringementType;
    }
    if (raw.decision !== undefined) decision = resolveDecision(raw.decision, raw.date, errors, line, index);
  } else {
    if (raw.infringementType !== undefined) eventError(errors, line, index, "infringementType", "line.onlyInfringementType");
    if (raw.decision !== undefined) eventError(errors, line, index, "decision", "line.onlyInfringementDecision");
  }
  let contractSigned: boolean | null = null,
    attestationObtained: boolean | null = null,
    followUp: DvzFollowUpCode | null = null;
  if (isAdvice) {
    if (raw.contractSigned !== undefined && typeof raw.contractSigned !== "boolean") eventError(errors, line, index, "contractSigned", "line.boolean");
    else contractSigned = (raw.contractSigned as boolean | undefined) ?? null;
    if (raw.attestationObtained !== undefined && typeof raw.attestationObtained !== "boolean")
      eventError(errors, line, index, "attestationObtained", "line.boolean");
    else attestationObtained = (raw.attestationObtained as boolean | undefined) ?? null;
    if (raw.followUp !== undefined && !FOLLOW_UPS.has(raw.followUp as string))
      eventError(errors, line, index, "followUp", msg("line.unknownFollowUp", { value: String(raw.followUp) }));
    else followUp = (raw.followUp as DvzFollowUpCode | undefined) ?? "ONBEKEND";
  } else {
    for (const k of ["contractSigned", "attestationObtained", "followUp"] as const) {
      if (raw[k] !== undefined) eventError(errors, line, index, k, "line.onlyAdviceField");
    }
  }
  if (errors.length > errorsBefore) return null;
  return {
    type,
    date: raw.date as string,
    office: officeCode,
    agency,
    nationality,
    nationalityGroup,
    residenceStatus,
    targetGroup,
    infringementType,
    contractSigned,
    attestationObtained,
    followUp,
    decision,
  };
}

function decisionError(errors: LineError[], line: number, index: number, field: string, reason: MsgLike): void {
  errors.push({ line, field: `events[${index}].decision.${field}`, reason });
}

function resolveDecision(raw: unknown, eventDate: unknown, errors: LineError[], line: number, index: number): ResolvedDecision | null {
  if (!isObject(raw)) {
    eventError(errors, line, index, "decision", "line.decisionNotObject");
    return null;
  }
  const errorsBefore = errors.length;
  for (const k in raw) if (!DECISION_KEYS.has(k)) decisionError(errors, line, index, k, "line.unknownField");
  if (!isIsoDate(raw.date)) decisionError(errors, line, index, "date", "line.date");
  else if (typeof eventDate === "string" && raw.date < eventDate)
    decisionError(errors, line, index, "date", msg("line.decisionBeforeEvent", { decision: raw.date, event: eventDate }));
  if (typeof raw.outcome !== "string" || !OUTCOMES.has(raw.outcome))
    decisionError(errors, line, index, "outcome", msg("line.unknownOutcome", { value: String(raw.outcome) }));
  let amountEur: number | null = null;
  if (raw.amountEur !== undefined) {
    if (raw.outcome !== "BOETE") decisionError(errors, line, index, "amountEur", "line.onlyFineAmount");
    else if (typeof raw.amountEur !== "number" || !isFineAmountInRange(raw.amountEur)) {
      decisionError(errors, line, index, "amountEur", msg("line.amountRange", { min: FINE_MIN_EUR, max: FINE_MAX_EUR }));
    } else amountEur = raw.amountEur;
  }
  if (errors.length > errorsBefore) return null;
  return { date: raw.date as string, outcome: raw.outcome as DecisionOutcomeCode, amountEur };
}

/**
 * No contract before a registration, no attestation before a contract (errors); an invitation or
 * a registration without an extraction on or before it (warnings) — lib/domain/track/step-order.ts.
 */
function checkOrder(events: ResolvedEvent[], places: number[], errors: LineError[], line: number, warnings: LineError[]) {
  const earliest = earliestSteps(events);
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (stepOrderWarning(e.type, e.date, earliest) !== null) {
      const key = e.type === "INVITATION" ? "line.invitationWithoutExtraction" : "line.registrationWithoutExtraction";
      eventError(warnings, line, places[i]!, "date", msg(key, { date: e.date }));
    }
    if (stepOrderBreach(e.type, e.date, earliest) === null) continue;
    if (e.type === "CONTRACT") {
      eventError(errors, line, places[i]!, "date", msg("line.contractBeforeRegistration", { date: e.date }));
    }
    if (e.type === "ATTESTATION") {
      eventError(errors, line, places[i]!, "date", msg("line.attestationBeforeContract", { date: e.date }));
    }
  }
  // the DVZ advice records what the track shows on its date unless the file says otherwise
  for (const e of events) {
    if (e.type !== "DVZ_ADVICE") continue;
    const facts = adviceFactsOn(e.date, events);
    if (e.contractSigned === null) e.contractSigned = facts.contractSigned;
    if (e.attestationObtained === null) e.attestationObtained = facts.attestationObtained;
  }
}
