// Messages as data: the data layer and the pure rules say WHAT went wrong as a key of
// messages/<locale>/errors.json plus parameters; the entry points (lib/server/entry) and the
// import's page and CLI turn them into text in the reader's language. Pure: a lookup in the
// static catalogues, no request or user state.
//
// A message is a `Msg` ({ key, params }) or a plain string: a key without parameters (what zod
// schemas carry, their messages are strings), or — for code not yet converted — a finished text,
// which is shown as it is.
import type nlErrors from "@/messages/nl/errors.json";
import { catalogues, DEFAULT_LOCALE, type Locale } from "./messages";

type Paths<T> = { [K in keyof T & string]: T[K] extends string ? K : `${K}.${Paths<T[K]>}` }[keyof T & string];

/** Every key of messages/nl/errors.json: a missing key fails the type check. */
export type ErrorKey = Paths<typeof nlErrors>;
export type MsgParam = string | number | Msg;
export interface Msg {
  key: ErrorKey;
  params?: Record<string, MsgParam>;
}
export type MsgLike = Msg | string;

/** A message with parameters: msg("fines.amountRange", { min: 50, max: 5000 }). */
export const msg = (key: ErrorKey, params?: Record<string, MsgParam>): Msg => (params ? { key, params } : { key });

/** A message used as a parameter of another one (a key string is rendered, unlike a plain value). */
export const asMsg = (m: MsgLike): Msg => (typeof m === "string" ? { key: m as ErrorKey } : m);

/** A key as the string a zod schema's message must be (typed, so a typo fails tsc). */
export const errorKey = (key: ErrorKey): string => key;

type Tree = { [k: string]: string | Tree };

function lookup(locale: Locale, key: string): string | undefined {
  let node: string | Tree | undefined = (catalogues[locale] as unknown as Record<string, Tree>).errors;
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null) return undefined;
    node = node[part];
  }
  return typeof node === "string" ? node : undefined;
}

/** The text of a key in that locale (Dutch when the locale lacks it), or undefined for a non-key. */
function textOf(key: string, locale: Locale): string | undefined {
  // keys have no spaces; a finished text always has one, which keeps the lookup off sentences
  if (key.includes(" ")) return undefined;
  return lookup(locale, key) ?? lookup(DEFAULT_LOCALE, key);
}

const NUMBER_FORMATS: Record<string, string> = { nl: "nl-BE", en: "en-BE" };

function paramText(value: MsgParam | undefined, modifier: string | undefined, locale: Locale): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === "object") value = renderMessage(value, locale);
  if (modifier === "number" && typeof value === "number") return value.toLocaleString(NUMBER_FORMATS[locale] ?? "nl-BE");
  const s = String(value);
  // a sentence used inside another one ("Annuleren kan niet: het contract …")
  if (modifier === "lcfirst") return s.charAt(0).toLowerCase() + s.slice(1);
  return s;
}

/** The text of a message in a locale: {name} placeholders filled, `{name|lcfirst}` and `{name|number}` too. */
export function renderMessage(m: MsgLike, locale: Locale = DEFAULT_LOCALE): string {
  const key = typeof m === "string" ? m : m.key;
  const template = textOf(key, locale);
  if (template === undefined) return key;
  const params = typeof m === "string" ? undefined : m.params;
  return template.replace(/\{(\w+)(?:\|(\w+))?\}/g, (whole, name: string, modifier?: string) => paramText(params?.[name], modifier, locale) ?? whole);
}

/** A { field: message } map rendered in a locale. */
export function renderFields(fields: Readonly<Record<string, MsgLike>>, locale: Locale = DEFAULT_LOCALE): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(fields)) out[k] = renderMessage(v, locale);
  return out;
}

/** True when `s` is a key of the errors catalogue (tests: every key used in lib/ exists). */
export const isErrorKey = (s: string, locale: Locale = DEFAULT_LOCALE): boolean => lookup(locale, s) !== undefined;
