import "server-only";
// The COPY column lists and row formatting of an import, shared by the import engine and the
// benchmark's plain-COPY floor (so both write exactly the same rows into the same tables).
import type { ResolvedEvent, ResolvedNewcomer } from "@/lib/domain/exchange/validate-line";
import { CONTACT_KEYS } from "@/lib/domain/contact/contact.schema";
import { copyValue as v } from "./copy-text";

export const NEWCOMER_COPY = `COPY newcomer (id, national_number, last_name, first_name, search_name, birth_date, gender,
  nationality_code, nationality_group, residence_status_code, target_group, office_code, agency_code, updated_at,
  street, house_number, box_number, postal_code, city, country_code, phone_number, email_address, contact_language) FROM STDIN`;
export const EVENT_COLUMNS = `id, newcomer_id, type, date, office_code, agency_code, nationality_code, nationality_group,
  residence_status_code, target_group, gender, infringement_type, contract_signed, attestation_obtained, dvz_follow_up, updated_at,
  is_first_of_type`;
export const EVENT_COPY = `COPY track_event (${EVENT_COLUMNS}) FROM STDIN`;
export const DECISION_COPY = `COPY infringement_decision (event_id, outcome, decided_on, amount_eur, status, payment_status, updated_at) FROM STDIN`;

const CHUNK_ROWS = 2000;

export function newcomerRow(n: ResolvedNewcomer, id: string, now: string): string {
  return (
    `${id}\t${n.nationalNumber}\t${v(n.lastName)}\t${v(n.firstName)}\t${v(n.searchName)}\t${n.birthDate}\t${n.gender}\t${v(n.nationality)}\t` +
    `${n.nationalityGroup}\t${v(n.residenceStatus)}\t${n.targetGroup}\t${v(n.office)}\t${v(n.agency)}\t${now}\t${contactCells(n)}\n`
  );
}

const NO_CONTACT = Array(CONTACT_KEYS.length).fill("\\N").join("\t");

function contactCells(n: ResolvedNewcomer): string {
  const c = n.contact;
  return c ? CONTACT_KEYS.map((k) => v(c[k])).join("\t") : NO_CONTACT;
}

export function eventRow(e: ResolvedEvent, id: string, newcomerId: string, gender: string, now: string, first: boolean): string {
  return (
    `${id}\t${newcomerId}\t${e.type}\t${e.date}\t${v(e.office)}\t${v(e.agency)}\t${v(e.nationality)}\t${e.nationalityGroup}\t${v(e.residenceStatus)}\t` +
    `${e.targetGroup}\t${gender}\t${v(e.infringementType)}\t${v(e.contractSigned)}\t${v(e.attestationObtained)}\t${v(e.followUp)}\t${now}\t` +
    `${first ? "t" : "f"}\n`
  );
}

export function decisionRow(e: ResolvedEvent, eventId: string, now: string): string {
  const d = e.decision!;
  // imported decisions are FINAL; a fine starts unpaid
  return `${eventId}\t${d.outcome}\t${d.date}\t${v(d.amountEur)}\tFINAL\t${d.outcome === "BOETE" ? "OPEN" : "\\N"}\t${now}\n`;
}

/** Yields blocks of CHUNK_ROWS rows; `each(i)` formats item i (or "" to skip it). */
export function* chunked(count: number, each: (i: number) => string, onChunk?: (done: number) => void): Generator<string> {
  let buf = "";
  let rows = 0;
  for (let i = 0; i < count; i++) {
    buf += each(i);
    if (++rows === CHUNK_ROWS) {
      yield buf;
      buf = "";
      rows = 0;
      onChunk?.(i + 1);
    }
  }
  if (buf) yield buf;
  onChunk?.(count);
}
