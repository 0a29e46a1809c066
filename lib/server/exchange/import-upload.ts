import "server-only";
import { serverEnv } from "@/lib/server/env";
// Imports started from the upload page: the file is stored in a temporary folder, an ImportRun
// row records progress (polled by the page) and the outcome; the import itself is the same
// engine as the command line, one transaction, audited with the admin who started it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Actor } from "@/lib/server/auth/actor";
import { assertCan } from "@/lib/server/auth/actor";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db";
import { NotFoundError, ValidationError } from "@/lib/server/errors";
import { uploadSchema } from "./import-upload.schema";
import { importExchange } from "./import-exchange";
import { renderMessage, type MsgLike } from "@/lib/i18n/message";
import { localeOf } from "@/lib/i18n/locale";
import { logError } from "@/lib/server/entry/log-error";

/** At most this many errors are kept on the run for the page (the count is always complete). */
const KEPT_ERRORS = 500;
/**
 * The import runs in the instance that received the upload; it beats `heartbeat_at` this often.
 * A run whose heartbeat is older than STALE_MS was interrupted with its instance (PostgreSQL rolled
 * the import back), and every instance reports it as such instead of "bezig" forever.
 */
const HEARTBEAT_MS = 10_000;
const STALE_MS = 2 * 60_000;
const INTERRUPTED = "import.interrupted";

export async function startDossierImport(actor: Actor, input: { fileName: string; content: Uint8Array }): Promise<{ runId: string }> {
  assertCan(actor, "exchange.import");
  const parsed = uploadSchema.safeParse({ fileName: input.fileName, size: input.content.byteLength });
  if (!parsed.success) {
    throw new ValidationError(Object.fromEntries(parsed.error.issues.map((i) => ["file", i.message])));
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "inburgering-import-"));
  const filePath = path.join(dir, "upload.jsonl");
  fs.writeFileSync(filePath, input.content);
  const run = await db.importRun.create({ data: { fileName: parsed.data.fileName, status: "VALIDATING", startedById: actor.userId } });
  // runs on after the request has answered; the page polls the run
  void runImport(actor, run.id, filePath, parsed.data.fileName).finally(() => fs.rmSync(dir, { recursive: true, force: true }));
  return { runId: run.id };
}

async function runImport(actor: Actor, runId: string, filePath: string, fileName: string) {
  let lastWrite = 0;
  let pending: Promise<unknown> = Promise.resolve();
  const update = (data: Parameters<typeof db.importRun.update>[0]["data"]) => {
    pending = pending.then(() => db.importRun.update({ where: { id: runId }, data })).catch((e: unknown) => logError("dossier import", e));
  };
  const heartbeat = setInterval(() => update({ heartbeatAt: new Date() }), HEARTBEAT_MS);
  try {
    const result = await importExchange({
      databaseUrl: serverEnv().DATABASE_URL,
      filePath,
      fileName,
      auditUser: { userId: actor.userId, email: actor.email, ip: actor.ip },
      onPhase: (phase, total) => update({ status: phase, doneLines: 0, ...(total ? { totalLines: total } : {}) }),
      onProgress: (done, total) => {
        const now = Date.now();
        if (now - lastWrite < 300 && done < total) return;
        lastWrite = now;
        update({ doneLines: done, totalLines: total });
      },
    });
    await pending;
    if (result.ok) {
      await db.importRun.update({
        where: { id: runId },
        data: {
          status: "SUCCEEDED",
          newcomers: result.newcomers,
          events: result.events,
          previouslyAnonymised: result.previouslyAnonymised ?? 0,
          warnings: { count: result.warnings.length, list: JSON.parse(JSON.stringify(result.warnings.slice(0, KEPT_ERRORS))) as Prisma.InputJsonArray },
          finishedAt: new Date(),
        },
      });
    } else {
      await db.importRun.update({
        where: { id: runId },
        data: {
          status: "FAILED",
          errors: { count: result.errors.length, list: JSON.parse(JSON.stringify(result.errors.slice(0, KEPT_ERRORS))) as Prisma.InputJsonArray },
          finishedAt: new Date(),
        },
      });
    }
  } catch (e) {
    logError("dossier import", e);
    await pending;
    await db.importRun.update({
      where: { id: runId },
      data: { status: "FAILED", errors: { count: 1, list: [{ line: 0, field: "", reason: "import.aborted" }] }, finishedAt: new Date() },
    });
  } finally {
    clearInterval(heartbeat);
  }
}

export interface ImportRunView {
  id: string;
  fileName: string;
  status: "VALIDATING" | "IMPORTING" | "SUCCEEDED" | "FAILED";
  doneLines: number;
  totalLines: number;
  newcomers: number;
  events: number;
  /** of the new newcomers, those whose number belonged to an anonymised dossier (issue 15) */
  previouslyAnonymised: number;
  errorCount: number;
  errors: { line: number; field: string; reason: string }[];
  warningCount: number;
  warnings: { line: number; field: string; reason: string }[];
}

export async function getImportRun(actor: Actor, id: string): Promise<ImportRunView> {
  assertCan(actor, "exchange.import");
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new NotFoundError();
  let run = await db.importRun.findUnique({ where: { id } });
  if (!run) throw new NotFoundError();
  if ((run.status === "VALIDATING" || run.status === "IMPORTING") && run.heartbeatAt.getTime() < Date.now() - STALE_MS) {
    // conditional, so a run that finished or beat meanwhile is left as it is
    await db.importRun.updateMany({
      where: { id, status: { in: ["VALIDATING", "IMPORTING"] }, heartbeatAt: { lt: new Date(Date.now() - STALE_MS) } },
      data: { status: "FAILED", errors: { count: 1, list: [{ line: 0, field: "", reason: INTERRUPTED }] }, finishedAt: new Date() },
    });
    run = await db.importRun.findUniqueOrThrow({ where: { id } });
  }
  // reasons are stored as messages (runs of older versions: Dutch texts) and told in the viewer's language
  const errors = (run.errors ?? { count: 0, list: [] }) as { count: number; list: { line: number; field: string; reason: MsgLike }[] };
  const warnings = (run.warnings ?? { count: 0, list: [] }) as { count: number; list: { line: number; field: string; reason: MsgLike }[] };
  const locale = localeOf(actor);
  return {
    id: run.id,
    fileName: run.fileName,
    status: run.status,
    doneLines: run.doneLines,
    totalLines: run.totalLines,
    newcomers: run.newcomers,
    events: run.events,
    previouslyAnonymised: run.previouslyAnonymised,
    errorCount: errors.count,
    errors: errors.list.map((e) => ({ line: e.line, field: e.field, reason: renderMessage(e.reason, locale) })),
    warningCount: warnings.count,
    warnings: warnings.list.map((e) => ({ line: e.line, field: e.field, reason: renderMessage(e.reason, locale) })),
  };
}
