// Message catalogues: messages/<locale>/<namespace>.json, one file per area of the app.
// Keys are typed: translator("dossiers") returns a function whose key is one of the dotted paths
// of messages/nl/dossiers.json, so a missing or misspelt key fails `tsc`. The Dutch catalogue is
// the reference; every other language must have exactly its keys and placeholders
// (messages.test.ts). We keep our own small translator rather than next-intl: the app renders
// its texts on the server (pages, route handlers, CSV/XLSX writers, scripts) and needs a plain
// synchronous function of (namespace, locale) without a request-scoped configuration, and the
// messages use only {placeholders}, no ICU plurals.
// A key without a message renders as ⟦namespace.key⟧: visible, and what the English e2e walk
// looks for.
import nlCommon from "@/messages/nl/common.json";
import nlAuth from "@/messages/nl/auth.json";
import nlAdmin from "@/messages/nl/admin.json";
import nlDossiers from "@/messages/nl/dossiers.json";
import nlExchange from "@/messages/nl/exchange.json";
import nlReports from "@/messages/nl/reports.json";
import nlPublications from "@/messages/nl/publications.json";
import nlFines from "@/messages/nl/fines.json";
import nlDvz from "@/messages/nl/dvz.json";
import nlAudit from "@/messages/nl/audit.json";
import nlCodes from "@/messages/nl/codes.json";
import nlErrors from "@/messages/nl/errors.json";
import nlInzage from "@/messages/nl/inzage.json";
import nlWorklists from "@/messages/nl/worklists.json";
import enCommon from "@/messages/en/common.json";
import enAuth from "@/messages/en/auth.json";
import enAdmin from "@/messages/en/admin.json";
import enDossiers from "@/messages/en/dossiers.json";
import enExchange from "@/messages/en/exchange.json";
import enReports from "@/messages/en/reports.json";
import enPublications from "@/messages/en/publications.json";
import enFines from "@/messages/en/fines.json";
import enDvz from "@/messages/en/dvz.json";
import enAudit from "@/messages/en/audit.json";
import enCodes from "@/messages/en/codes.json";
import enErrors from "@/messages/en/errors.json";
import enInzage from "@/messages/en/inzage.json";
import enWorklists from "@/messages/en/worklists.json";
import { DEFAULT_LOCALE, type Locale } from "./locale";

export { DEFAULT_LOCALE, type Locale } from "./locale";

const nl = {
  common: nlCommon,
  auth: nlAuth,
  admin: nlAdmin,
  dossiers: nlDossiers,
  exchange: nlExchange,
  reports: nlReports,
  publications: nlPublications,
  fines: nlFines,
  dvz: nlDvz,
  audit: nlAudit,
  codes: nlCodes,
  errors: nlErrors,
  inzage: nlInzage,
  worklists: nlWorklists,
};

export type Namespace = keyof typeof nl;

/** Every language has the namespaces of Dutch (the keys themselves: messages.test.ts). */
export const catalogues: Record<Locale, Record<Namespace, unknown>> = {
  nl,
  en: {
    common: enCommon,
    auth: enAuth,
    admin: enAdmin,
    dossiers: enDossiers,
    exchange: enExchange,
    reports: enReports,
    publications: enPublications,
    fines: enFines,
    dvz: enDvz,
    audit: enAudit,
    codes: enCodes,
    errors: enErrors,
    inzage: enInzage,
    worklists: enWorklists,
  },
};

/** The dotted paths to the strings of a message tree: "list.search" | "sorts.-naam" | … */
type Leaves<T> = {
  [K in keyof T & string]: T[K] extends string ? K : T[K] extends object ? `${K}.${Leaves<T[K]>}` : never;
}[keyof T & string];

export type MessageKey<N extends Namespace> = Leaves<(typeof nl)[N]>;
export type MessageVars = Record<string, string | number>;
export type Translate<N extends Namespace> = (key: MessageKey<N>, vars?: MessageVars) => string;

type Tree = { [k: string]: string | Tree };

function lookup(tree: Tree, key: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null) return undefined;
    node = node[part];
  }
  return typeof node === "string" ? node : undefined;
}

/** The marker a missing message renders as. */
export const missingMessage = (namespace: string, key: string) => `⟦${namespace}.${key}⟧`;

/** Fills {name} placeholders; an unknown one stays visible as {name}. */
export function interpolate(text: string, vars?: MessageVars): string {
  return vars ? text.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`)) : text;
}

/** A translator for one namespace: t("nav.dossiers"), t("x.y", { count: 3 }). */
export function translator<N extends Namespace>(namespace: N, locale: Locale = DEFAULT_LOCALE): Translate<N> {
  const tree = catalogues[locale][namespace] as Tree;
  return (key, vars) => interpolate(lookup(tree, key) ?? missingMessage(namespace, key), vars);
}

/**
 * For keys built at run time from data (a code from the database, an audit action): the same
 * lookup without the compile-time check, and `fallback` when there is no message.
 */
export function dynamicMessage(namespace: Namespace, locale: Locale, key: string, fallback?: string): string | undefined {
  return lookup(catalogues[locale][namespace] as Tree, key) ?? fallback;
}

/** translator() for keys built from codes at run time (the key unchecked; a missing one shows the marker). */
export function looseTranslator(namespace: Namespace, locale: Locale = DEFAULT_LOCALE): (key: string, vars?: MessageVars) => string {
  return translator(namespace, locale) as (key: string, vars?: MessageVars) => string;
}
