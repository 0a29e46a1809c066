// What a server action answers a form with (components/forms/use-form-action.ts): a Dutch
// message and per-field errors, and data only where a form needs it (the revealed number).
// Errors are mapped to it by the one wrapper, action() in lib/server/entry.
export interface ActionResult<T = undefined> {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string>;
  data?: T;
}
