import "server-only";
// Turns the data layer's errors into what a form shows: a Dutch message and per-field errors.
// Unexpected errors are logged and shown as a generic message (no internals leak to the page).
import { ConflictError, ForbiddenError, NotFoundError, UnauthenticatedError, ValidationError } from "./errors";

export interface ActionResult<T = undefined> {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string>;
  data?: T;
}

export async function runAction<T>(fn: () => Promise<T>, success?: string): Promise<ActionResult<T>> {
  try {
    const data = await fn();
    return { ok: true, ...(success ? { message: success } : {}), ...(data === undefined ? {} : { data }) };
  } catch (e) {
    if (e instanceof ValidationError) return { ok: false, message: e.message, fieldErrors: e.fieldErrors };
    if (e instanceof ConflictError || e instanceof ForbiddenError || e instanceof NotFoundError || e instanceof UnauthenticatedError) {
      return { ok: false, message: e.message };
    }
    console.error(e);
    return { ok: false, message: "Er ging iets mis bij het opslaan. Er werd niets gewijzigd." };
  }
}
