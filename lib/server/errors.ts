// Errors the data layer throws; the thin app layer turns them into a Dutch message, a 403 or a
// not-found page. Messages are Dutch because they reach the user as they are.

/** Not signed in, or the account was disabled since: the next request is refused. */
export class UnauthenticatedError extends Error {
  constructor(message = "U bent niet (meer) aangemeld.") { super(message); this.name = "UnauthenticatedError"; }
}

/** Signed in, but the role does not allow this action. */
export class ForbiddenError extends Error {
  readonly status = 403;
  constructor(message = "U hebt geen toegang tot deze actie.") { super(message); this.name = "ForbiddenError"; }
}

/** The record does not exist, or exists outside what the user may see (we do not say which). */
export class NotFoundError extends Error {
  readonly status = 404;
  constructor(message = "Niet gevonden.") { super(message); this.name = "NotFoundError"; }
}

/** Input that breaks a rule; `fieldErrors` maps a field name to its Dutch message. */
export class ValidationError extends Error {
  readonly status = 422;
  constructor(public readonly fieldErrors: Record<string, string>, message = "Controleer de gemarkeerde velden.") {
    super(message);
    this.name = "ValidationError";
  }
}

/** Someone else changed the record since it was read (optimistic concurrency). */
export class ConflictError extends Error {
  readonly status = 409;
  constructor(message = "Iemand anders heeft dit dossier intussen gewijzigd. Herlaad de pagina en probeer opnieuw.") {
    super(message);
    this.name = "ConflictError";
  }
}

/** A state-changing request that did not come from the app's own pages (CSRF guard). */
export class OriginRefusedError extends ForbiddenError {
  constructor(message = "Dit verzoek komt niet van de toepassing zelf en werd geweigerd.") { super(message); this.name = "OriginRefusedError"; }
}

/** A body in a format the endpoint does not take (e.g. JSON sent as text/plain). */
export class UnsupportedMediaTypeError extends Error {
  readonly status = 415;
  constructor(message = "Dit formaat wordt niet aanvaard: stuur de gegevens als JSON (Content-Type: application/json).") { super(message); this.name = "UnsupportedMediaTypeError"; }
}

/** A request that cannot be read at all (broken JSON, unreadable form, bad parameters). */
export class BadRequestError extends Error {
  readonly status = 400;
  constructor(message = "Deze aanvraag is ongeldig.") { super(message); this.name = "BadRequestError"; }
}
