// Loads exchange-format records (synthetic, or a JSONL file such as the demo generator's
// `--scale 10` output) into track_event & co. with COPY, in chunks. The first-of-type marker is
// left to the database triggers, as for any COPY-based import.
import crypto from "node:crypto";
import fs from "node:fs";
import readline from "node:readline";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { codes } from "@/lib/domain/codes";
import { firstOfTypeFlags } from "@/lib/domain/track/first-of-type";
import type { ExchangeRecord } from "./report-synthetic";

const groupOf = new Map(codes.nationalities.map((n) => [n.code, n.group]));
const agencyOf = new Map(codes.offices.map((o) => [o.code, o.agency]));
const esc = (v: unknown) =>
  v === null || v === undefined ? "\\N" : String(v).replace(/[\\\t\n\r]/g, (c) => ({ "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" })[c]!);
const line = (cols: unknown[]) => `${cols.map(esc).join("\t")}\n`;

export async function* readJsonl(file: string): AsyncGenerator<ExchangeRecord> {
  const rl = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });
  for await (const l of rl) if (l.trim()) yield JSON.parse(l) as ExchangeRecord;
}

async function copy(client: pg.PoolClient, sql: string, rows: string[]) {
  if (rows.length === 0) return;
  await pipeline(Readable.from(rows), client.query(copyFrom(sql)));
}

/**
 * `markFirst`: write is_first_of_type from the records themselves (the earliest event of each
 * type per newcomer), for the bulk path that loads with triggers off (session_replication_role =
 * replica) and without indexes; otherwise the database triggers set it, as for any import.
 */
export async function loadRecords(
  client: pg.PoolClient,
  records: Iterable<ExchangeRecord> | AsyncIterable<ExchangeRecord>,
  chunk = 100_000,
  log: (s: string) => void = () => {},
  markFirst = false,
) {
  let newcomers: string[] = [],
    events: string[] = [],
    decisions: string[] = [];
  let n = 0,
    e = 0;
  const flush = async () => {
    const t0 = performance.now();
    await copy(
      client,
      `COPY newcomer (id, national_number, last_name, first_name, search_name, birth_date, gender, nationality_code, nationality_group,
        residence_status_code, target_group, office_code, agency_code, updated_at) FROM STDIN`,
      newcomers,
    );
    const t1 = performance.now();
    await copy(
      client,
      `COPY track_event (id, newcomer_id, type, date, office_code, agency_code, nationality_code, nationality_group, residence_status_code, target_group,
        gender, infringement_type, contract_signed, attestation_obtained, dvz_follow_up, updated_at, is_first_of_type) FROM STDIN`,
      events,
    );
    const t2 = performance.now();
    await copy(client, "COPY infringement_decision (event_id, outcome, decided_on, amount_eur, status, updated_at) FROM STDIN", decisions);
    newcomers = [];
    events = [];
    decisions = [];
    log(
      `  ${n} inburgeraars, ${e} gebeurtenissen (COPY newcomer ${((t1 - t0) / 1000).toFixed(1)} s, ` +
        `COPY track_event ${((t2 - t1) / 1000).toFixed(1)} s, besluiten ${((performance.now() - t2) / 1000).toFixed(1)} s)`,
    );
  };
  const now = new Date().toISOString();
  for await (const r of records) {
    const id = crypto.randomUUID();
    const group = groupOf.get(r.nationality) ?? "DERDELANDER";
    const agency = agencyOf.get(r.office) ?? r.office;
    newcomers.push(
      line([
        id,
        r.nationalNumber,
        r.lastName,
        r.firstName,
        `${r.lastName} ${r.firstName}`.toLowerCase(),
        r.birthDate,
        r.gender,
        r.nationality,
        group,
        r.residenceStatus,
        r.targetGroup,
        r.office,
        agency,
        now,
      ]),
    );
    const eventIds = r.events.map(() => crypto.randomUUID());
    const firsts = markFirst ? firstOfTypeFlags(r.events, eventIds) : null;
    for (const [j, ev] of r.events.entries()) {
      const eid = eventIds[j]!;
      const office = ev.office ?? r.office;
      events.push(
        line([
          eid,
          id,
          ev.type,
          ev.date,
          office,
          agencyOf.get(office) ?? agency,
          r.nationality,
          group,
          r.residenceStatus,
          r.targetGroup,
          r.gender,
          ev.infringementType ?? null,
          ev.contractSigned ?? null,
          ev.attestationObtained ?? null,
          ev.type === "DVZ_ADVICE" ? (ev.followUp ?? "ONBEKEND") : null,
          now,
          firsts?.[j] ?? false,
        ]),
      );
      if (ev.decision) decisions.push(line([eid, ev.decision.outcome, ev.decision.date, ev.decision.amountEur ?? null, "FINAL", now]));
      e++;
    }
    if (++n % chunk === 0) await flush();
  }
  await flush();
  return { newcomers: n, events: e };
}
