import "server-only";
// The one export of a list as the user sees it (issue 14): the list's own read (its filters and
// order, every page) up to EXPORT_ROW_CAP in ONE transaction with the audit entry that names every
// exported dossier, written as CSV or XLSX by the one table writer (lib/domain/lists/export-table.ts,
// formula guard included). National numbers leave masked, as the list shows them; in full only
// when the user ticked "met volledige rijksregisternummers" AND their role may reveal numbers
// (dossier.reveal) — then the audit entry says `revealed: true`. The lists that use it:
// lib/server/lists/list-exports.ts.
import { EXPORT_ROW_CAP, type ExportCell, type ExportColumn, tableToCsv, tableToXlsx } from "@/lib/domain/lists/export-table";
import { can } from "@/lib/domain/permissions";
import { ANONYMISED_LIST_NAME } from "@/lib/domain/retention/personal-data";
import { formatNumber } from "@/lib/i18n/format";
import { translator } from "@/lib/i18n/messages";
import { assertCan, type Actor } from "@/lib/server/auth/actor";
import { type AuditAction, recordAudit } from "@/lib/server/audit/audit";
import { db } from "@/lib/server/db";
import { ForbiddenError } from "@/lib/server/errors";
import type { Tx } from "@/lib/server/kit/tx";

export type ExportFormat = "csv" | "xlsx";

export interface ListExportOptions {
  format: ExportFormat;
  /** the box "met volledige rijksregisternummers" was ticked */
  reveal: boolean;
}

/** The form fields every export form posts beside the list's filters (components/lists/export-form.tsx). */
export function exportOptionsOf(input: Record<string, unknown>): ListExportOptions {
  return { format: input.format === "xlsx" ? "xlsx" : "csv", reveal: input.volledig === "1" || input.volledig === "on" };
}

export interface ListExport<R> {
  action: Extract<AuditAction, "newcomer.list.export" | "worklist.export" | "fine.queue.export" | "dvz.advice.list.export">;
  /** the list's name: the audit entry's entityId, the file name's start, the sheet */
  list: string;
  permission: Parameters<typeof assertCan>[1];
  /** the filters and order as the list applies them — never a national number (the audit masks any anyway) */
  filters: Record<string, unknown>;
  columns: readonly ExportColumn[];
  /** the list's rows in its order, at most `limit`, read in the export's transaction */
  read: (tx: Tx, limit: number) => Promise<R[]>;
  newcomerId: (row: R) => string;
  /** the row's cells; `nationalNumber` is masked, or in full when revealed */
  cells: (row: R, nationalNumber: string) => ExportCell[];
  maskedNationalNumber: (row: R) => string;
}

export interface ExportedFile {
  body: string | Buffer;
  contentType: string;
  fileName: string;
  count: number;
  capped: boolean;
}

const CONTENT_TYPE: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

export async function exportList<R>(actor: Actor, spec: ListExport<R>, options: ListExportOptions, now = new Date()): Promise<ExportedFile> {
  assertCan(actor, spec.permission);
  // asking for numbers one may not reveal is refused, not silently answered masked
  if (options.reveal && !can(actor.role, "dossier.reveal")) throw new ForbiddenError();
  const t = translator("common", actor.locale);
  const cap = formatNumber(EXPORT_ROW_CAP, actor.locale);
  const result = await db.$transaction(
    async (tx) => {
      // one row more than the cap tells whether the list was cut
      const read = await spec.read(tx, EXPORT_ROW_CAP + 1);
      const capped = read.length > EXPORT_ROW_CAP;
      const rows = capped ? read.slice(0, EXPORT_ROW_CAP) : read;
      const ids = rows.map(spec.newcomerId);
      const full = options.reveal ? await nationalNumbersOf(tx, ids) : null;
      const anonymised = await anonymisedOf(tx, ids);
      const table = {
        sheetName: spec.list,
        columns: spec.columns,
        rows: rows.map((r) => {
          const cells = spec.cells(r, full?.get(spec.newcomerId(r)) ?? spec.maskedNationalNumber(r));
          return anonymised.has(spec.newcomerId(r)) ? withoutWho(spec.columns, cells) : cells;
        }),
        cappedNote: capped ? t("lists.export.cappedFile", { cap }) : null,
      };
      await recordAudit(tx, actor, {
        action: spec.action,
        entityType: "list",
        entityId: spec.list,
        agencyCode: actor.agencyCode,
        after: {
          list: spec.list,
          format: options.format,
          filters: spec.filters,
          count: rows.length,
          capped,
          revealed: options.reveal,
          newcomerIds: [...new Set(ids)],
        },
      });
      return { table, count: rows.length, capped };
    },
    { timeout: 60_000 },
  );
  const body = options.format === "xlsx" ? await tableToXlsx(result.table) : tableToCsv(result.table);
  const stamp = now.toISOString().slice(0, 10);
  return {
    body,
    contentType: CONTENT_TYPE[options.format],
    fileName: `${spec.list}-${stamp}.${options.format}`,
    count: result.count,
    capped: result.capped,
  };
}

/** The full numbers of the exported rows: the list already applied the actor's scope to these ids. */
async function nationalNumbersOf(tx: Tx, ids: string[]): Promise<Map<string, string>> {
  const rows = await tx.newcomer.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, nationalNumber: true } });
  return new Map(rows.map((r) => [r.id, r.nationalNumber]));
}

/** The exported rows' dossiers that were anonymised (issue 15): still rows of the list, but without who. */
async function anonymisedOf(tx: Tx, ids: string[]): Promise<Set<string>> {
  const rows = await tx.newcomer.findMany({ where: { id: { in: [...new Set(ids)] }, anonymisedAt: { not: null } }, select: { id: true } });
  return new Set(rows.map((r) => r.id));
}

/** An anonymised dossier's row: "geanonimiseerd" as its name, the other columns about the person empty. */
function withoutWho(columns: readonly ExportColumn[], cells: ExportCell[]): ExportCell[] {
  return cells.map((c, i) => (columns[i]?.who === "name" ? ANONYMISED_LIST_NAME : columns[i]?.who ? null : c));
}

/** The file as a download (the routes' response). */
export function downloadResponse(file: ExportedFile): Response {
  return new Response(typeof file.body === "string" ? file.body : new Uint8Array(file.body), {
    headers: {
      "content-type": file.contentType,
      "content-disposition": `attachment; filename="${file.fileName}"`,
      "x-export-rows": String(file.count),
      ...(file.capped ? { "x-export-capped": String(EXPORT_ROW_CAP) } : {}),
    },
  });
}
