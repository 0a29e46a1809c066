// Synthetic newcomers in the exchange format, for the import benchmark and the exchange tests:
// deterministic (seeded), valid by every import rule, ~4 events each, unique national numbers.
import { makeNationalNumber } from "../../lib/domain/national-number";
import type { ExchangeEvent, ExchangeNewcomer } from "../../lib/domain/exchange/record";

const LAST = ["El Amrani", "Öztürk", "Janssens", "Nowak", "Haddad", "Popescu", "Diallo", "Kaya", "Mensah", "Ivanova"];
const FIRST = ["Samira", "Mehmet", "Ayşe", "Jan", "Fatima", "Olena", "Ahmed", "Maria", "Yusuf", "Amina"];
const NATIONALITIES = ["MAR", "TUR", "POL", "SYR", "AFG", "ROU", "UKR", "NLD", "IND", "XXX"];
const STATUSES = ["GEZINSHERENIGING_BELG", "GEZINSHERENIGING_DERDELANDER", "ARBEIDSMIGRANT_EU", "STUDENT_DERDELANDER"];
const OFFICES = ["ATLAS", "IN_GENT", "AGII_ANTWERPEN", "AGII_LIMBURG", "AGII_OOST_VLAANDEREN", "AGII_VLAAMS_BRABANT", "AGII_WEST_VLAANDEREN", "AGII_BRUSSEL"];
const FINES = [50, 100, 150, 375, 750, 1500];

const DAY = 86_400_000;
const BIRTH_START = Date.UTC(1950, 0, 1);
const BIRTH_DAYS = 18_000; // about 49 years of birth dates
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

/** The i-th synthetic newcomer (0-based); the same i always gives the same line. */
export function syntheticNewcomer(i: number, opts: { offices?: string[] } = {}): ExchangeNewcomer {
  const offices = opts.offices ?? OFFICES;
  const birthDate = iso(BIRTH_START + (i % BIRTH_DAYS) * DAY);
  const gender = i % 2 === 0 ? "M" : "V";
  // sequence parity carries the gender; the block of i picks the sequence
  const sequence = 1 + 2 * Math.floor(i / BIRTH_DAYS) + (gender === "V" ? 1 : 0);
  const targetGroup = i % 10 === 9 ? "RECHT" : "PLICHT";
  const start = Date.UTC(2019, 0, 1) + ((i * 7919) % 1200) * DAY;
  const events: ExchangeEvent[] = [
    { type: "EXTRACTION", date: iso(start) },
    { type: "INVITATION", date: iso(start + 10 * DAY) },
  ];
  if (i % 5 !== 4) {
    events.push({ type: "REGISTRATION", date: iso(start + 30 * DAY) });
    events.push({ type: "CONTRACT", date: iso(start + 50 * DAY), ...(i % 13 === 0 ? { office: offices[(i + 1) % offices.length]! } : {}) });
    if (i % 3 === 0) events.push({ type: "ATTESTATION", date: iso(start + 300 * DAY) });
  } else if (targetGroup === "PLICHT") {
    const date = iso(start + 120 * DAY);
    const infringementType = date >= "2022-03-01" ? "NIET_REGELMATIG_DEELGENOMEN" : "NIET_TIJDIG_AANGEMELD";
    events.push({
      type: "INFRINGEMENT",
      date,
      infringementType,
      ...(i % 2 === 0 ? { decision: { date: iso(start + 150 * DAY), outcome: "BOETE" as const, amountEur: FINES[i % FINES.length]! } } : {}),
    });
    events.push({ type: "DVZ_ADVICE", date: iso(start + 200 * DAY), contractSigned: false, attestationObtained: false, followUp: "ONBEKEND" });
  }
  return {
    nationalNumber: makeNationalNumber(birthDate, sequence),
    lastName: LAST[i % LAST.length]!,
    firstName: FIRST[(i >> 3) % FIRST.length]!,
    birthDate,
    gender,
    nationality: NATIONALITIES[i % NATIONALITIES.length]!,
    residenceStatus: STATUSES[i % STATUSES.length]!,
    targetGroup,
    office: offices[i % offices.length]!,
    events,
  };
}

/** `count` newcomers from `offset` as JSON Lines text (one trailing newline). */
export function syntheticExchangeText(count: number, opts: { offset?: number; offices?: string[] } = {}): string {
  const parts: string[] = [];
  for (let i = 0; i < count; i++) parts.push(JSON.stringify(syntheticNewcomer((opts.offset ?? 0) + i, opts)));
  return `${parts.join("\n")}\n`;
}
