import "server-only";
import { serverEnv } from "@/lib/server/env";
// The export as a download for an admin: the same lines as `npm run export`, streamed as they
// are read (the reader's pace drives the database reads), audited with the admin's name.
import type { Actor } from "@/lib/server/auth/actor";
import { assertCan } from "@/lib/server/auth/actor";
import { exportExchange } from "./export-exchange";
import { logError } from "@/lib/server/entry/log-error";
import { db } from "@/lib/server/db";

/** How many anonymised dossiers the export leaves out (issue 15; export-exchange.ts says why), for the page to say before the download. */
export async function anonymisedLeftOutOfExport(actor: Actor): Promise<number> {
  assertCan(actor, "exchange.export");
  return db.newcomer.count({ where: { anonymisedAt: { not: null } } });
}

export function streamDossierExport(actor: Actor, fileName: string): ReadableStream<Uint8Array> {
  assertCan(actor, "exchange.export");
  const encoder = new TextEncoder();
  let wake: (() => void) | null = null;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        const write = async (chunk: string) => {
          controller.enqueue(encoder.encode(chunk));
          // wait while the reader is behind (desiredSize <= 0): back-pressure reaches the query loop
          while ((controller.desiredSize ?? 1) <= 0)
            await new Promise<void>((r) => {
              wake = r;
            });
        };
        exportExchange({
          databaseUrl: serverEnv().DATABASE_URL,
          write,
          target: fileName,
          auditUser: { userId: actor.userId, email: actor.email, ip: actor.ip },
        })
          .then(() => controller.close())
          .catch((e: unknown) => {
            logError("dossier export", e);
            controller.error(e);
          });
      },
      pull() {
        wake?.();
        wake = null;
      },
    },
    { highWaterMark: 4 },
  );
}
