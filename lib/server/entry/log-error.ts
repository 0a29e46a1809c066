import "server-only";
// The one error logger of the entry points. Errors from Prisma and PostgreSQL can carry the
// values of a failed statement (a unique-violation detail, a query argument), so everything that
// looks like a national number is blanked before it reaches the log.

import { maskNationalNumbersInText } from "@/lib/domain/national-number";

/** Blanks 11-digit runs and the dotted/dashed/spaced forms of a national number (the wide rule). */
export function redactNationalNumbers(text: string): string {
  return maskNationalNumbersInText(text, { wide: true });
}

function describeError(e: unknown): string {
  if (e instanceof Error) {
    const extra: Record<string, unknown> = {};
    for (const k of ["code", "meta", "clientVersion"] as const) if (k in e) extra[k] = (e as unknown as Record<string, unknown>)[k];
    const cause = e.cause ? `\ncause: ${describeError(e.cause)}` : "";
    return `${e.stack ?? `${e.name}: ${e.message}`}${Object.keys(extra).length ? `\n${JSON.stringify(extra)}` : ""}${cause}`;
  }
  try {
    return JSON.stringify(e);
  } catch {
    return String(e);
  }
}

export function logError(context: string, e: unknown): void {
  console.error(redactNationalNumbers(`[${context}] ${describeError(e)}`));
}
