import "server-only";
// The one wrapper for route handlers: origin check for every method but GET/HEAD, session +
// permission, the body read by kind (json only with Content-Type application/json — the media
// type itself, parameters such as charset allowed), THE error map to a status with a JSON message
// in the actor's language (Dutch before the actor is known), and `Cache-Control: private, no-store`
// on every response (downloads included).
import { isJsonContentType } from "@/lib/domain/http/media-type";
import { isSafeMethod } from "@/lib/domain/http/origin";
import type { Permission } from "@/lib/domain/permissions";
import type { Actor } from "@/lib/server/auth/actor";
import { BadRequestError, UnsupportedMediaTypeError } from "@/lib/server/errors";
import { localeOf } from "@/lib/i18n/locale";
import type { Locale } from "@/lib/i18n/messages";
import { errorOutcome } from "./error-map";
import { actorFor, assertOrigin } from "./guard";
import { auditRefusal } from "./refusal";

export type BodyKind = "json" | "form" | "raw" | "none";
type BodyOf<B extends BodyKind> = B extends "json" ? unknown : B extends "form" ? FormData : B extends "raw" ? Uint8Array : undefined;

export interface RouteContext<P, B extends BodyKind> {
  actor: Actor;
  request: Request;
  params: P;
  searchParams: URLSearchParams;
  body: BodyOf<B>;
}

export const NO_STORE = "private, no-store";

function noStore(res: Response): Response {
  try {
    res.headers.set("cache-control", NO_STORE);
    return res;
  } catch {
    // immutable headers (a fetched Response passed through): copy
    const copy = new Response(res.body, res);
    copy.headers.set("cache-control", NO_STORE);
    return copy;
  }
}

export function errorResponse(e: unknown, context = "route", locale?: Locale): Response {
  const o = errorOutcome(e, context, undefined, locale);
  return noStore(Response.json({ ok: false, message: o.message, ...(o.fieldErrors ? { fieldErrors: o.fieldErrors } : {}) }, { status: o.status }));
}

async function readBody(request: Request, kind: BodyKind): Promise<unknown> {
  if (kind === "json")
    return request.json().catch(() => {
      throw new BadRequestError("request.invalidJson");
    });
  if (kind === "form")
    return request.formData().catch(() => {
      throw new BadRequestError("request.unreadableForm");
    });
  if (kind === "raw") return new Uint8Array(await request.arrayBuffer());
  return undefined;
}

export function route<P = Record<string, never>, B extends BodyKind = "none">(
  permission: Permission,
  handler: (ctx: RouteContext<P, B>) => Promise<Response>,
  options: { body?: B } = {},
): (request: Request, context: { params: Promise<P> }) => Promise<Response> {
  const kind: BodyKind = options.body ?? "none";
  return async (request, context) => {
    const url = new URL(request.url);
    const where = { kind: "route" as const, path: url.pathname, method: request.method };
    let actor: Actor | null = null;
    try {
      if (!isSafeMethod(request.method)) await assertOrigin(request.headers, permission, where, url.protocol);
      actor = await actorFor(permission, where);
      if (kind === "json" && !isJsonContentType(request.headers.get("content-type"))) {
        await auditRefusal(actor, { ...where, permission, reason: "content-type" });
        throw new UnsupportedMediaTypeError();
      }
      const body = (await readBody(request, kind)) as BodyOf<B>;
      const params = ((await context?.params) ?? {}) as P;
      return noStore(await handler({ actor, request, params, searchParams: url.searchParams, body }));
    } catch (e) {
      return errorResponse(e, `${request.method} ${url.pathname}`, localeOf(actor));
    }
  };
}
