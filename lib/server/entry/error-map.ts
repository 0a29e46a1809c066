import "server-only";
// THE error map of the entry points: what a form (ActionResult) or an HTTP client (status +
// JSON) is told for each error the data layer throws. Anything unexpected is logged (without
// national numbers) and answered with a generic message, never with internals. Messages are told
// in the actor's language (`locale`; Dutch when no actor is known).
import { ZodError } from "zod";
import { fieldErrorsOf, messageOfIssue } from "@/lib/domain/kit";
import { renderFields, renderMessage } from "@/lib/i18n/message";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/messages";
import {
  BadRequestError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
  UnsupportedMediaTypeError,
  ValidationError,
} from "@/lib/server/errors";
import { logError } from "./log-error";

export interface ErrorOutcome {
  status: number;
  message: string;
  fieldErrors?: Record<string, string>;
}

export const GENERIC_ACTION_MESSAGE = "request.genericAction";
export const GENERIC_ROUTE_MESSAGE = "request.genericRoute";

export function errorOutcome(e: unknown, context: string, generic: string = GENERIC_ROUTE_MESSAGE, locale: Locale = DEFAULT_LOCALE): ErrorOutcome {
  if (e instanceof ValidationError) return { status: 422, message: e.messageIn(locale), fieldErrors: e.fieldErrorsIn(locale) };
  if (e instanceof UnauthenticatedError) return { status: 401, message: e.messageIn(locale) };
  if (e instanceof ForbiddenError) return { status: 403, message: e.messageIn(locale) };
  if (e instanceof NotFoundError) return { status: 404, message: e.messageIn(locale) };
  if (e instanceof ConflictError) return { status: 409, message: e.messageIn(locale) };
  if (e instanceof UnsupportedMediaTypeError) return { status: 415, message: e.messageIn(locale) };
  if (e instanceof BadRequestError) return { status: 400, message: e.messageIn(locale) };
  // parameters parsed outside a data-layer function (report pages): every problem at once
  if (e instanceof ZodError) {
    return {
      status: 400,
      message: e.issues.map((i) => renderMessage(messageOfIssue(i), locale)).join(" "),
      fieldErrors: renderFields(fieldErrorsOf(e.issues), locale),
    };
  }
  logError(context, e);
  return { status: 500, message: renderMessage(generic, locale) };
}
