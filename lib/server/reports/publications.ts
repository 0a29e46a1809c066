import "server-only";
// Reading publications (issue 13): the list, one publication exactly as published with its check
// (recomputed now with the stored parameters), and what changed — against the figures now or
// against another publication. Visible by publicationScope (lib/server/access/scope.ts); a
// publication out of scope is "not found" and the attempt is audited (publication.view.denied).
//
// The check recomputes the publication as recorded on its instant (taken_at; knowledge time, the
// history of report_fact): equal unless the history or the rules changed. What changed since is
// the diff against the figures now (or against another publication).
import { isUuid, isoOf } from "@/lib/domain/kit";
import { buildReasonsQuery, type ReasonRow, reasonSpecs, withReasons } from "@/lib/domain/reports/publication/change-reasons";
import { diffFigures, unchanged, type TableDiff } from "@/lib/domain/reports/publication/diff";
import { CURRENT_LABELS_SQL, currentLabels, reportRulesFingerprint, reportsNow } from "@/lib/domain/reports/publication/now-from-changes";
import type { ReportResult } from "@/lib/domain/reports/run-report";
import type { PublicationSpec, PublishedTable } from "@/lib/domain/reports/publication/figures";
import { publicationScope } from "@/lib/server/access/scope";
import type { Actor } from "@/lib/server/auth/actor";
import { recordAudit } from "@/lib/server/audit/audit";
import { db, sqlPool } from "@/lib/server/db";
import { NotFoundError } from "@/lib/server/errors";
import { earlierTables } from "./earlier-publications";
import { computeFigures, computeReports } from "./publication-figures";

export const PUBLICATIONS_PAGE_SIZE = 25;

export interface PublicationSummary {
  id: string;
  title: string;
  questionNumber: number;
  status: "VOORLOPIG" | "DEFINITIEF";
  takenAt: Date;
  asOf: string;
  yearFrom: number;
  yearTo: number;
  agencyCode: string | null;
  forPublication: boolean;
  publishedBy: string;
  provisionalId: string | null;
  definitiveId: string | null;
}

export interface Publication extends PublicationSummary {
  questionDate: string | null;
  questionMember: string | null;
  /** the question and the introduction as printed with it (null: published before they were stored) */
  questionText: string | null;
  introduction: string | null;
  tables: PublicationSpec[];
  figures: PublishedTable[];
  contentHash: string;
}

const summarySelect = {
  id: true,
  title: true,
  questionNumber: true,
  status: true,
  takenAt: true,
  asOf: true,
  yearFrom: true,
  yearTo: true,
  agencyCode: true,
  forPublication: true,
  provisionalId: true,
  publishedBy: { select: { name: true } },
  definitive: { select: { id: true } },
} as const;

type SummaryRow = {
  id: string;
  title: string;
  questionNumber: number;
  status: "VOORLOPIG" | "DEFINITIEF";
  takenAt: Date;
  asOf: Date;
  yearFrom: number;
  yearTo: number;
  agencyCode: string | null;
  forPublication: boolean;
  provisionalId: string | null;
  publishedBy: { name: string };
  definitive: { id: string } | null;
};

const summaryOf = (r: SummaryRow): PublicationSummary => ({
  ...r,
  asOf: isoOf(r.asOf),
  publishedBy: r.publishedBy.name,
  definitiveId: r.definitive?.id ?? null,
});

/** The publications the actor may see, newest first, a page at a time; `status` filters. */
export async function listPublications(
  actor: Actor,
  opts: { page?: number; status?: "VOORLOPIG" | "DEFINITIEF" | null } = {},
): Promise<{ items: PublicationSummary[]; total: number; page: number; pages: number }> {
  const where = { ...publicationScope(actor), ...(opts.status ? { status: opts.status } : {}) };
  // a page number from the URL: finite and bounded (`?pagina=1e400` must not reach the query as Infinity)
  const page = Number.isFinite(opts.page) ? Math.min(Math.max(1, Math.floor(opts.page!)), 1_000_000) : 1;
  const [rows, total] = await Promise.all([
    db.publication.findMany({
      where,
      select: summarySelect,
      orderBy: [{ takenAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * PUBLICATIONS_PAGE_SIZE,
      take: PUBLICATIONS_PAGE_SIZE,
    }),
    db.publication.count({ where }),
  ]);
  return { items: rows.map(summaryOf), total, page, pages: Math.max(1, Math.ceil(total / PUBLICATIONS_PAGE_SIZE)) };
}

/** A publication the actor may see, or NotFoundError (audited as publication.view.denied). */
async function loadVisible(actor: Actor, id: string): Promise<Publication> {
  const row = isUuid(id)
    ? await db.publication.findFirst({
        where: { id, ...publicationScope(actor) },
        select: {
          ...summarySelect,
          questionDate: true,
          questionMember: true,
          questionText: true,
          introduction: true,
          tables: true,
          figures: true,
          contentHash: true,
        },
      })
    : null;
  if (!row) {
    await recordAudit(db, actor, { action: "publication.view.denied", entityType: "publication", entityId: String(id).slice(0, 64) });
    throw new NotFoundError();
  }
  return {
    ...summaryOf(row),
    questionDate: row.questionDate ? isoOf(row.questionDate) : null,
    questionMember: row.questionMember,
    questionText: row.questionText,
    introduction: row.introduction,
    tables: row.tables as unknown as PublicationSpec[],
    figures: row.figures as unknown as PublishedTable[],
    contentHash: row.contentHash,
  };
}

/**
 * The figures of a publication recomputed with its stored parameters: as recorded on its instant
 * (kept consistent with the publications taken before it, as when it was made), or now (with every
 * publication so far, itself included: what publishing it again now would show).
 */
async function recompute(p: Publication, at: "recorded" | "now", known?: ReportResult[]): Promise<PublishedTable[]> {
  const params = { asOf: p.asOf, agency: p.agencyCode, forPublication: p.forPublication };
  const before = at === "recorded" ? p.takenAt : new Date(Date.now() + 1);
  const recordedOn = at === "recorded" ? p.takenAt.toISOString() : null;
  const figureParams = recordedOn ? { ...params, recordedOn } : params;
  const reports = known ?? (await computeReports(p.tables, figureParams));
  const earlier = p.forPublication
    ? await earlierTables(p.tables, { from: p.yearFrom, to: p.yearTo, agency: p.agencyCode, before }, undefined, { reports, recordedOn })
    : [];
  return computeFigures(p.tables, figureParams, undefined, earlier, reports);
}

export type Against = "now" | string;

export interface PublicationDiff {
  /** the older side (its id) and the newer: a publication's id, or "now" */
  old: string;
  new: string;
  unchanged: boolean;
  tables: TableDiff[];
}

async function diffOf(actor: Actor, p: Publication, against: Against): Promise<PublicationDiff> {
  if (against === "now") {
    const tables = await diffAgainstNow(p);
    return { old: p.id, new: "now", unchanged: unchanged(tables), tables };
  }
  const other = await loadVisible(actor, against);
  // the earlier publication is the old side, whichever was asked first
  const [a, b] = other.takenAt < p.takenAt ? [other, p] : [p, other];
  const figures = diffFigures(a.figures, b.figures);
  const tables = unchanged(figures) ? figures : explained(figures, await reasonsBetween(a, b));
  return { old: a.id, new: b.id, unchanged: unchanged(tables), tables };
}

/**
 * The diff against now: the publication's stored reports plus the changes since its instant
 * (now-from-changes.ts; the reasons statement returns both, so the reports are not run again).
 * Published before the reports were stored, or with the report statements changed since (another
 * fingerprint): every report recomputed instead. The reasons statement is started first (the
 * longest single statement), the stored reports and the labels beside it.
 */
async function diffAgainstNow(p: Publication): Promise<TableDiff[]> {
  const [reasons, row, labels] = await Promise.all([
    reasonsBetween(p, null),
    db.publication.findUniqueOrThrow({ where: { id: p.id }, select: { reports: true, reportsRules: true } }),
    sqlPool().query<{ d: string; code: string; label: string }>(CURRENT_LABELS_SQL),
  ]);
  const stored = row.reports as unknown as ReportResult[] | null;
  const usable =
    stored?.length === p.tables.length &&
    row.reportsRules === reportRulesFingerprint(p.tables, p.asOf, p.agencyCode) &&
    // every table explained (the same tables on both sides): its cells' changes are all there
    reasons?.specs.every((s) => s !== null);
  const now = usable
    ? await recompute(p, "now", reportsNow(reasons!.specs as PublicationSpec[], stored!, reasons!.rows, currentLabels(labels.rows), p.asOf))
    : await recompute(p, "now");
  return explained(diffFigures(p.figures, now), reasons);
}

interface Reasons {
  specs: (PublicationSpec | null)[];
  rows: ReasonRow[];
}

/**
 * The reasons behind the changed cells (change-reasons.ts), one statement for the whole diff:
 * between the older publication's instant and the newer's (null: now). Only when both count as of
 * the same peildatum for the same scope — else a change is not (only) due to records: null.
 */
async function reasonsBetween(older: Publication, newer: Publication | null): Promise<Reasons | null> {
  if (newer && (newer.asOf !== older.asOf || newer.agencyCode !== older.agencyCode)) return null;
  const specs = reasonSpecs(older.tables, (newer ?? older).tables);
  const q = buildReasonsQuery({
    specs,
    asOf: older.asOf,
    agency: older.agencyCode,
    since: older.takenAt.toISOString(),
    until: newer ? newer.takenAt.toISOString() : null,
  });
  if (!q) return null;
  const { rows } = await sqlPool().query<ReasonRow>(q.text, q.values);
  return { specs, rows };
}

const explained = (tables: TableDiff[], reasons: Reasons | null): TableDiff[] =>
  unchanged(tables) || !reasons ? tables : withReasons(tables, reasons.specs, reasons.rows);

/**
 * One publication as published, with its check (recomputed as recorded on its instant: ✓ when
 * equal, else the cells that differ) and what changed (against the figures now, or against another
 * publication; null when that one is not visible). One load and one audit entry for the page.
 */
export async function getPublication(
  actor: Actor,
  id: string,
  against: Against = "now",
): Promise<{ publication: Publication; check: PublicationDiff; diff: PublicationDiff | null }> {
  const publication = await loadVisible(actor, id);
  const [recorded, diff] = await Promise.all([
    recompute(publication, "recorded"),
    diffOf(actor, publication, against).catch((e: unknown) => (against !== "now" && e instanceof NotFoundError ? null : Promise.reject(e))),
  ]);
  const checkTables = diffFigures(publication.figures, recorded);
  const check = { old: publication.id, new: `recorded:${publication.takenAt.toISOString()}`, unchanged: unchanged(checkTables), tables: checkTables };
  await recordAudit(db, actor, {
    action: "publication.view",
    entityType: "publication",
    entityId: id,
    agencyCode: publication.agencyCode,
    ...(against !== "now" ? { after: { diff: against } } : {}),
  });
  return { publication, check, diff };
}

/** What changed: a publication against the figures now, or against another publication (cell by cell). */
export async function diffPublication(actor: Actor, id: string, against: Against = "now"): Promise<PublicationDiff> {
  const publication = await loadVisible(actor, id);
  const diff = await diffOf(actor, publication, against);
  await recordAudit(db, actor, {
    action: "publication.view",
    entityType: "publication",
    entityId: id,
    agencyCode: publication.agencyCode,
    after: { diff: against },
  });
  return diff;
}

/** A publication exactly as stored (the CLI's show), audited as a view. */
export async function showPublication(actor: Actor, id: string): Promise<Publication> {
  const publication = await loadVisible(actor, id);
  await recordAudit(db, actor, { action: "publication.view", entityType: "publication", entityId: id, agencyCode: publication.agencyCode });
  return publication;
}

/** A publication exactly as stored, for its download (XLSX), audited as publication.export. */
export async function exportPublication(actor: Actor, id: string, what: "xlsx"): Promise<Publication> {
  const publication = await loadVisible(actor, id);
  await recordAudit(db, actor, { action: "publication.export", entityType: "publication", entityId: id, agencyCode: publication.agencyCode, after: { what } });
  return publication;
}

/** The VOORLOPIG publications not finalised yet, for the publish form's choice. */
export async function openProvisionals(actor: Actor): Promise<{ id: string; title: string; takenAt: Date }[]> {
  return db.publication.findMany({
    where: { ...publicationScope(actor), status: "VOORLOPIG", definitive: null },
    select: { id: true, title: true, takenAt: true },
    orderBy: { takenAt: "desc" },
  });
}
