// Who acts on the command line for the publication commands. A publication and every view of one
// is audited with a user, so the command names the account it runs as: `--as EMAIL` (or
// INBURGERING_CLI_USER), an active MANAGER or ADMIN; the data layer then checks that account's
// permission and scope exactly as for the web (a staff account is refused and the refusal
// audited). Whoever runs the command has the database, so no password is asked: the named
// account is whom the audit records, not an authentication.
import { LocalizedError, ValidationError } from "../../lib/server/errors";
import type { Actor } from "../../lib/server/auth/actor";
import { prepareDatabase } from "./prepare-database";

export async function asPublisher<T>(email: string | undefined, fn: (actor: Actor) => Promise<T>): Promise<T> {
  const who = (email ?? process.env.INBURGERING_CLI_USER ?? "").trim().toLowerCase();
  if (!who) throw new Error("Geef het account waarmee u publiceert: --as E-MAIL (of INBURGERING_CLI_USER).");
  const database = await prepareDatabase({ log: () => {} });
  process.env.DATABASE_URL = database.url; // the data layer's connection: the app's role
  const { db } = await import("../../lib/server/db");
  try {
    const { commandLineActor } = await import("../../lib/server/reports/command-line-actor");
    return await fn(await commandLineActor(who));
  } finally {
    await db.$disconnect().catch(() => {});
    await database.close();
  }
}

/** An error as the command line prints it: the Dutch message and every field's message. */
export function cliError(e: unknown): string {
  if (e instanceof ValidationError) return [e.message, ...Object.entries(e.fieldErrors).map(([k, v]) => `  ${k}: ${v}`)].join("\n");
  if (e instanceof LocalizedError) return e.message;
  return e instanceof Error ? e.message : String(e);
}
