// npm run db:sql -- NAME [--rebuild] [--id YYYYMMDDHHMMSS]
// Writes a new migration prisma/migrations/<id>_<NAME>/migration.sql that applies the canonical
// report SQL (prisma/sql/reports/*.sql). Run it after changing one of those files; the test
// tests/integration/report-sql-source.test.ts fails until the migrations define what the files say.
// --rebuild: re-derive the report tables afterwards (the view's rules changed).
import fs from "node:fs";
import path from "node:path";
import { migrationsDir } from "../lib/db/migrate";
import { renderReportSqlMigration } from "../lib/db/report-sql";

const args = process.argv.slice(2);
const flag = (f: string) => args.includes(f);
const option = (o: string) => {
  const i = args.indexOf(o);
  return i >= 0 ? args[i + 1] : undefined;
};
const name = args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--id");
const id = option("--id") ?? new Date().toISOString().replace(/\D/g, "").slice(0, 14);

if (!name || !/^[a-z0-9_]+$/.test(name) || !/^\d{14}$/.test(id)) {
  console.error("Gebruik: npm run db:sql -- NAAM [--rebuild] [--id JJJJMMDDUUMMSS]  (NAAM: kleine letters, cijfers, _)");
  process.exit(1);
}
const dir = path.join(migrationsDir(), `${id}_${name}`);
if (fs.existsSync(dir)) {
  console.error(`Bestaat al: ${dir}`);
  process.exit(1);
}
fs.mkdirSync(dir);
fs.writeFileSync(path.join(dir, "migration.sql"), renderReportSqlMigration({ rebuild: flag("--rebuild") }));
console.log(`Migratie geschreven: ${path.relative(process.cwd(), dir)}/migration.sql`);
