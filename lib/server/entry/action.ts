import "server-only";
// The one wrapper for server actions: origin check, session + permission, optional zod parse of
// the form (every field's error at once), the action itself, and THE error map to the
// ActionResult the forms show (components/forms/use-form-action.ts), told in the actor's language
// (Dutch before the actor is known). Next's redirect() and notFound() throw: they pass through
// untouched.
//
//   export const saveX = action("dossier.write", async (actor, id: string, _prev, form: FormData) => …);
//   export const saveY = action("dossier.write", schema, async (actor, input, id: string, _prev, form) => …);
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { localeOf } from "@/lib/i18n/locale";
import type { Permission } from "@/lib/domain/permissions";
import type { ActionResult } from "@/lib/server/action-result";
import type { Actor } from "@/lib/server/auth/actor";
import { errorOutcome, GENERIC_ACTION_MESSAGE } from "./error-map";
import { actorFor, assertOrigin } from "./guard";
import { parseInput } from "@/lib/server/kit/parse-input";

type Result<T> = ActionResult<T>;

/** A form's fields as a plain object (what the data layer's schemas parse). */
export const formFields = (form: FormData | null | undefined): Record<string, unknown> => (form ? Object.fromEntries(form) : {});

/** The page a server action was posted from (for the audit of a refusal; never the query). */
function pathOf(h: Headers): string {
  try {
    return new URL(h.get("referer") ?? "").pathname;
  } catch {
    return "(server action)";
  }
}

export function action<A extends unknown[], T = undefined>(
  permission: Permission,
  fn: (actor: Actor, ...args: A) => Promise<Result<T>>,
): (...args: A) => Promise<Result<T>>;
export function action<S extends z.ZodType, A extends unknown[], T = undefined>(
  permission: Permission,
  schema: S,
  fn: (actor: Actor, input: z.output<S>, ...args: A) => Promise<Result<T>>,
): (...args: A) => Promise<Result<T>>;
export function action(
  permission: Permission,
  schemaOrFn: z.ZodType | ((actor: Actor, ...args: unknown[]) => Promise<Result<unknown>>),
  maybeFn?: (actor: Actor, input: unknown, ...args: unknown[]) => Promise<Result<unknown>>,
) {
  const schema = typeof schemaOrFn === "function" ? null : schemaOrFn;
  return async (...args: unknown[]): Promise<Result<unknown>> => {
    let actor: Actor | null = null;
    try {
      const h = await headers();
      const where = { kind: "action" as const, path: pathOf(h), method: "POST" };
      await assertOrigin(h, permission, where);
      actor = await actorFor(permission, where);
      if (!schema) return await (schemaOrFn as (actor: Actor, ...args: unknown[]) => Promise<Result<unknown>>)(actor, ...args);
      const last = args.at(-1);
      const parsed = parseInput(schema, last instanceof FormData ? formFields(last) : last);
      return await maybeFn!(actor, parsed, ...args);
    } catch (e) {
      unstable_rethrow(e);
      const o = errorOutcome(e, "server action", GENERIC_ACTION_MESSAGE, localeOf(actor));
      return { ok: false, message: o.message, ...(o.fieldErrors ? { fieldErrors: o.fieldErrors } : {}) };
    }
  };
}
