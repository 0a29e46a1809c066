// Small pure helpers every domain folder uses, in one place (they used to live in
// lib/server/fines/field-errors.ts and were imported from there by DVZ, newcomers and track).
import { ZodError } from "zod";
import { renderMessage, type MsgLike } from "@/lib/i18n/message";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/messages";

/**
 * zod issues → the { field: message } map a form shows: every field, first message each. The
 * messages are keys of messages/<locale>/errors.json (or a Msg with parameters carried in a
 * custom issue's params, see `issueMessage`); ValidationError and the error map render them.
 */
export function fieldErrorsOf(issues: readonly { path: readonly PropertyKey[]; message: string; params?: unknown }[]): Record<string, MsgLike> {
  const out: Record<string, MsgLike> = {};
  for (const i of issues) out[String(i.path[0] ?? "form")] ??= messageOfIssue(i);
  return out;
}

/** The message of one zod issue: the Msg a custom issue carries, else its (key) string. */
export function messageOfIssue(issue: { message: string; params?: unknown }): MsgLike {
  const m = (issue.params as { msg?: MsgLike } | undefined)?.msg;
  return m ?? issue.message;
}

/** Every issue's message as one text in a locale (report parameters: the page and the CLI show them together). */
export function issuesText(issues: readonly { message: string; params?: unknown }[], locale: Locale = DEFAULT_LOCALE, separator = " "): string {
  return issues.map((i) => renderMessage(messageOfIssue(i), locale)).join(separator);
}

/**
 * The same zod error with each issue's message rendered (Dutch by default) and its message as data
 * in params.msg: for a ZodError that leaves as an exception, whose `message` lists the issues.
 */
export function withRenderedMessages(e: ZodError, locale: Locale = DEFAULT_LOCALE): ZodError {
  return new ZodError(
    e.issues.map((i) => {
      const m = messageOfIssue(i);
      return { ...i, message: renderMessage(m, locale), params: { ...(i as { params?: object }).params, msg: m } } as typeof i;
    }),
  );
}

/** A custom zod issue's message and params for a message with parameters (zod messages are strings). */
export function issueMessage(m: MsgLike): { message: string; params?: { msg: MsgLike } } {
  return typeof m === "string" ? { message: m } : { message: m.key, params: { msg: m } };
}

/** The shape of a UUID, unanchored: national-number masking finds ids inside text with it. */
export const UUID_PATTERN = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/.source;
const UUID = new RegExp(`^${UUID_PATTERN}$`, "i");

/** A record id as the database makes them; anything else is "not found" without a query. */
export const isUuid = (id: unknown): id is string => typeof id === "string" && UUID.test(id);

/** A calendar date (YYYY-MM-DD) as the Date Prisma stores in a DATE column. */
export const dateOf = (iso: string) => new Date(`${iso}T00:00:00Z`);
export const isoOf = (d: Date) => d.toISOString().slice(0, 10);
