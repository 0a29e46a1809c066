import "server-only";
// The exports of the lists (issue 14), each its list's own read and filters through the one
// export (export-list.ts): the dossier list, every worklist (the reminders list is the worklist
// "herinneringen"), the fines queue and the DVZ advice list. The input is what the list's export
// form posts: the filters the page applies (components/lists/export-form.tsx) plus format and
// volledig. Column names are machine readable and the same in every language, like the DVZ file.
import type { ExportColumn } from "@/lib/domain/lists/export-table";
import { parseListParams, sortParamOf } from "@/lib/domain/lists/list-params";
import type { Actor } from "@/lib/server/auth/actor";
import { allNewcomerListRows } from "@/lib/server/dossiers/list-newcomers";
import { listNewcomersSchema } from "@/lib/server/dossiers/newcomer.schema";
import { isNationalNumberQuery, resolveSearchToken } from "@/lib/server/dossiers/search-token";
import { allDvzAdvices, DVZ_ADVICE_COLUMNS } from "@/lib/server/dvz/advice";
import { adviceListFilterSchema } from "@/lib/server/dvz/dvz.schema";
import { NotFoundError, ValidationError } from "@/lib/server/errors";
import { allUndecidedInfringements } from "@/lib/server/fines/queue";
import { queueQuerySchema } from "@/lib/server/fines/queue.schema";
import { parseInput } from "@/lib/server/kit/parse-input";
import { isWorklist, WORKLIST_PERMISSION } from "@/lib/server/worklists/definitions";
import { allWorklistRows, worklistQueryOf } from "@/lib/server/worklists/worklists";
import { exportList, exportOptionsOf } from "./export-list";

type Input = Record<string, string>;

const text = (header: string): ExportColumn => ({ header, kind: "text" });
const date = (header: string): ExportColumn => ({ header, kind: "date" });
const number = (header: string): ExportColumn => ({ header, kind: "number" });
/** The columns that say who the row is about (blanked for an anonymised dossier, export-list.ts). */
const who = (header: string): ExportColumn => ({ header, kind: "text", who: "name" });
const whoText = (header: string): ExportColumn => ({ header, kind: "text", who: "other" });
const whoDate = (header: string): ExportColumn => ({ header, kind: "date", who: "other" });

/** The dossier list with its search (a number search arrives as its token `zoek`), filters and sort. */
export async function exportNewcomerList(actor: Actor, input: Input, now = new Date()) {
  const q = input.zoek ? await resolveSearchToken(actor, input.zoek) : (input.q ?? "");
  if (q === null) throw new ValidationError({ q: "request.badRequest" });
  const query = parseInput(listNewcomersSchema, {
    q,
    office: input.office,
    targetGroup: input.targetGroup,
    status: input.status,
    extractionYear: input.extractionYear,
    sort: input.sort,
  });
  const { page: _page, ...applied } = query;
  // a number search is personal data: the audit keeps that it was one, not the digits
  const filters = { ...applied, q: query.q && isNationalNumberQuery(query.q) ? "(rijksregisternummer)" : (query.q ?? null) };
  return exportList(
    actor,
    {
      action: "newcomer.list.export",
      list: "dossiers",
      permission: "dossier.read",
      filters,
      columns: [
        who("achternaam"),
        whoText("voornaam"),
        whoText("rijksregisternummer"),
        whoDate("geboortedatum"),
        text("geslacht"),
        text("kantoor"),
        text("doelgroep"),
        text("status"),
      ],
      read: (tx, limit) => allNewcomerListRows(tx, actor, query, limit),
      newcomerId: (r) => r.id,
      maskedNationalNumber: (r) => r.maskedNationalNumber,
      cells: (r, nn) => [r.lastName, r.firstName, nn, r.birthDate, r.gender, r.officeLabel, r.targetGroup, r.status ?? "GEEN"],
    },
    exportOptionsOf(input),
    now,
  );
}

/** A worklist (also the reminders list, "herinneringen") with its office filter and sort. */
export async function exportWorklist(actor: Actor, list: string, input: Input, now = new Date()) {
  if (!isWorklist(list)) throw new NotFoundError();
  const query = { ...worklistQueryOf(input), page: 1 };
  const fines = list === "herinneringen" || list === "overdracht";
  return exportList(
    actor,
    {
      action: "worklist.export",
      list: `werklijst-${list}`,
      permission: WORKLIST_PERMISSION[list],
      filters: { list, office: query.office, sort: sortParamOf(query) },
      columns: [
        who("naam"),
        whoText("rijksregisternummer"),
        whoDate("geboortedatum"),
        text("kantoor"),
        date("sinds"),
        date("termijn_verstreken_na"),
        ...(fines ? [number("bedrag_eur")] : []),
      ],
      read: (tx, limit) => allWorklistRows(tx, actor, list, query, limit, now),
      newcomerId: (r) => r.newcomerId,
      maskedNationalNumber: (r) => r.maskedNationalNumber,
      cells: (r, nn) => [r.name, nn, r.birthDate, r.office, r.since, r.dueOn, ...(fines ? [r.amountEur] : [])],
    },
    exportOptionsOf(input),
    now,
  );
}

/** The fines queue (undecided infringement dossiers) with its agency, type and age filters. */
export async function exportFineQueue(actor: Actor, input: Input, now = new Date()) {
  const { page: _page, ...query } = parseInput(queueQuerySchema, { agency: input.agency, type: input.type, minAgeDays: input.minAgeDays });
  return exportList(
    actor,
    {
      action: "fine.queue.export",
      list: "inbreukdossiers",
      permission: "fine.read",
      filters: query,
      columns: [date("ontvangen_op"), number("dagen"), who("naam"), whoText("rijksregisternummer"), text("inbreuk"), text("agentschap"), text("kantoor")],
      read: (tx, limit) => allUndecidedInfringements(tx, actor, { ...query, page: 1 }, limit, now),
      newcomerId: (r) => r.newcomer.id,
      maskedNationalNumber: (r) => r.newcomer.maskedNationalNumber,
      cells: (r, nn) => [r.receivedOn, r.ageDays, r.newcomer.name, nn, r.infringementType, r.agency, r.office],
    },
    exportOptionsOf(input),
    now,
  );
}

/** The DVZ advice list with its name filter and sort. */
export async function exportDvzAdviceList(actor: Actor, input: Input, now = new Date()) {
  const params = parseListParams(input, DVZ_ADVICE_COLUMNS, "-datum");
  const { naam: name } = parseInput(adviceListFilterSchema, { naam: input.naam });
  const opts = { name, sort: params.sort, desc: params.desc };
  return exportList(
    actor,
    {
      action: "dvz.advice.list.export",
      list: "dvz-adviezen",
      permission: "dvz.advise",
      filters: { naam: name || null, sort: sortParamOf(params) },
      columns: [
        date("datum"),
        who("naam"),
        whoText("rijksregisternummer"),
        text("contract_ondertekend"),
        text("attest_behaald"),
        text("gevolg"),
        date("gevolg_op"),
      ],
      read: (tx, limit) => allDvzAdvices(tx, actor, opts, limit),
      newcomerId: (r) => r.newcomer.id,
      maskedNationalNumber: (r) => r.newcomer.maskedNationalNumber,
      cells: (r, nn) => [r.date, r.newcomer.name, nn, r.contractSigned ? "ja" : "nee", r.attestationObtained ? "ja" : "nee", r.followUp, r.followUpOn],
    },
    exportOptionsOf(input),
    now,
  );
}
