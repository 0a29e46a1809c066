// The definitions of a database's views, functions and triggers as PostgreSQL prints them
// (pg_get_viewdef, pg_get_functiondef, pg_get_triggerdef: normalised, independent of how the
// source was written outside a function body), with a function's grants (who may execute it,
// without the owner and grantor, so that who ran the migrations does not matter). Extension
// objects (pg_trgm) are left out.
import type pg from "pg";

export type Definitions = Record<string, string>;

const SCHEMAS = "('public', 'inburgering_private')";

export async function readDefinitions(c: pg.Client | pg.Pool): Promise<Definitions> {
  const r = await c.query<{ key: string; def: string }>(`
    SELECT 'view ' || c.oid::regclass::text AS key, pg_get_viewdef(c.oid, true) AS def
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind = 'v' AND n.nspname IN ${SCHEMAS}
       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e')
    UNION ALL
    SELECT 'function ' || p.oid::regprocedure::text,
           pg_get_functiondef(p.oid) || E'\\n-- execute: ' || coalesce((
             SELECT string_agg(CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE a.grantee::regrole::text END, ', ' ORDER BY 1)
               FROM aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a
              WHERE a.privilege_type = 'EXECUTE' AND a.grantee <> p.proowner), '')
      FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
     WHERE n.nspname IN ${SCHEMAS}
       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
    UNION ALL
    SELECT 'trigger ' || t.tgname || ' on ' || t.tgrelid::regclass::text, pg_get_triggerdef(t.oid, true)
      FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE NOT t.tgisinternal AND n.nspname IN ${SCHEMAS}`);
  return Object.fromEntries(r.rows.map((x) => [x.key, x.def]));
}

/** The keys whose definitions differ (or exist on one side only), with both definitions. */
export function differences(a: Definitions, b: Definitions): { key: string; a?: string; b?: string }[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .sort()
    .filter((k) => a[k] !== b[k])
    .map((k) => ({ key: k, a: a[k], b: b[k] }));
}
