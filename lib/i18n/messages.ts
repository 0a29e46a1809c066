// Message catalogues: messages/<locale>/<namespace>.json, one file per area of the app so that
// English (or French) can be added by copying the folder. Lookup falls back to the key itself,
// which makes a missing message visible instead of blank.
import nlCommon from "@/messages/nl/common.json";
import nlAuth from "@/messages/nl/auth.json";
import nlAdmin from "@/messages/nl/admin.json";
import nlDossiers from "@/messages/nl/dossiers.json";
import nlExchange from "@/messages/nl/exchange.json";
import nlReports from "@/messages/nl/reports.json";
import nlFines from "@/messages/nl/fines.json";
import nlDvz from "@/messages/nl/dvz.json";
import nlAudit from "@/messages/nl/audit.json";
import nlErrors from "@/messages/nl/errors.json";
// wt-i18n-lib: the errors of lib/ in English (the other English catalogues come with wt-i18n)
import enErrors from "@/messages/en/errors.json";

export const catalogues = {
  nl: {
    common: nlCommon,
    auth: nlAuth,
    admin: nlAdmin,
    dossiers: nlDossiers,
    exchange: nlExchange,
    reports: nlReports,
    fines: nlFines,
    dvz: nlDvz,
    audit: nlAudit,
    errors: nlErrors,
  },
  // Created by wt-i18n-lib for the errors only, the other areas in Dutch until they have an
  // English catalogue. On merge wt-i18n's `en` block wins: keep its lines, add `errors: enErrors`.
  en: {
    common: nlCommon,
    auth: nlAuth,
    admin: nlAdmin,
    dossiers: nlDossiers,
    exchange: nlExchange,
    reports: nlReports,
    fines: nlFines,
    dvz: nlDvz,
    audit: nlAudit,
    errors: enErrors,
  },
} as const;

export type Locale = keyof typeof catalogues;
export type Namespace = keyof (typeof catalogues)["nl"];
export const DEFAULT_LOCALE: Locale = "nl";

type Tree = { [k: string]: string | Tree };

function lookup(tree: Tree, key: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null) return undefined;
    node = node[part];
  }
  return typeof node === "string" ? node : undefined;
}

/** A translator for one namespace: t("nav.dossiers"), t("x.y", { count: 3 }). */
export function translator(namespace: Namespace, locale: Locale = DEFAULT_LOCALE) {
  const tree = catalogues[locale][namespace] as unknown as Tree;
  return (key: string, vars?: Record<string, string | number>) => {
    const text = lookup(tree, key) ?? `${namespace}.${key}`;
    return vars ? text.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`)) : text;
  };
}
