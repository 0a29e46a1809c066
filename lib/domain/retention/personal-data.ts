// The personal columns of every table, and what anonymisation puts in their place (issue 15): the
// ONE list lib/server/retention/anonymise.ts builds its UPDATEs from. A slice that adds a table
// or a column holding personal data (contact details, letters, aliases of national numbers) adds
// one line here; `keyOf` says how a table's rows belong to the newcomers being anonymised.
// The classification (office, agency, nationality, group, residence status, target group,
// gender, dates) is not personal data in this sense and stays: every report keeps its figures.

/** What a personal column becomes. */
export type Replacement =
  /** the newcomer's random pseudonym (newcomer.pseudonym) */
  | "pseudonym"
  /** the pseudonym, lower-case (the trigram search column) */
  | "searchPseudonym"
  /** empty text (NOT NULL columns without meaning once anonymised) */
  | "empty"
  /** NULL (optional columns) */
  | "null"
  /** a fixed marker, for a free text whose presence matters (a cancellation has a reason) */
  | "marker"
  /** a unique number that can never be a national number (a letter first): the column is UNIQUE NOT NULL */
  | "anonymousNumber"
  /** the first of January of the same year: the age band stays, the birthday goes */
  | "yearOnly";

/**
 * How a table's rows are found from the newcomer ids: the newcomer itself, its events, the
 * decisions on its events, its aliases, or another row with newcomer_id.
 */
export type RowKey = "newcomer" | "event" | "decision" | "alias" | "ofNewcomer";

export interface PersonalTable {
  table: string;
  key: RowKey;
  columns: Record<string, Replacement>;
}

/**
 * What a list export (CSV/XLSX of the dossier list, a worklist) writes for an anonymised dossier in
 * place of its name, with its number and birth date left empty (issue 15): the row may stay — it is
 * still a step in the figures the list counts — but nothing that looks like an identifier (not the
 * pseudonym, not the 'X…' number) leaves the system in a file.
 */
export const ANONYMISED_LIST_NAME = "geanonimiseerd";

/** The text a "marker" replacement writes (Dutch: the data, not the UI). */
export const ANONYMISED_MARKER = "[geanonimiseerd]";

export const personalData: readonly PersonalTable[] = [
  {
    table: "newcomer",
    key: "newcomer",
    columns: {
      national_number: "anonymousNumber",
      last_name: "pseudonym",
      first_name: "empty",
      search_name: "searchPseudonym",
      birth_date: "yearOnly",
      street: "null",
      postal_code: "null",
      city: "null",
      // contact details (issue 14)
      house_number: "null",
      box_number: "null",
      country_code: "null",
      phone_number: "null",
      email_address: "null",
      contact_language: "null",
    },
  },
  // the other number of a merged dossier (issue 14) still found the person: it goes like the newcomer's own
  { table: "newcomer_alias", key: "alias", columns: { national_number: "anonymousNumber" } },
  { table: "track_event", key: "event", columns: { note: "null", cancel_reason: "marker" } },
  { table: "infringement_decision", key: "decision", columns: { motivation: "empty", correction_reason: "marker" } },
  // a removed legal hold stays as history; its reasons are free texts that may name the person
  { table: "legal_hold", key: "ofNewcomer", columns: { reason: "marker", removal_reason: "marker" } },
];

/**
 * The keys of audit rows' before/after (and their nested objects) that hold personal data or
 * free text: their values are replaced by the marker in every audit row of the person, so the
 * dossier history (which shows old values) and the audit listing keep what was done, not to whom.
 * Column names (snake) and the data layer's field names (camel) alike.
 */
export const personalAuditKeys: readonly string[] = [
  "nationalNumber",
  "national_number",
  "lastName",
  "last_name",
  "firstName",
  "first_name",
  "name",
  "searchName",
  "search_name",
  "birthDate",
  "birth_date",
  "street",
  "postalCode",
  "postal_code",
  "city",
  "houseNumber",
  "house_number",
  "boxNumber",
  "box_number",
  "countryCode",
  "country_code",
  "phoneNumber",
  "phone_number",
  "emailAddress",
  "email_address",
  "contactLanguage",
  "contact_language",
  "note",
  "motivation",
  "cancelReason",
  "cancel_reason",
  "correctionReason",
  "correction_reason",
  "reason",
  "query",
];
