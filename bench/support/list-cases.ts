// The dossier list's filter combinations for bench/dossiers.bench.ts, generated from what the list
// form offers (lib/server/dossiers/newcomer.schema.ts): every status, target group, an office or
// none, an extraction year or none, each kind of search text, each sort order, page 3, and the
// ADMIN scope. Each case is the form's input as the page passes it to listNewcomers.
import { TRACK_STEPS } from "../../lib/domain/track/track-rules";

export interface ListCase {
  group: "filters" | "search" | "sort" | "admin";
  label: string;
  admin: boolean;
  input: Record<string, string>;
}

const STATUSES = ["", "GEEN", ...TRACK_STEPS];
const TARGET_GROUPS = ["", "PLICHT", "RECHT", "ONBEPAALD"];
const SORTS = ["naam", "-naam", "geboortedatum", "-geboortedatum", "nieuwste"];

const label = (input: Record<string, string>) =>
  Object.entries(input)
    .map(([k, v]) => `${k}=${v}`)
    .join(" ") || "(geen filter)";

function set(input: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(input).filter((e): e is [string, string] => !!e[1]));
}

/** `office`: an office of the staff member's agency; `years`: two extraction years present in the data; the search texts from the data. */
export function listCases(opts: {
  office: string;
  years: [number, number];
  search: { name: string; twoWords: string; nnPrefix: string; nn: string; birthDate: string; nameYear: string };
}): ListCase[] {
  const cases: ListCase[] = [];
  const years = ["", String(opts.years[0]), String(opts.years[1])];
  // every combination of the structured filters, STAFF of one agency
  for (const office of ["", opts.office])
    for (const targetGroup of TARGET_GROUPS)
      for (const status of STATUSES)
        for (const extractionYear of years) {
          const input = set({ office, targetGroup, status, extractionYear });
          cases.push({ group: "filters", label: label(input), admin: false, input });
        }
  // each kind of search text, alone and with a status and a year
  const texts = Object.values(opts.search);
  for (const q of texts)
    for (const [status, extractionYear] of [
      ["", ""],
      ["REGISTRATION", ""],
      ["", years[1]!],
      ["CONTRACT", years[2]!],
    ] as const) {
      const input = set({ q, status, extractionYear });
      cases.push({ group: "search", label: label(input), admin: false, input });
    }
  for (const sort of SORTS)
    for (const page of ["", "3"]) {
      const input = set({ sort, page });
      cases.push({ group: "sort", label: label(input), admin: false, input });
    }
  // ADMIN (every agency): status × year, and a name
  for (const status of STATUSES)
    for (const extractionYear of years) {
      const input = set({ status, extractionYear });
      cases.push({ group: "admin", label: label(input), admin: true, input });
    }
  cases.push({ group: "admin", label: `q=${opts.search.name}`, admin: true, input: { q: opts.search.name } });
  return cases;
}
