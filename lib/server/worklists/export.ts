import "server-only";
// The CSV export of a worklist as the user sees it (its office filter and order, every page, up
// to the count cap), through the CSV writer with the formula guard (escapeCsvCell). National
// numbers are masked: the list shows them masked, and revealing one is a per-dossier, audited
// act (dossier.reveal), not something a whole list does. Audited (worklist.export) in the
// transaction that reads the rows. An anonymised dossier stays as a row (the list counts it) but
// as "geanonimiseerd" without name, number or birth date (issue 15, ANONYMISED_LIST_NAME).
import { escapeCsvCell } from "@/lib/domain/dvz/csv";
import { ANONYMISED_LIST_NAME } from "@/lib/domain/retention/personal-data";
import { sortParamOf } from "@/lib/domain/lists/list-params";
import { assertCan, type Actor } from "@/lib/server/auth/actor";
import { recordAudit } from "@/lib/server/audit/audit";
import { db } from "@/lib/server/db";
import { WORKLIST_COUNT_CAP, WORKLIST_PERMISSION, type Worklist } from "./definitions";
import { allWorklistRows, type WorklistQuery } from "./worklists";

const HEADER = ["naam", "rijksregisternummer", "geboortedatum", "kantoor", "sinds", "termijn_verstreken_na", "bedrag_eur"];

export async function exportWorklistCsv(actor: Actor, list: Worklist, query: WorklistQuery, now = new Date()) {
  assertCan(actor, WORKLIST_PERMISSION[list]);
  return db.$transaction(
    async (tx) => {
      const rows = await allWorklistRows(tx, actor, list, query, WORKLIST_COUNT_CAP, now);
      const lines = [HEADER.join(",")];
      const anonymised = new Set(
        (await tx.newcomer.findMany({ where: { id: { in: rows.map((r) => r.newcomerId) }, anonymisedAt: { not: null } }, select: { id: true } })).map(
          (n) => n.id,
        ),
      );
      for (const r of rows) {
        const who = anonymised.has(r.newcomerId) ? [ANONYMISED_LIST_NAME, "", ""] : [r.name, r.maskedNationalNumber, r.birthDate];
        lines.push([...who, r.office, r.since, r.dueOn ?? "", r.amountEur === null ? "" : String(r.amountEur)].map(escapeCsvCell).join(","));
      }
      await recordAudit(tx, actor, {
        action: "worklist.export",
        entityType: "worklist",
        entityId: list,
        agencyCode: actor.agencyCode,
        after: { list, office: query.office, sort: sortParamOf(query), count: rows.length, newcomerIds: rows.map((r) => r.newcomerId) },
      });
      const stamp = now.toISOString().slice(0, 10);
      return { csv: `${lines.join("\r\n")}\r\n`, fileName: `werklijst-${list}-${stamp}.csv`, count: rows.length };
    },
    { timeout: 60_000 },
  );
}
