import "server-only";
// THE error map of the entry points: what a form (ActionResult) or an HTTP client (status +
// JSON) is told for each error the data layer throws. Anything unexpected is logged (without
// national numbers) and answered with a generic Dutch message, never with internals.
import { ZodError } from "zod";
import { fieldErrorsOf } from "@/lib/domain/kit";
import {
  BadRequestError, ConflictError, ForbiddenError, NotFoundError, UnauthenticatedError, UnsupportedMediaTypeError, ValidationError,
} from "@/lib/server/errors";
import { logError } from "./log-error";

export interface ErrorOutcome {
  status: number;
  message: string;
  fieldErrors?: Record<string, string>;
}

export const GENERIC_ACTION_MESSAGE = "Er ging iets mis bij het opslaan. Er werd niets gewijzigd.";
export const GENERIC_ROUTE_MESSAGE = "Er ging iets mis. Er werd niets gewijzigd.";

export function errorOutcome(e: unknown, context: string, generic = GENERIC_ROUTE_MESSAGE): ErrorOutcome {
  if (e instanceof ValidationError) return { status: 422, message: e.message, fieldErrors: e.fieldErrors };
  if (e instanceof UnauthenticatedError) return { status: 401, message: e.message };
  if (e instanceof ForbiddenError) return { status: 403, message: e.message };
  if (e instanceof NotFoundError) return { status: 404, message: e.message };
  if (e instanceof ConflictError) return { status: 409, message: e.message };
  if (e instanceof UnsupportedMediaTypeError) return { status: 415, message: e.message };
  if (e instanceof BadRequestError) return { status: 400, message: e.message };
  // parameters parsed outside a data-layer function (report pages): every problem at once
  if (e instanceof ZodError) return { status: 400, message: e.issues.map((i) => i.message).join(" "), fieldErrors: fieldErrorsOf(e.issues) };
  logError(context, e);
  return { status: 500, message: generic };
}
