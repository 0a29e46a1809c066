import "server-only";
// Maps the data layer's errors to JSON HTTP responses for route handlers (the API twin of
// runAction): 401, 403, 404, 409, 422 with Dutch messages; anything else is a bare 500.
import { ConflictError, ForbiddenError, NotFoundError, UnauthenticatedError, ValidationError } from "@/lib/server/errors";

export function errorResponse(e: unknown): Response {
  if (e instanceof UnauthenticatedError) return Response.json({ ok: false, message: e.message }, { status: 401 });
  if (e instanceof ForbiddenError) return Response.json({ ok: false, message: e.message }, { status: 403 });
  if (e instanceof NotFoundError) return Response.json({ ok: false, message: e.message }, { status: 404 });
  if (e instanceof ConflictError) return Response.json({ ok: false, message: e.message }, { status: 409 });
  if (e instanceof ValidationError) return Response.json({ ok: false, message: e.message, fieldErrors: e.fieldErrors }, { status: 422 });
  console.error(e);
  return Response.json({ ok: false, message: "Er ging iets mis. Er werd niets gewijzigd." }, { status: 500 });
}
