// Errors the data layer throws; the entry points (lib/server/entry) turn them into a message in
// the actor's language, a 403 or a not-found page. Each carries its message as data (`msg`: a
// key of messages/<locale>/errors.json with parameters, or a finished text) and, as `message`,
// its Dutch text — what pages and scripts that show an error as it is keep showing.
import { renderFields, renderMessage, type MsgLike } from "@/lib/i18n/message";
import type { Locale } from "@/lib/i18n/messages";

/** An error whose message can be told in any locale. */
export class LocalizedError extends Error {
  constructor(readonly msg: MsgLike) {
    super(renderMessage(msg));
  }

  /** The message in the reader's language. */
  messageIn(locale: Locale): string {
    return renderMessage(this.msg, locale);
  }
}

/** Not signed in, or the account was disabled since: the next request is refused. */
export class UnauthenticatedError extends LocalizedError {
  constructor(message: MsgLike = "request.unauthenticated") {
    super(message);
    this.name = "UnauthenticatedError";
  }
}

/** Signed in, but the role does not allow this action. */
export class ForbiddenError extends LocalizedError {
  readonly status = 403;
  constructor(message: MsgLike = "request.forbidden") {
    super(message);
    this.name = "ForbiddenError";
  }
}

/** The record does not exist, or exists outside what the user may see (we do not say which). */
export class NotFoundError extends LocalizedError {
  readonly status = 404;
  constructor(message: MsgLike = "request.notFound") {
    super(message);
    this.name = "NotFoundError";
  }
}

/**
 * Input that breaks a rule: `fieldMessages` maps a field name to its message (key or text),
 * `fieldErrors` to its Dutch text (what existing readers show as it is).
 */
export class ValidationError extends LocalizedError {
  readonly status = 422;
  readonly fieldErrors: Record<string, string>;
  constructor(
    public readonly fieldMessages: Readonly<Record<string, MsgLike>>,
    message: MsgLike = "request.checkFields",
  ) {
    super(message);
    this.fieldErrors = renderFields(fieldMessages);
    this.name = "ValidationError";
  }

  fieldErrorsIn(locale: Locale): Record<string, string> {
    return renderFields(this.fieldMessages, locale);
  }
}

/** Someone else changed the record since it was read (optimistic concurrency). */
export class ConflictError extends LocalizedError {
  readonly status = 409;
  constructor(message: MsgLike = "request.conflict") {
    super(message);
    this.name = "ConflictError";
  }
}

/** A state-changing request that did not come from the app's own pages (CSRF guard). */
export class OriginRefusedError extends ForbiddenError {
  constructor(message: MsgLike = "request.originRefused") {
    super(message);
    this.name = "OriginRefusedError";
  }
}

/** A body in a format the endpoint does not take (e.g. JSON sent as text/plain). */
export class UnsupportedMediaTypeError extends LocalizedError {
  readonly status = 415;
  constructor(message: MsgLike = "request.unsupportedMediaType") {
    super(message);
    this.name = "UnsupportedMediaTypeError";
  }
}

/** A request that cannot be read at all (broken JSON, unreadable form, bad parameters). */
export class BadRequestError extends LocalizedError {
  readonly status = 400;
  constructor(message: MsgLike = "request.badRequest") {
    super(message);
    this.name = "BadRequestError";
  }
}

/**
 * A submission that breaks no rule but has steps out of the usual order (issue 14): nothing is
 * saved until the user confirms these warnings. `fieldMessages` holds each warning's reason by
 * field, `codes` the warnings a confirmation must name. A ValidationError (422) for any reader
 * that does not offer the confirmation.
 */
export class ConfirmationRequiredError extends ValidationError {
  constructor(
    fieldMessages: Readonly<Record<string, MsgLike>>,
    readonly codes: readonly string[],
  ) {
    super(fieldMessages, "track.confirmWarnings");
    this.name = "ConfirmationRequiredError";
  }
}

/**
 * The dossier was anonymised (issue 15): it is frozen, every change is refused. A ConflictError
 * (409: the record's state forbids the change, nothing is wrong with the input); `newcomerId` lets
 * the refusal be audited on the dossier (lib/server/access/denied.ts).
 */
export class AnonymisedDossierError extends ConflictError {
  constructor(
    readonly newcomerId: string,
    anonymisedAt: Date,
  ) {
    super({ key: "retention.frozen", params: { date: anonymisedAt.toISOString().slice(0, 10).split("-").reverse().join("/") } });
    this.name = "AnonymisedDossierError";
  }
}
