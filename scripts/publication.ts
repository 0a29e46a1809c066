// npm run publication -- show ID [--format json|csv] --as EMAIL
// npm run publication -- diff ID [--against now|ID2] [--format json] --as EMAIL
// A publication exactly as stored (show), or what changed since (diff: against the figures now,
// recomputed with its parameters, or against another publication), through the data layer as the
// named account (scripts/lib/cli-publisher.ts); both are audited as publication.view.
import { parseArgs } from "node:util";
import { answerFootnotes, footnoteFigures } from "../lib/domain/reports/answer-texts";
import { displayGrid, displayTotalLine } from "../lib/domain/reports/display-grid";
import { writeCsv } from "../lib/domain/lists/csv";
import { reportToCsv } from "../lib/domain/reports/export-csv";
import { tableAsReport } from "../lib/domain/reports/publication/figures";
import type { Publication } from "../lib/server/reports/publications";
import { asPublisher, cliError } from "./lib/cli-publisher";

const USAGE = "Gebruik: npm run publication -- show ID [--format json|csv] --as E-MAIL | diff ID [--against now|ID2] [--format json] --as E-MAIL";

/** Every table as CSV after a line naming it, its footnotes (the answer's) beneath; hidden figures read the mark. */
function asCsv(p: Publication): string {
  const figures = footnoteFigures(p.figures.map((table) => ({ number: table.spec.table, ...tableAsReport(table, p.asOf) })));
  return p.figures
    .map((t, i) => {
      const { report, mask } = tableAsReport(t, p.asOf);
      const grid = displayGrid(report, mask);
      const totals = displayTotalLine(report, mask);
      const name = `${t.spec.table ? `Tabel ${t.spec.table}: ` : ""}${t.spec.measure} per ${t.spec.by.join(", ")}`;
      const csv = reportToCsv(report, (_v, row, col) => (row === -1 ? totals[col]! : grid[row]![col]!));
      const notes = answerFootnotes(t.spec.table, undefined, figures).map((f) => writeCsv([[f.text]], ";"));
      return `${i === 0 ? "" : "\r\n"}${writeCsv([[name]], ";")}${csv}${notes.length && !csv.endsWith("\n") ? "\r\n" : ""}${notes.join("")}`;
    })
    .join("");
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { format: { type: "string", default: "json" }, against: { type: "string", default: "now" }, as: { type: "string" } },
  });
  const [command, id] = positionals;
  if (!id || (command !== "show" && command !== "diff")) throw new Error(USAGE);
  if (!["json", "csv"].includes(values.format!) || (command === "diff" && values.format !== "json")) throw new Error(`Onbekend formaat: ${values.format}.`);
  const { diffPublication, showPublication } = await import("../lib/server/reports/publications");
  const out = await asPublisher(values.as, async (actor) => {
    if (command === "diff") return `${JSON.stringify(await diffPublication(actor, id, values.against!), null, 2)}\n`;
    const p = await showPublication(actor, id);
    return values.format === "csv" ? asCsv(p) : `${JSON.stringify(p, null, 2)}\n`;
  });
  process.stdout.write(out);
}

main().catch((e: unknown) => {
  console.error(`${cliError(e)}\n${USAGE}`);
  process.exit(1);
});
