import "server-only";
// Publishing (issue 13): the tables computed now, with the scope the actor may see and the
// disclosure control when "voor publicatie", stored as shown with a content hash, and audited as
// publication.create in the same transaction. Managers and admins publish; staff never (the
// refusal is audited). A DEFINITIEF publication may name the VOORLOPIG one it finalises (at most
// one DEFINITIEF per VOORLOPIG: a unique index).
import { ZodError } from "zod";
import { messageOfIssue } from "@/lib/domain/kit";
import { can } from "@/lib/domain/permissions";
import { canonicalJson, contentHash, type PublicationSpec } from "@/lib/domain/reports/publication/figures";
import { reportRulesFingerprint } from "@/lib/domain/reports/publication/now-from-changes";
import { parseTables } from "@/lib/domain/reports/publication/spec";
import { parseReportParams } from "@/lib/domain/reports/report-params.schema";
import type { MsgLike } from "@/lib/i18n/message";
import { publicationScope, reportAgencyScope } from "@/lib/server/access/scope";
import type { Actor } from "@/lib/server/auth/actor";
import { recordAudit } from "@/lib/server/audit/audit";
import { db, sqlPool } from "@/lib/server/db";
import { ForbiddenError, ValidationError } from "@/lib/server/errors";
import { parseInput } from "@/lib/server/kit/parse-input";
import { earlierTables } from "./earlier-publications";
import { computeFigures, computeReports } from "./publication-figures";
import { publishSchema, type PublishInput, type PublishParams } from "./publish.schema";

export async function publishReport(actor: Actor, input: PublishInput): Promise<{ id: string; contentHash: string }> {
  if (!can(actor.role, "report.publish")) {
    await recordAudit(db, actor, { action: "publication.create.denied", entityType: "publication", agencyCode: actor.agencyCode });
    throw new ForbiddenError();
  }
  const p = parseInput(publishSchema, input);
  const agency = reportAgencyScope(actor, p.agency);
  const specs = await checked(actor, p);
  // The publication's instant, from the database's clock (the facts' recorded_from come from it),
  // whole milliseconds as taken_at stores them; the figures are those recorded on that instant, so
  // the check of the detail page ("as recorded on taken_at") recomputes exactly what was published.
  const takenAt = await databaseInstant();
  // what earlier publications hid stays hidden, what they showed is public (consistency across publications)
  const figureParams = { asOf: p.asOf, agency, forPublication: p.forPublication, recordedOn: takenAt.toISOString() };
  const reports = await computeReports(specs, figureParams);
  // (an earlier publication with nothing recorded since gives these same reports: not recomputed)
  const earlier = p.forPublication
    ? await earlierTables(specs, { from: p.from, to: p.to, agency, before: takenAt }, undefined, { reports, recordedOn: figureParams.recordedOn })
    : [];
  const figures = await computeFigures(specs, figureParams, undefined, earlier, reports);
  const params = { tables: specs, from: p.from, to: p.to, asOf: p.asOf, agency, forPublication: p.forPublication };
  const hash = contentHash(params, figures, {
    title: p.title,
    questionNumber: p.questionNumber,
    questionDate: p.questionDate,
    questionMember: p.questionMember,
    questionText: p.questionText,
    introduction: p.introduction,
  });
  const id = await db.$transaction(async (tx) => {
    const row = await tx.publication.create({
      data: {
        title: p.title,
        questionNumber: p.questionNumber,
        questionDate: p.questionDate ? new Date(`${p.questionDate}T00:00:00Z`) : null,
        questionMember: p.questionMember,
        questionText: p.questionText,
        introduction: p.introduction,
        tables: specs as object[],
        yearFrom: p.from,
        yearTo: p.to,
        asOf: new Date(`${p.asOf}T00:00:00Z`),
        status: p.status,
        agencyCode: agency,
        publishedById: actor.userId,
        forPublication: p.forPublication,
        figures: figures as object[],
        contentHash: hash,
        // the reports behind the figures, for the diff against now (now-from-changes.ts); never shown
        reports: reports.map(({ recordedOn: _, ...r }) => r) as object[],
        reportsRules: reportRulesFingerprint(specs, p.asOf, agency),
        provisionalId: p.provisionalId,
        takenAt,
      },
      select: { id: true, takenAt: true },
    });
    // the parameters and the hash, not the figures: the row itself keeps those
    await recordAudit(tx, actor, {
      action: "publication.create",
      entityType: "publication",
      entityId: row.id,
      agencyCode: agency,
      after: { ...params, tables: specs.length, title: p.title, questionNumber: p.questionNumber, status: p.status, provisionalId: p.provisionalId, hash },
    });
    return row.id;
  });
  return { id, contentHash: hash };
}

/** Every problem of the submission at once: the tables, the years, the provisional link. */
async function checked(actor: Actor, p: PublishParams): Promise<PublicationSpec[]> {
  const errors: Record<string, MsgLike> = {};
  const zodField = (e: unknown, field: string) => {
    if (!(e instanceof ZodError)) throw e;
    for (const i of e.issues) errors[String(i.path[0] === "measure" || i.path[0] === "by" ? field : (i.path[0] ?? field))] ??= messageOfIssue(i);
  };
  let specs: PublicationSpec[] = [];
  try {
    parseReportParams({ measure: "contracts", by: ["agency"], from: p.from, to: p.to, asOf: p.asOf });
    specs = parseTables(p.tables, p.from, p.to, p.asOf);
    if (specs.length === 0) errors.tables = "publications.tablesRequired";
  } catch (e) {
    zodField(e, "tables");
  }
  if (p.provisionalId && p.status !== "DEFINITIEF") errors.provisionalId = "publications.provisionalOnlyDefinitive";
  else if (p.provisionalId) {
    const prov = await db.publication.findFirst({
      where: { id: p.provisionalId, ...publicationScope(actor) },
      select: { status: true, tables: true, agencyCode: true, definitive: { select: { id: true } } },
    });
    if (prov?.status !== "VOORLOPIG") errors.provisionalId = "publications.provisionalUnknown";
    else if (prov.definitive) errors.provisionalId = "publications.provisionalFinalised";
    // the definitive figures answer the same tables for the same scope, so the diff compares like with like
    else if (canonicalJson(prov.tables) !== canonicalJson(specs) || prov.agencyCode !== reportAgencyScope(actor, p.agency))
      errors.provisionalId = "publications.provisionalOtherTables";
  }
  if (Object.keys(errors).length) throw new ValidationError(errors);
  return specs;
}

/** Now, by PostgreSQL's clock, in whole milliseconds (node-postgres reads timestamptz into a Date). */
async function databaseInstant(): Promise<Date> {
  const { rows } = await sqlPool().query<{ at: Date }>("SELECT date_trunc('milliseconds', clock_timestamp()) AS at");
  return rows[0]!.at;
}
