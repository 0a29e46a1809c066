import "server-only";
// The dossier export: every newcomer (by national number) with all non-cancelled events and,
// per infringement, the effective FINAL decision (the latest one), as exchange lines. Read in
// one REPEATABLE READ snapshot, in batches, so the file is consistent and memory stays flat.
// Anonymised dossiers (issue 15) are left out, and counted: the export carries people to another
// system by their national number, and an anonymised one has none (its 'X…' number would be
// refused by the import, a pseudonym for a name would be a false person); their classification
// lives on in the reports, which is all that is left to carry.
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { maskNationalNumbersInText } from "@/lib/domain/national-number";
import { toExchangeLine } from "@/lib/domain/exchange/to-line";
import type { DecisionCode, NationalityGroupCode, TargetGroupCode } from "@/lib/domain/codes";
import type { ResolvedEvent } from "@/lib/domain/exchange/validate-line";
import { effectiveDecisionSql } from "@/lib/domain/fines/decision-state";

const BATCH = 5000;

interface NewcomerRow {
  id: string;
  national_number: string;
  last_name: string;
  first_name: string;
  birth_date: string;
  gender: "M" | "V";
  nationality_code: string;
  nationality_group: NationalityGroupCode;
  residence_status_code: string;
  target_group: TargetGroupCode;
  office_code: string;
  street: string | null;
  house_number: string | null;
  box_number: string | null;
  postal_code: string | null;
  city: string | null;
  country_code: string | null;
  phone_number: string | null;
  email_address: string | null;
  contact_language: string | null;
}
interface EventRow {
  newcomer_id: string;
  type: ResolvedEvent["type"];
  date: string;
  office_code: string;
  nationality_code: string;
  nationality_group: NationalityGroupCode;
  residence_status_code: string;
  target_group: ResolvedEvent["targetGroup"];
  infringement_type: string | null;
  contract_signed: boolean | null;
  attestation_obtained: boolean | null;
  dvz_follow_up: ResolvedEvent["followUp"];
  outcome: DecisionCode | null;
  decided_on: string | null;
  amount_eur: number | null;
}

/** Yields the export text in chunks (one batch of newcomers each); `counter.newcomers` counts them. */
export async function* exchangeExportChunks(client: pg.ClientBase, counter: { newcomers: number; anonymisedLeftOut?: number }): AsyncGenerator<string> {
  const left = await client.query<{ n: string }>("SELECT count(*) AS n FROM newcomer WHERE anonymised_at IS NOT NULL");
  counter.anonymisedLeftOut = Number(left.rows[0]!.n);
  const groups = await client.query<{ code: string; nationality_group: NationalityGroupCode }>("SELECT code, nationality_group FROM nationality");
  const groupByNationality = new Map(groups.rows.map((r) => [r.code, r.nationality_group]));
  const groupOf = (code: string) => groupByNationality.get(code);
  let after = "";
  for (;;) {
    const people = await client.query<NewcomerRow>(
      `SELECT id, national_number, last_name, first_name, to_char(birth_date, 'YYYY-MM-DD') AS birth_date, gender, nationality_code,
         nationality_group, residence_status_code, target_group, office_code,
         street, house_number, box_number, postal_code, city, country_code, phone_number, email_address, contact_language
       FROM newcomer WHERE national_number > $1 AND anonymised_at IS NULL ORDER BY national_number LIMIT ${BATCH}`,
      [after],
    );
    if (people.rows.length === 0) return;
    const events = await client.query<EventRow>(
      `SELECT e.newcomer_id, e.type, to_char(e.date, 'YYYY-MM-DD') AS date, e.office_code, e.nationality_code, e.nationality_group,
         e.residence_status_code, e.target_group, e.infringement_type, e.contract_signed, e.attestation_obtained, e.dvz_follow_up,
         d.outcome, to_char(d.decided_on, 'YYYY-MM-DD') AS decided_on, d.amount_eur
       FROM track_event e
       LEFT JOIN LATERAL (${effectiveDecisionSql("e.id", "x.outcome, x.decided_on, x.amount_eur")}) d ON e.type = 'INFRINGEMENT'
       WHERE e.newcomer_id = ANY($1::uuid[]) AND e.cancelled_at IS NULL`,
      [people.rows.map((p) => p.id)],
    );
    const byNewcomer = new Map<string, EventRow[]>();
    for (const e of events.rows) {
      const list = byNewcomer.get(e.newcomer_id);
      if (list) list.push(e);
      else byNewcomer.set(e.newcomer_id, [e]);
    }
    let chunk = "";
    for (const p of people.rows) {
      chunk += `${toExchangeLine(
        {
          nationalNumber: p.national_number,
          lastName: p.last_name,
          firstName: p.first_name,
          birthDate: p.birth_date,
          gender: p.gender,
          nationality: p.nationality_code,
          nationalityGroup: p.nationality_group,
          residenceStatus: p.residence_status_code,
          targetGroup: p.target_group,
          office: p.office_code,
          contact: {
            street: p.street,
            houseNumber: p.house_number,
            boxNumber: p.box_number,
            postalCode: p.postal_code,
            city: p.city,
            countryCode: p.country_code,
            phoneNumber: p.phone_number,
            emailAddress: p.email_address,
            contactLanguage: p.contact_language,
          },
          events: (byNewcomer.get(p.id) ?? []).map((e) => ({
            type: e.type,
            date: e.date,
            office: e.office_code,
            nationality: e.nationality_code,
            nationalityGroup: e.nationality_group,
            residenceStatus: e.residence_status_code,
            targetGroup: e.target_group,
            infringementType: e.infringement_type,
            contractSigned: e.contract_signed,
            attestationObtained: e.attestation_obtained,
            followUp: e.dvz_follow_up,
            decision: e.outcome && e.decided_on ? { outcome: e.outcome, date: e.decided_on, amountEur: e.amount_eur } : null,
          })),
        },
        groupOf,
      )}\n`;
    }
    counter.newcomers += people.rows.length;
    after = people.rows[people.rows.length - 1]!.national_number;
    yield chunk;
  }
}

export interface ExportOptions {
  databaseUrl: string;
  /** where the lines go; awaited, so a slow reader slows the export down instead of filling memory */
  write: (chunk: string) => Promise<void>;
  auditUser?: { userId: string; email: string; ip: string | null } | null;
  target: string;
}

/** Runs one export in a consistent snapshot and audits it (who, when, how many) in that transaction. */
export async function exportExchange(opts: ExportOptions): Promise<{ newcomers: number; anonymisedLeftOut: number }> {
  const client = new pg.Client({ connectionString: opts.databaseUrl });
  await client.connect();
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ");
    const counter = { newcomers: 0, anonymisedLeftOut: 0 };
    for await (const chunk of exchangeExportChunks(client, counter)) await opts.write(chunk);
    await client.query(
      `INSERT INTO audit_log (user_id, user_email, ip, action, entity_type, entity_id, after, reason)
       VALUES ($1, $2, $3, 'exchange.export', 'exchange', $4, $5, $6)`,
      [
        opts.auditUser?.userId ?? null,
        opts.auditUser?.email ?? null,
        opts.auditUser?.ip ?? null,
        maskNationalNumbersInText(opts.target),
        JSON.stringify({ newcomers: counter.newcomers, anonymisedLeftOut: counter.anonymisedLeftOut }),
        opts.auditUser ? null : "opdrachtregel (npm run export)",
      ],
    );
    await client.query("COMMIT");
    return counter;
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    await client.end();
  }
}

/** The command line's export: into a file, written next to it first and renamed when complete. */
export async function exportExchangeFile(opts: { databaseUrl: string; filePath: string }): Promise<{ newcomers: number; anonymisedLeftOut: number }> {
  const partial = `${opts.filePath}.partial`;
  const out = fs.createWriteStream(partial);
  const write = (chunk: string) => new Promise<void>((resolve, reject) => out.write(chunk, (e) => (e ? reject(e) : resolve())));
  try {
    const result = await exportExchange({ databaseUrl: opts.databaseUrl, write, target: path.basename(opts.filePath) });
    await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
    fs.renameSync(partial, opts.filePath);
    return result;
  } catch (e) {
    out.destroy();
    fs.rmSync(partial, { force: true });
    throw e;
  }
}
