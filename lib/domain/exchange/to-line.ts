// The exchange line of one newcomer as stored, in a stable form: fixed key order, events sorted
// by date, type and content, and the classification written on an event only where it differs
// from what an import would fill in (the newcomer's, or the group of the event's own
// nationality). So export → import → export gives the same bytes.
import { CONTACT_KEYS, type StoredContact } from "@/lib/domain/contact/contact.schema";
import type { ExchangeContact, ExchangeEvent, ExchangeNewcomer, NationalityGroupCode } from "./record";
import type { ResolvedEvent, ResolvedNewcomer } from "./validate-line";

const TYPE_ORDER: Record<string, number> = { EXTRACTION: 0, INVITATION: 1, REGISTRATION: 2, CONTRACT: 3, ATTESTATION: 4, INFRINGEMENT: 5, DVZ_ADVICE: 6 };

type StoredNewcomer = Omit<ResolvedNewcomer, "searchName" | "agency" | "events"> & { events: Omit<ResolvedEvent, "agency">[] };

export function toExchangeLine(n: StoredNewcomer, groupOf: (nationality: string) => NationalityGroupCode | undefined): string {
  const out: ExchangeNewcomer = {
    nationalNumber: n.nationalNumber,
    lastName: n.lastName,
    firstName: n.firstName,
    birthDate: n.birthDate,
    gender: n.gender,
    nationality: n.nationality,
    ...(n.nationalityGroup !== groupOf(n.nationality) ? { nationalityGroup: n.nationalityGroup } : {}),
    residenceStatus: n.residenceStatus,
    targetGroup: n.targetGroup,
    office: n.office,
    ...contactOf(n.contact),
    events: [],
  };
  const events = n.events.map((e) => {
    const ownNationality = e.nationality !== n.nationality;
    const defaultGroup = ownNationality ? groupOf(e.nationality) : n.nationalityGroup;
    const ev: ExchangeEvent = {
      type: e.type,
      date: e.date,
      ...(e.office !== n.office ? { office: e.office } : {}),
      ...(ownNationality ? { nationality: e.nationality } : {}),
      ...(e.nationalityGroup !== defaultGroup ? { nationalityGroup: e.nationalityGroup } : {}),
      ...(e.residenceStatus !== n.residenceStatus ? { residenceStatus: e.residenceStatus } : {}),
      ...(e.targetGroup !== n.targetGroup ? { targetGroup: e.targetGroup } : {}),
    };
    if (e.type === "INFRINGEMENT") {
      if (e.infringementType !== null) ev.infringementType = e.infringementType;
      if (e.decision)
        ev.decision = { date: e.decision.date, outcome: e.decision.outcome, ...(e.decision.amountEur !== null ? { amountEur: e.decision.amountEur } : {}) };
    }
    if (e.type === "DVZ_ADVICE") {
      if (e.contractSigned !== null) ev.contractSigned = e.contractSigned;
      if (e.attestationObtained !== null) ev.attestationObtained = e.attestationObtained;
      ev.followUp = e.followUp ?? "ONBEKEND";
    }
    return { ev, text: JSON.stringify(ev) };
  });
  events.sort((a, b) =>
    a.ev.date < b.ev.date
      ? -1
      : a.ev.date > b.ev.date
        ? 1
        : TYPE_ORDER[a.ev.type]! - TYPE_ORDER[b.ev.type]! || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0),
  );
  out.events = events.map((e) => e.ev);
  return JSON.stringify(out);
}

/** The known contact fields in a fixed order, or nothing when none is known (old lines stay as they were). */
function contactOf(c: StoredContact | null | undefined): { contact?: ExchangeContact } {
  if (!c) return {};
  const out: ExchangeContact = {};
  for (const k of CONTACT_KEYS) if (c[k] !== null) out[k] = c[k];
  return Object.keys(out).length ? { contact: out } : {};
}
