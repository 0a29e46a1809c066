// Small pure helpers every domain folder uses, in one place (they used to live in
// lib/server/fines/field-errors.ts and were imported from there by DVZ, newcomers and track).

/** zod issues → the { field: Dutch message } map a form shows: every field, first message each. */
export function fieldErrorsOf(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) out[String(i.path[0] ?? "form")] ??= i.message;
  return out;
}

/** The shape of a UUID, unanchored: national-number masking finds ids inside text with it. */
export const UUID_PATTERN = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/.source;
const UUID = new RegExp(`^${UUID_PATTERN}$`, "i");

/** A record id as the database makes them; anything else is "not found" without a query. */
export const isUuid = (id: unknown): id is string => typeof id === "string" && UUID.test(id);

/** A calendar date (YYYY-MM-DD) as the Date Prisma stores in a DATE column. */
export const dateOf = (iso: string) => new Date(`${iso}T00:00:00Z`);
export const isoOf = (d: Date) => d.toISOString().slice(0, 10);
